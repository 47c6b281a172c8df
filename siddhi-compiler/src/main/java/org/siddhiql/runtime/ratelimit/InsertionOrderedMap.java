package org.siddhiql.runtime.ratelimit;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.MapCell;
import org.siddhiql.runtime.state.StateCodec;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;

/**
 * A string-keyed map in managed state that iterates in first-insertion order: replacing a key's value keeps its
 * place, removing it forgets the place. Each entry carries its insertion number, so a put touches one entry.
 */
final class InsertionOrderedMap<V> {
    private final MapCell<String, Slot<V>> entries;
    private final ValueCell<Long> nextOrdinal;

    InsertionOrderedMap(StateProvider state, String name, StateCodec<V> valueCodec) {
        this.entries = state.map(name + ".entries", Codecs.STRING, slotCodec(valueCodec));
        this.nextOrdinal = state.value(name + ".next", Codecs.LONG);
    }

    V get(String key) {
        Slot<V> slot = entries.get(key);
        return slot == null ? null : slot.value;
    }

    void put(String key, V value) {
        Slot<V> slot = entries.get(key);
        long ordinal;
        if (slot != null) {
            ordinal = slot.ordinal;
        } else {
            Long next = nextOrdinal.get();
            ordinal = next == null ? 0 : next;
            nextOrdinal.set(ordinal + 1);
        }
        entries.put(key, new Slot<>(ordinal, value));
    }

    void remove(String key) {
        entries.remove(key);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The entries in first-insertion order. */
    List<Map.Entry<String, V>> inOrder() {
        List<Map.Entry<String, Slot<V>>> slots = new ArrayList<>();
        for (Map.Entry<String, Slot<V>> e : entries.entries()) {
            slots.add(e);
        }
        slots.sort(Comparator.comparingLong(e -> e.getValue().ordinal));
        List<Map.Entry<String, V>> ordered = new ArrayList<>(slots.size());
        for (Map.Entry<String, Slot<V>> e : slots) {
            ordered.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), e.getValue().value));
        }
        return ordered;
    }

    void clear() {
        entries.clear();
        nextOrdinal.clear();
    }

    private static final class Slot<V> {
        final long ordinal;
        final V value;

        Slot(long ordinal, V value) {
            this.ordinal = ordinal;
            this.value = value;
        }
    }

    private static <V> StateCodec<Slot<V>> slotCodec(StateCodec<V> valueCodec) {
        return new StateCodec<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public void encode(Slot<V> slot, DataOutput out) throws IOException {
                out.writeLong(slot.ordinal);
                valueCodec.encode(slot.value, out);
            }

            @Override
            public Slot<V> decode(DataInput in) throws IOException {
                long ordinal = in.readLong();
                return new Slot<>(ordinal, valueCodec.decode(in));
            }

            @Override
            public Slot<V> copy(Slot<V> slot) {
                return valueCodec.immutableValues() ? slot : new Slot<>(slot.ordinal, valueCodec.copy(slot.value));
            }

            @Override
            public boolean immutableValues() {
                return valueCodec.immutableValues();
            }
        };
    }
}
