package org.siddhiql.runtime.ratelimit;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.MapCell;
import org.siddhiql.runtime.state.StateCodec;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;

/**
 * An ordered list in managed state that supports appending and removing the first element that matches: one map
 * entry per element in numbered slots, with holes where elements were removed from the middle. Removing at the head
 * (the usual case: windows expire their oldest events first) costs one entry; the slots are renumbered when holes
 * outnumber the elements.
 */
final class SlotList<T> {
    private final MapCell<Long, T> slots;
    private final ValueCell<long[]> bounds; // {head, tail, size}: elements live in [head, tail), size of them

    SlotList(StateProvider state, String name, StateCodec<T> codec) {
        this.slots = state.map(name + ".slots", Codecs.LONG, codec);
        this.bounds = state.value(name + ".bounds", TRIPLE);
    }

    void add(T element) {
        long[] b = bounds();
        slots.put(b[1], element);
        bounds.set(new long[] {b[0], b[1] + 1, b[2] + 1});
    }

    boolean isEmpty() {
        return bounds()[2] == 0;
    }

    long size() {
        return bounds()[2];
    }

    /** The elements in order. */
    List<T> toList() {
        long[] b = bounds();
        List<T> list = new ArrayList<>((int) b[2]);
        for (long i = b[0]; i < b[1] && list.size() < b[2]; i++) {
            T element = slots.get(i);
            if (element != null) {
                list.add(element);
            }
        }
        return list;
    }

    /**
     * Removes the first element the test accepts and returns true, or returns false. The test may throw; then nothing
     * is removed.
     */
    boolean removeFirst(Predicate<T> test) {
        long[] b = bounds();
        long seen = 0;
        for (long i = b[0]; i < b[1] && seen < b[2]; i++) {
            T element = slots.get(i);
            if (element == null) {
                continue;
            }
            seen++;
            if (test.test(element)) {
                slots.remove(i);
                removed(b, i);
                return true;
            }
        }
        return false;
    }

    void clear() {
        slots.clear();
        bounds.clear();
    }

    private void removed(long[] b, long slot) {
        long head = b[0];
        long tail = b[1];
        long size = b[2] - 1;
        if (size == 0) {
            bounds.clear();
            return;
        }
        if (slot == head) {
            head++;
            while (head < tail && slots.get(head) == null) {
                head++;
            }
        }
        if (tail - head > 2 * size + 16) {
            compact(head, tail, size);
        } else {
            bounds.set(new long[] {head, tail, size});
        }
    }

    private void compact(long head, long tail, long size) {
        List<T> live = new ArrayList<>((int) size);
        for (long i = head; i < tail; i++) {
            T element = slots.get(i);
            if (element != null) {
                live.add(element);
            }
        }
        slots.clear();
        for (int i = 0; i < live.size(); i++) {
            slots.put((long) i, live.get(i));
        }
        bounds.set(new long[] {0, live.size(), live.size()});
    }

    private long[] bounds() {
        long[] b = bounds.get();
        return b == null ? new long[3] : b;
    }

    private static final StateCodec<long[]> TRIPLE = new StateCodec<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public void encode(long[] value, DataOutput out) throws IOException {
            out.writeLong(value[0]);
            out.writeLong(value[1]);
            out.writeLong(value[2]);
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
