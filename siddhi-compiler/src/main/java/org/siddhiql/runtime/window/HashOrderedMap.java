package org.siddhiql.runtime.window;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.MapCell;
import org.siddhiql.runtime.state.StateCodec;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;

/**
 * A string-keyed map in managed state that iterates in the order a {@code ConcurrentHashMap<String, ?>} with the
 * same history of puts and removes would. Some Siddhi windows emit events in their map's iteration order, so that
 * order is part of their output.
 *
 * <p>A concurrent hash map lists its bins in index order and, within a bin, keys in the order they were inserted,
 * except that a resize reorders bins. Each key carries an insertion number; a resize is replayed on a real map (the
 * same JDK code as Siddhi's) and the numbers are reassigned from its order. Not replayed: the early resize a map makes
 * when nine keys share one bin of a table smaller than 64.
 */
final class HashOrderedMap<V> {
    private static final int FIRST_TABLE = 16;

    private final MapCell<String, Slot<V>> slots;
    private final ValueCell<long[]> meta; // {size, table length, next insertion number}

    HashOrderedMap(StateProvider state, String name, StateCodec<V> valueCodec) {
        this.slots = state.map(name + ".slots", Codecs.STRING, new SlotCodec<>(valueCodec));
        this.meta = state.value(name + ".meta", META);
    }

    V get(String key) {
        Slot<V> slot = slots.get(key);
        return slot == null ? null : slot.value;
    }

    int size() {
        long[] m = meta.get();
        return m == null ? 0 : (int) m[0];
    }

    /** Replaces the value of a present key in place, or inserts the key as the map would. */
    void put(String key, V value) {
        Slot<V> slot = slots.get(key);
        if (slot != null) {
            slots.put(key, new Slot<>(slot.seq, value));
            return;
        }
        long[] m = meta.get();
        if (m == null) {
            m = new long[] {0, FIRST_TABLE, 0};
        }
        int table = (int) m[1];
        long size = m[0] + 1;
        if (size >= table - (table >>> 2)) {
            // the insert that crosses the resize threshold: let a real map do it and read its order back
            List<String> keys = orderedKeys();
            ConcurrentHashMap<String, Boolean> replay = new ConcurrentHashMap<>(table * 3 / 8, 0.75f, 1);
            for (String k : keys) {
                replay.put(k, Boolean.TRUE);
            }
            replay.put(key, Boolean.TRUE);
            long seq = 0;
            for (String k : replay.keySet()) {
                slots.put(k, new Slot<>(seq++, k.equals(key) ? value : slots.get(k).value));
            }
            meta.set(new long[] {size, table * 2L, seq});
        } else {
            slots.put(key, new Slot<>(m[2], value));
            meta.set(new long[] {size, table, m[2] + 1});
        }
    }

    void remove(String key) {
        if (slots.get(key) == null) {
            return;
        }
        slots.remove(key);
        long[] m = meta.get();
        meta.set(new long[] {m[0] - 1, m[1], m[2]});
    }

    /** The entries in the map's iteration order. */
    List<Map.Entry<String, V>> entries() {
        long[] m = meta.get();
        if (m == null) {
            return new ArrayList<>();
        }
        int table = (int) m[1];
        List<Map.Entry<String, Slot<V>>> all = new ArrayList<>();
        for (Map.Entry<String, Slot<V>> e : slots.entries()) {
            all.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue()));
        }
        all.sort(Comparator.<Map.Entry<String, Slot<V>>>comparingInt(e -> bin(e.getKey(), table))
                .thenComparingLong(e -> e.getValue().seq));
        List<Map.Entry<String, V>> out = new ArrayList<>(all.size());
        for (Map.Entry<String, Slot<V>> e : all) {
            out.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue().value));
        }
        return out;
    }

    private List<String> orderedKeys() {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, V> e : entries()) {
            keys.add(e.getKey());
        }
        return keys;
    }

    /** The bin (bucket) a key lands in, for both ConcurrentHashMap and HashMap. */
    static int bin(String key, int table) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (table - 1);
    }

    /**
     * The order a {@code java.util.HashMap} filled with these keys in this order iterates in, given the largest number
     * of entries it ever held (a HashMap's table grows with it and never shrinks).
     */
    static <T> List<Map.Entry<String, T>> hashMapOrder(List<Map.Entry<String, T>> insertionOrder, long largestSize) {
        int table = FIRST_TABLE;
        while (largestSize > (long) table * 3 / 4) {
            table *= 2;
        }
        int t = table;
        List<Map.Entry<String, T>> out = new ArrayList<>(insertionOrder);
        out.sort(Comparator.comparingInt(e -> bin(e.getKey(), t))); // stable: insertion order within a bucket
        return out;
    }

    private static final class Slot<V> {
        final long seq;
        final V value;

        Slot(long seq, V value) {
            this.seq = seq;
            this.value = value;
        }
    }

    private static final class SlotCodec<V> implements StateCodec<Slot<V>> {
        private static final long serialVersionUID = 1L;
        private final StateCodec<V> values;

        SlotCodec(StateCodec<V> values) {
            this.values = values;
        }

        @Override
        public void encode(Slot<V> slot, DataOutput out) throws IOException {
            out.writeLong(slot.seq);
            values.encode(slot.value, out);
        }

        @Override
        public Slot<V> decode(DataInput in) throws IOException {
            long seq = in.readLong();
            return new Slot<>(seq, values.decode(in));
        }

        @Override
        public Slot<V> copy(Slot<V> slot) {
            return values.immutableValues() ? slot : new Slot<>(slot.seq, values.copy(slot.value));
        }
    }

    private static final StateCodec<long[]> META = new StateCodec<>() {
        @Override
        public void encode(long[] value, DataOutput out) throws IOException {
            for (long v : value) {
                out.writeLong(v);
            }
        }

        @Override
        public long[] decode(DataInput in) throws IOException {
            return new long[] {in.readLong(), in.readLong(), in.readLong()};
        }

        @Override
        public long[] copy(long[] value) {
            return value.clone();
        }
    };
}
