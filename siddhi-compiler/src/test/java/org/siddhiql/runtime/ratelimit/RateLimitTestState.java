package org.siddhiql.runtime.ratelimit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siddhiql.runtime.state.MapCell;
import org.siddhiql.runtime.state.StateCodec;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;

/**
 * In-memory keyed state for rate limiter tests. Every value is stored in its encoded form, so each read goes through
 * the kernel's codecs (as on RocksDB), and state is scoped to the current key, which tests switch.
 */
final class RateLimitTestState implements StateProvider {
    private final Set<String> names = new HashSet<>();
    private final Map<String, Map<String, byte[]>> values = new HashMap<>();
    private final Map<String, Map<String, Map<Object, byte[]>>> maps = new HashMap<>();
    private String key = "key";

    void setKey(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    /** Number of stored values and map entries over all keys: for checking that state is cleaned up. */
    int storedEntries() {
        int n = 0;
        for (Map<String, byte[]> perKey : values.values()) {
            n += perKey.size();
        }
        for (Map<String, Map<Object, byte[]>> perKey : maps.values()) {
            for (Map<Object, byte[]> m : perKey.values()) {
                n += m.size();
            }
        }
        return n;
    }

    @Override
    public <T> ValueCell<T> value(String name, StateCodec<T> codec) {
        register(name);
        Map<String, byte[]> cells = values.computeIfAbsent(name, n -> new HashMap<>());
        return new ValueCell<>() {
            @Override
            public T get() {
                byte[] bytes = cells.get(key);
                return bytes == null ? null : decode(codec, bytes);
            }

            @Override
            public void set(T value) {
                cells.put(key, encode(codec, value));
            }

            @Override
            public void clear() {
                cells.remove(key);
            }
        };
    }

    @Override
    public <K, V> MapCell<K, V> map(String name, StateCodec<K> keyCodec, StateCodec<V> valueCodec) {
        register(name);
        Map<String, Map<Object, byte[]>> perKey = maps.computeIfAbsent(name, n -> new HashMap<>());
        return new MapCell<>() {
            private Map<Object, byte[]> current(boolean create) {
                return create ? perKey.computeIfAbsent(key, k -> new LinkedHashMap<>()) : perKey.get(key);
            }

            @Override
            public V get(K k) {
                Map<Object, byte[]> m = current(false);
                byte[] bytes = m == null ? null : m.get(k);
                return bytes == null ? null : decode(valueCodec, bytes);
            }

            @Override
            public void put(K k, V v) {
                current(true).put(decode(keyCodec, encode(keyCodec, k)), encode(valueCodec, v));
            }

            @Override
            public void remove(K k) {
                Map<Object, byte[]> m = current(false);
                if (m != null) {
                    m.remove(k);
                    if (m.isEmpty()) {
                        perKey.remove(key);
                    }
                }
            }

            @Override
            public boolean isEmpty() {
                Map<Object, byte[]> m = current(false);
                return m == null || m.isEmpty();
            }

            @Override
            @SuppressWarnings("unchecked")
            public Iterable<Map.Entry<K, V>> entries() {
                Map<Object, byte[]> m = current(false);
                List<Map.Entry<K, V>> list = new ArrayList<>();
                if (m != null) {
                    // reversed insertion order: kernels must not rely on the backend's iteration order
                    List<Map.Entry<Object, byte[]>> raw = new ArrayList<>(m.entrySet());
                    for (int i = raw.size() - 1; i >= 0; i--) {
                        list.add(new AbstractMap.SimpleImmutableEntry<>((K) raw.get(i).getKey(),
                                decode(valueCodec, raw.get(i).getValue())));
                    }
                }
                return list;
            }

            @Override
            public void clear() {
                perKey.remove(key);
            }
        };
    }

    private void register(String name) {
        if (!names.add(name)) {
            throw new IllegalStateException("state name used twice: " + name);
        }
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
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            T value = codec.decode(in);
            if (in.available() != 0) {
                throw new IllegalStateException("codec left " + in.available() + " bytes unread");
            }
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
