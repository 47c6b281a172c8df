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
 * its barriers. Only the sorted ids of the map entries are also in memory ({@link EntryIndex}), as a cache.
 */
final class BeamStateProvider implements StateProvider {
    /** Separates a cell's id from an encoded map key; never part of a cell name. */
    private static final char KEY_SEPARATOR = '\u0000';

    private MapState<String, byte[]> values;
    private MapState<String, byte[]> entries;
    private String subKey = "";
    private final StateBytes stateBytes = new StateBytes();
    private final EntryIndex index = new EntryIndex();

    /** Makes the cells read and write these states until the next call. */
    void bind(MapState<String, byte[]> values, MapState<String, byte[]> entries) {
        this.values = values;
        this.entries = entries;
        index.sync(values, entries);
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
        return new EntryCell<>(keyCodec, valueCodec) {
            @Override
            String prefix() {
                return cellId(name) + KEY_SEPARATOR;
            }
        };
    }

    /** A map cell of the app, the same whatever the current sub-key; see {@link EntryCell#first}. */
    <K, V> EntryCell<K, V> globalMap(String name, StateCodec<K> keyCodec, StateCodec<V> valueCodec) {
        String prefix = "global|" + name + KEY_SEPARATOR;
        return new EntryCell<>(keyCodec, valueCodec) {
            @Override
            String prefix() {
                return prefix;
            }
        };
    }

    /**
     * A map cell's entries in the Beam state of map entries, each under the cell's prefix and its encoded key; the
     * {@link EntryIndex} finds a cell's entries without scanning those of every other cell.
     */
    abstract class EntryCell<K, V> implements MapCell<K, V> {
        private final StateCodec<K> keyCodec;
        private final StateCodec<V> valueCodec;

        EntryCell(StateCodec<K> keyCodec, StateCodec<V> valueCodec) {
            this.keyCodec = keyCodec;
            this.valueCodec = valueCodec;
        }

        /** The start of every entry id of this cell, as it is scoped now. */
        abstract String prefix();

        @Override
        public V get(K key) {
            byte[] bytes = entries.get(entryId(key)).read();
            return bytes == null ? null : decode(valueCodec, bytes);
        }

        @Override
        public void put(K key, V value) {
            String id = entryId(key);
            entries.put(id, encode(valueCodec, value));
            index.added(id);
        }

        @Override
        public void remove(K key) {
            String id = entryId(key);
            entries.remove(id);
            index.removed(id);
        }

        @Override
        public boolean isEmpty() {
            return index.first(prefix()) == null;
        }

        /** In the order of the encoded keys' bytes, as Flink's RocksDB backend iterates a map. */
        @Override
        public Iterable<Map.Entry<K, V>> entries() {
            String prefix = prefix();
            List<Map.Entry<K, V>> found = new ArrayList<>();
            for (String id : index.within(prefix)) {
                found.add(entry(prefix, id));
            }
            return found;
        }

        /** The entry of the least encoded key, or null when the cell is empty. */
        Map.Entry<K, V> first() {
            String prefix = prefix();
            String id = index.first(prefix);
            return id == null ? null : entry(prefix, id);
        }

        @Override
        public void clear() {
            for (String id : index.within(prefix())) {
                entries.remove(id);
                index.removed(id);
            }
        }

        private Map.Entry<K, V> entry(String prefix, String id) {
            K key = decode(keyCodec, id.substring(prefix.length()).getBytes(StandardCharsets.ISO_8859_1));
            return new AbstractMap.SimpleImmutableEntry<>(key, decode(valueCodec, entries.get(id).read()));
        }

        /** The key's bytes as ISO-8859-1 characters: one char per byte, so any key maps to a distinct string. */
        private String entryId(K key) {
            return prefix() + new String(encode(keyCodec, key), StandardCharsets.ISO_8859_1);
        }
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
