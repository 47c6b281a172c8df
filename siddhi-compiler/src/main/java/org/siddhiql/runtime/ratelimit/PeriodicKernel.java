package org.siddhiql.runtime.ratelimit;

import java.util.List;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;

/** A limiter that acts on the ticks of a {@link PeriodGrid}. */
abstract class PeriodicKernel implements RateLimiterKernel {
    final PeriodGrid grid;

    PeriodicKernel(PeriodGrid grid) {
        this.grid = grid;
    }

    /**
     * Runs every tick due by now, in order, as Siddhi's scheduler does when the clock jumps: each due tick is its own
     * flush. Ticks that can emit nothing (nothing buffered) are skipped in one step.
     */
    @Override
    public final void onTimer(long time, RateLimitContext context, List<Event> out) {
        Long due = grid.current();
        if (due == null) {
            return;
        }
        long now = Math.max(time, context.currentTime());
        if (due > now) {
            return; // an earlier tick, already handled
        }
        long next = due;
        while (next <= now) {
            if (!tick(out)) {
                next = grid.firstAfter(next, now);
                break;
            }
            next += grid.period();
        }
        grid.moveTo(next, context);
    }

    /** One tick: appends what Siddhi emits then; returns false when a further tick right away would emit nothing. */
    abstract boolean tick(List<Event> out);

    static boolean isData(Event event) {
        return event.type() == EventType.CURRENT || event.type() == EventType.EXPIRED;
    }
}
