package org.siddhiql.runtime.trigger;

import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;
import org.siddhiql.runtime.window.WindowContext;

/**
 * A trigger at runtime: its next firing time is managed state (absent until the trigger starts, {@link Long#MAX_VALUE}
 * once it never fires again), so a restored job neither repeats a start trigger nor loses a periodic one's phase.
 */
public final class TriggerKernel {
    private final TriggerSpec spec;
    private final ValueCell<Long> nextFiring;

    TriggerKernel(TriggerSpec spec, StateProvider state) {
        this.spec = spec;
        this.nextFiring = state.value("trigger:" + spec.name() + ".next", Codecs.LONG);
    }

    public TriggerSpec spec() {
        return spec;
    }

    public boolean started() {
        return nextFiring.get() != null;
    }

    /** Starts the schedule at {@code start} unless it has started already. */
    public void start(long start, WindowContext context) {
        if (!started()) {
            schedule(spec.firstFiring(start), context);
        }
    }

    /** The next firing time if it is due by {@code now}, else null. */
    public Long due(long now) {
        Long next = nextFiring.get();
        return next != null && next <= now ? next : null;
    }

    /** Fires the due firing: returns its event and schedules the next one. */
    public Event fire(WindowContext context) {
        long time = nextFiring.get();
        schedule(spec.firingAfter(time), context);
        return new Event(time, new Object[] {time});
    }

    private void schedule(long time, WindowContext context) {
        nextFiring.set(time);
        if (time != Long.MAX_VALUE) {
            context.scheduleAt(time);
        }
    }
}
