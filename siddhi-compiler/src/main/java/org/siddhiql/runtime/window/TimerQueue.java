package org.siddhiql.runtime.window;

import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.state.EventCodec;
import org.siddhiql.runtime.state.EventQueue;
import org.siddhiql.runtime.state.MeteredState;
import org.siddhiql.runtime.state.StateProvider;

/**
 * Siddhi's per-window timer list, for windows that may ask for times out of order (timeLength, session). Siddhi keeps
 * the requested times in arrival order and only ever looks at the oldest request: a later request for an earlier
 * time waits behind it, and fires right after it. Only the head is handed to the backend, so the backend's time
 * ordering cannot reorder what Siddhi would not.
 */
final class TimerQueue {
    private static final Object[] NO_DATA = new Object[0];

    private final EventQueue times;

    TimerQueue(StateProvider state, String name) {
        // times, not events of the window: not counted with what the window holds
        this.times = new EventQueue(MeteredState.unmetered(state), name, new EventCodec(new AttributeType[0]));
    }

    /** Siddhi's notifyAt. */
    void notifyAt(long time, WindowContext context) {
        boolean idle = times.isEmpty();
        times.add(new Event(time, NO_DATA));
        if (idle) {
            context.scheduleAt(time);
        }
    }

    /**
     * Takes the request that is due now, with the identical requests queued right behind it (firing those again
     * would change nothing for the windows that use this), and hands the next request to the backend. Returns null
     * when the oldest request is not due yet.
     */
    Long pollDue(WindowContext context) {
        Event head = times.peekFirst();
        if (head == null) {
            return null;
        }
        if (head.timestamp() > context.currentTime()) {
            context.scheduleAt(head.timestamp());
            return null;
        }
        long due = head.timestamp();
        times.pollFirst();
        Event next = times.peekFirst();
        while (next != null && next.timestamp() == due) {
            times.pollFirst();
            next = times.peekFirst();
        }
        if (next != null) {
            context.scheduleAt(next.timestamp());
        }
        return due;
    }
}
