package org.siddhiql.runtime.join;

import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.MapCell;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.window.WindowContext;

/**
 * The pending timer times of one side's window, in managed state: the backend's timers are shared by the whole key,
 * so each window keeps the times it asked for and runs only those when woken.
 */
final class SideTimers {
    private final MapCell<Long, Long> pending;

    SideTimers(StateProvider state, String name) {
        this.pending = state.map(name, Codecs.LONG, Codecs.LONG);
    }

    /** The window's view of {@code context}: what it schedules is recorded here, then asked of the backend. */
    WindowContext windowContext(WindowContext context) {
        return new WindowContext() {
            @Override
            public long currentTime() {
                return context.currentTime();
            }

            @Override
            public void scheduleAt(long time) {
                if (pending.get(time) == null) {
                    pending.put(time, time);
                }
                context.scheduleAt(time);
            }
        };
    }

    /** Takes the earliest pending time due by {@code now}, or returns null. */
    Long takeDue(long now) {
        Long earliest = null;
        for (java.util.Map.Entry<Long, Long> entry : pending.entries()) {
            long time = entry.getKey();
            if (time <= now && (earliest == null || time < earliest)) {
                earliest = time;
            }
        }
        if (earliest != null) {
            pending.remove(earliest);
        }
        return earliest;
    }
}
