package org.siddhiql.runtime.state;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One query's view of the state provider, counting the events its windows hold: every {@link EventQueue} declared
 * through it reports each event it takes in and lets go. The count is a total over the keys the backend instance
 * holds, kept by changes (a total read from state would need every key's); {@link #recount} rebuilds it from restored
 * state. A plain field, written by the one thread that runs the query and read by metric reporters, as Flink's own
 * counters are.
 */
public final class MeteredState implements StateProvider {
    private final StateProvider backend;
    private final List<EventQueue> queues = new ArrayList<>();
    private long heldEvents;

    public MeteredState(StateProvider backend) {
        this.backend = backend;
    }

    /**
     * The provider itself for state that holds no events of the query's windows (a window's list of pending timer
     * times), so that queues declared through it are not counted.
     */
    public static StateProvider unmetered(StateProvider state) {
        return state instanceof MeteredState ? ((MeteredState) state).backend : state;
    }

    @Override
    public <T> ValueCell<T> value(String name, StateCodec<T> codec) {
        return backend.value(name, codec);
    }

    @Override
    public <K, V> MapCell<K, V> map(String name, StateCodec<K> keyCodec, StateCodec<V> valueCodec) {
        return backend.map(name, keyCodec, valueCodec);
    }

    /** The events the query's windows hold, over all keys of this instance. */
    public long heldEvents() {
        return heldEvents;
    }

    /**
     * Counts the events the restored state holds, to start from after a restore.
     *
     * @param forEachKeyHolding runs an action once for each key holding the named cell, with that key current
     */
    public void recount(BiConsumer<String, Runnable> forEachKeyHolding) {
        heldEvents = 0;
        for (EventQueue queue : queues) {
            forEachKeyHolding.accept(queue.boundsCell(), () -> heldEvents += queue.size());
        }
    }

    MeteredState register(EventQueue queue) {
        queues.add(queue);
        return this;
    }

    void heldEventsChanged(long delta) {
        heldEvents += delta;
    }
}
