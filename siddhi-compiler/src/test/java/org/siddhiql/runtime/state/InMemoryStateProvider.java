package org.siddhiql.runtime.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keyed managed state for tests. Values are kept in their encoded form, as a backend with a serializing store (RocksDB)
 * keeps them: a kernel that mutates a value it read without setting it again loses the change here too, and every
 * codec is exercised. The current key is switched with {@link #setCurrentKey}, as a backend switches it per record.
 */
public final class InMemoryStateProvider implements StateProvider {
    private final Map<Object, Map<String, Object>> byKey = new HashMap<>();
    private final Map<String, StateCodec<?>> declared = new LinkedHashMap<>();
    private Object currentKey = "";

    public void setCurrentKey(Object key) {
        this.currentKey = Objects.requireNonNull(key);
    }

    public Object currentKey() {
        return currentKey;
    }

    /** The names of the cells that hold something for the current key. */
    public List<String> namesInUse() {
        List<String> names = new ArrayList<>();
        Map<String, Object> cells = byKey.get(currentKey);
        if (cells != null) {
            for (Map.Entry<String, Object> e : cells.entrySet()) {
                Object v = e.getValue();
                if (!(v instanceof Map) || !((Map<?, ?>) v).isEmpty()) {
                    names.add(e.getKey());
                }
            }
        }
        return names;
    }

    /**
     * A provider holding what this one stores, with nothing declared yet: what a backend restoring a snapshot gives
     * the kernels of a restarted job. Stored bytes are never changed in place, so only the maps are copied.
     */
    public InMemoryStateProvider restored() {
        InMemoryStateProvider restored = new InMemoryStateProvider();
        byKey.forEach((key, cells) -> {
            Map<String, Object> copies = new HashMap<>();
            cells.forEach((name, cell) -> copies.put(name,
                    cell instanceof Map ? new LinkedHashMap<>((Map<?, ?>) cell) : cell));
            restored.byKey.put(key, copies);
        });
        return restored;
    }

    /** The encoded size of the current key's value in the named value cell; 0 if it holds none. */
    public int storedBytes(String name) {
        Map<String, Object> cells = byKey.get(currentKey);
        byte[] bytes = cells == null ? null : (byte[]) cells.get(name);
        return bytes == null ? 0 : bytes.length;
    }

    /** Runs the action once for each key holding a value in the named cell, with that key current, as a backend. */
    public void forEachKeyHolding(String name, Runnable action) {
        Object previous = currentKey;
        for (Map.Entry<Object, Map<String, Object>> key : byKey.entrySet()) {
            if (key.getValue().containsKey(name)) {
                currentKey = key.getKey();
                action.run();
            }
        }
        currentKey = previous;
    }

    private Map<String, Object> cells() {
        return byKey.computeIfAbsent(currentKey, k -> new HashMap<>());
    }

    private void declare(String name, StateCodec<?> codec) {
        if (declared.put(name, codec) != null) {
            throw new IllegalStateException("state '" + name + "' declared twice");
        }
    }

    @Override
    public <T> ValueCell<T> value(String name, StateCodec<T> codec) {
        declare(name, codec);
        return new ValueCell<>() {
            @Override
            public T get() {
                byte[] bytes = (byte[]) cells().get(name);
                return bytes == null ? null : decode(codec, bytes);
            }

            @Override
            public void set(T value) {
                if (value == null) {
                    clear();
                } else {
                    cells().put(name, encode(codec, value));
                }
            }

            @Override
            public void clear() {
                cells().remove(name);
            }
        };
    }

    @Override
    public <K, V> MapCell<K, V> map(String name, StateCodec<K> keyCodec, StateCodec<V> valueCodec) {
        declare(name, valueCodec);
        return new MapCell<>() {
            @SuppressWarnings("unchecked")
            private Map<ByteBuffer, byte[][]> store() {
                return (Map<ByteBuffer, byte[][]>) cells().computeIfAbsent(name, n -> new LinkedHashMap<>());
            }

            @Override
            public V get(K key) {
                byte[][] entry = store().get(ByteBuffer.wrap(encode(keyCodec, key)));
                return entry == null ? null : decode(valueCodec, entry[1]);
            }

            @Override
            public void put(K key, V value) {
                byte[] k = encode(keyCodec, key);
                store().put(ByteBuffer.wrap(k), new byte[][] {k, encode(valueCodec, value)});
            }

            @Override
            public void remove(K key) {
                store().remove(ByteBuffer.wrap(encode(keyCodec, key)));
            }

            @Override
            public boolean isEmpty() {
                return store().isEmpty();
            }

            @Override
            public Iterable<Map.Entry<K, V>> entries() {
                List<Map.Entry<K, V>> list = new ArrayList<>();
                for (byte[][] entry : store().values()) {
                    list.add(new AbstractMap.SimpleImmutableEntry<>(decode(keyCodec, entry[0]),
                            decode(valueCodec, entry[1])));
                }
                return list;
            }

            @Override
            public void clear() {
                store().clear();
            }
        };
    }

    private static <T> byte[] encode(StateCodec<T> codec, T value) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            codec.encode(value, new DataOutputStream(bytes));
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T decode(StateCodec<T> codec, byte[] bytes) {
        try {
            return codec.decode(new DataInputStream(new ByteArrayInputStream(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
