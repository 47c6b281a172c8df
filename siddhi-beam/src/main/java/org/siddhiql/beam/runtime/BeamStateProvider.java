package org.siddhiql.beam.runtime;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.state.MapState;
import org.siddhiql.runtime.state.MapCell;
import org.siddhiql.runtime.state.StateCodec;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;

/**
 * Binds kernel state to Beam state. A Beam DoFn declares its state statically, while kernels declare cells by name
 * as they are built, so every cell lives in one of two Beam {@link MapState}s of the DoFn: value cells under their
 * name, map cells' entries under their name and encoded key. Each name is scoped to a <em>sub-key</em> (a partition
 * key), because all of an app's keys share one Beam key (see {@link AppGraphFn}).
 *
 * <p>The cells hold no values: each call reads or writes the Beam state bound for the element or timer in hand
 * ({@link #bind}), so everything is in the runner's state — Flink keyed state on the FlinkRunner, checkpointed with
 * its barriers.
 */
final class BeamStateProvider implements StateProvider {
    /** Separates a cell's id from an encoded map key; never part of a cell name. */
    private static final char KEY_SEPARATOR = '\u0000';

    private MapState<String, byte[]> values;
    private MapState<String, byte[]> entries;
    private String subKey = "";
    private final StateBytes stateBytes = new StateBytes();

    /** Makes the cells read and write these states until the next call. */
    void bind(MapState<String, byte[]> values, MapState<String, byte[]> entries) {
        this.values = values;
        this.entries = entries;
    }

    /** Scopes the cells to a sub-key: {@code ""} for the app's global state, a partition key otherwise. */
    void subKey(String subKey) {
        this.subKey = subKey;
    }

    String subKey() {
        return subKey;
    }

    @Override
    public <T> ValueCell<T> value(String name, StateCodec<T> codec) {
        return new ValueCell<>() {
            @Override
            public T get() {
                byte[] bytes = values.get(cellId(name)).read();
                return bytes == null ? null : decode(codec, bytes);
            }

            @Override
            public void set(T value) {
                values.put(cellId(name), encode(codec, value));
            }

            @Override
            public void clear() {
                values.remove(cellId(name));
            }
        };
    }

    /** A value cell of the app, the same whatever the current sub-key: the graph's own bookkeeping. */
    <T> ValueCell<T> globalValue(String name, StateCodec<T> codec) {
        String id = "global|" + name;
        return new ValueCell<>() {
            @Override
            public T get() {
                byte[] bytes = values.get(id).read();
                return bytes == null ? null : decode(codec, bytes);
            }

            @Override
            public void set(T value) {
                values.put(id, encode(codec, value));
            }

            @Override
            public void clear() {
                values.remove(id);
            }
        };
    }

    @Override
    public <K, V> MapCell<K, V> map(String name, StateCodec<K> keyCodec, StateCodec<V> valueCodec) {
        return new MapCell<>() {
            @Override
            public V get(K key) {
                byte[] bytes = entries.get(entryId(key)).read();
                return bytes == null ? null : decode(valueCodec, bytes);
            }

            @Override
            public void put(K key, V value) {
                entries.put(entryId(key), encode(valueCodec, value));
            }

            @Override
            public void remove(K key) {
                entries.remove(entryId(key));
            }

            @Override
            public boolean isEmpty() {
                String prefix = prefix();
                for (String id : entries.keys().read()) {
                    if (id.startsWith(prefix)) {
                        return false;
                    }
                }
                return true;
            }

            /**
             * Beam's MapState has no range reads, so this scans the entries of every map cell of the DoFn's key: the
             * cost of all map cells sharing one Beam state. Kernels iterate maps only where they scan them anyway.
             */
            @Override
            public Iterable<Map.Entry<K, V>> entries() {
                String prefix = prefix();
                List<Map.Entry<K, V>> found = new ArrayList<>();
                for (Map.Entry<String, byte[]> e : entries.entries().read()) {
                    if (e.getKey().startsWith(prefix)) {
                        K key = decode(keyCodec, e.getKey().substring(prefix.length())
                                .getBytes(StandardCharsets.ISO_8859_1));
                        found.add(new AbstractMap.SimpleImmutableEntry<>(key, decode(valueCodec, e.getValue())));
                    }
                }
                return found;
            }

            @Override
            public void clear() {
                String prefix = prefix();
                List<String> ids = new ArrayList<>();
                for (String id : entries.keys().read()) {
                    if (id.startsWith(prefix)) {
                        ids.add(id);
                    }
                }
                ids.forEach(entries::remove);
            }

            private String prefix() {
                return cellId(name) + KEY_SEPARATOR;
            }

            /** The key's bytes as ISO-8859-1 characters: one char per byte, so any key maps to a distinct string. */
            private String entryId(K key) {
                return prefix() + new String(encode(keyCodec, key), StandardCharsets.ISO_8859_1);
            }
        };
    }

    /** The sub-key's length first, so that no sub-key and name can be confused with another pair. */
    private String cellId(String name) {
        return subKey.length() + "|" + subKey + "|" + name;
    }

    private <T> byte[] encode(StateCodec<T> codec, T value) {
        return stateBytes.encode(codec, value);
    }

    private static <T> T decode(StateCodec<T> codec, byte[] bytes) {
        return StateBytes.decode(codec, bytes);
    }
}
