package org.siddhiql.runtime.state;

import java.util.ArrayList;
import java.util.List;
import org.siddhiql.runtime.event.Event;

/**
 * A FIFO of events in managed state, stored as one map entry per event plus a head/tail pair, so that appending or
 * removing an event touches one entry: constant cost per event on RocksDB, where a list state would rewrite the
 * whole window.
 */
public final class EventQueue {
    private final MapCell<Long, Event> slots;
    private final ValueCell<long[]> bounds; // {head, tail}: slots [head, tail) are occupied
    private final String name;
    /** Where the events taken in and let go are counted; null when they are not (see {@link MeteredState}). */
    private final MeteredState meter;

    public EventQueue(StateProvider state, String name, EventCodec codec) {
        this.slots = state.map(name + ".events", Codecs.LONG, codec);
        this.bounds = state.value(name + ".bounds", LONG_PAIR);
        this.name = name;
        this.meter = state instanceof MeteredState ? ((MeteredState) state).register(this) : null;
    }

    public void add(Event event) {
        long[] b = bounds();
        slots.put(b[1], event);
        bounds.set(new long[] {b[0], b[1] + 1});
        if (meter != null) {
            meter.heldEventsChanged(1);
        }
    }

    public Event peekFirst() {
        long[] b = bounds();
        return b[0] == b[1] ? null : slots.get(b[0]);
    }

    public Event pollFirst() {
        long[] b = bounds();
        if (b[0] == b[1]) {
            return null;
        }
        Event first = slots.get(b[0]);
        slots.remove(b[0]);
        if (meter != null) {
            meter.heldEventsChanged(-1);
        }
        if (b[0] + 1 == b[1]) {
            bounds.clear();
        } else {
            bounds.set(new long[] {b[0] + 1, b[1]});
        }
        return first;
    }

    public int size() {
        long[] b = bounds();
        return (int) (b[1] - b[0]);
    }

    public boolean isEmpty() {
        long[] b = bounds();
        return b[0] == b[1];
    }

    /** All events, oldest first. */
    public List<Event> toList() {
        long[] b = bounds();
        List<Event> events = new ArrayList<>((int) (b[1] - b[0]));
        for (long i = b[0]; i < b[1]; i++) {
            events.add(slots.get(i));
        }
        return events;
    }

    /** Removes every event and returns them, oldest first. */
    public List<Event> drain() {
        List<Event> events = toList();
        clear();
        return events;
    }

    public void clear() {
        if (meter != null) {
            meter.heldEventsChanged(-size());
        }
        slots.clear();
        bounds.clear();
    }

    /** The cell every key holding events has. */
    String boundsCell() {
        return name + ".bounds";
    }

    private long[] bounds() {
        long[] b = bounds.get();
        return b == null ? new long[2] : b;
    }

    private static final StateCodec<long[]> LONG_PAIR = new StateCodec<>() {
        @Override
        public void encode(long[] value, java.io.DataOutput out) throws java.io.IOException {
            out.writeLong(value[0]);
            out.writeLong(value[1]);
        }

        @Override
        public long[] decode(java.io.DataInput in) throws java.io.IOException {
            return new long[] {in.readLong(), in.readLong()};
        }

        @Override
        public long[] copy(long[] value) {
            return value.clone();
        }
    };
}
