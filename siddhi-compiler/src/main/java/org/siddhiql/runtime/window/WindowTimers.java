package org.siddhiql.runtime.window;

import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.MapCell;
import org.siddhiql.runtime.state.StateProvider;

/**
 * The pending timer times of one window, in managed state: the backend's timers are shared by the whole key, so a
 * window that shares its operator with others (a join's side, a named window) keeps the times it asked for and runs
 * only those when woken.
 */
public final class WindowTimers {
    private final MapCell<Long, Long> pending;

    public WindowTimers(StateProvider state, String name) {
        this.pending = state.map(name, Codecs.LONG, Codecs.LONG);
    }

    /** The window's view of {@code context}: what it schedules is recorded here, then asked of the backend. */
    public WindowContext windowContext(WindowContext context) {
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
    public Long takeDue(long now) {
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
