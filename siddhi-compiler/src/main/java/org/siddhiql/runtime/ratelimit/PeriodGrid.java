package org.siddhiql.runtime.ratelimit;

import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;

/**
 * The tick schedule of a time-based limiter for the current key: the next due time, in state. Ticks fall at
 * {@code origin + k * period} on the app clock, the origin given by the {@link TimerAnchor}. Siddhi schedules the
 * first tick when the query (or partition) starts and every tick re-schedules the next one period later; a kernel
 * has no start call, so the grid starts the first time a key is seen and is set where it would be by then: ticks
 * that would already have passed could only have emitted nothing, as nothing was buffered yet.
 */
final class PeriodGrid {
    private final ValueCell<Long> due;
    private final long period;
    private final TimerAnchor anchor;

    PeriodGrid(StateProvider state, String name, long period, TimerAnchor anchor) {
        this.due = state.value(name + ".due", Codecs.LONG);
        this.period = period;
        this.anchor = anchor;
    }

    long period() {
        return period;
    }

    /** The next due time, starting the grid (and scheduling its first tick) if this key has none yet. */
    long start(RateLimitContext context) {
        Long current = due.get();
        if (current != null) {
            return current;
        }
        long now = context.currentTime();
        long origin = anchor == TimerAnchor.APP_START ? context.appStartTime() : now;
        long first = origin + period;
        if (first <= now) {
            first = firstAfter(first, now);
        }
        moveTo(first, context);
        return first;
    }

    /** The next due time, or null when the grid has not started for this key. */
    Long current() {
        return due.get();
    }

    void moveTo(long next, RateLimitContext context) {
        due.set(next);
        context.scheduleAt(next);
    }

    /** The first tick after {@code now} on the grid through {@code tick}. */
    long firstAfter(long tick, long now) {
        return tick + period * (Math.floorDiv(now - tick, period) + 1);
    }
}
