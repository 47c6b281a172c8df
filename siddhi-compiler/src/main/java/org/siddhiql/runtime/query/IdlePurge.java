package org.siddhiql.runtime.query;

import org.siddhiql.compiler.plan.PurgePlan;
import org.siddhiql.runtime.ratelimit.RateLimitContext;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.RecordingStateProvider;
import org.siddhiql.runtime.state.ValueCell;

/**
 * Purges idle partition keys, driven by the app clock: Siddhi checks every {@code interval} for keys idle longer
 * than {@code idle.period} and drops their state. Each key keeps the first check that will find it idle — the first
 * multiple of the interval after its last event plus the idle period — and asks for a timer then; a later event
 * moves it on. When the check comes, every cell of the key is cleared, this one included.
 */
public final class IdlePurge {
    private final PurgePlan plan;
    private final RecordingStateProvider state;
    /** The time of the check that will purge this key, unless an event comes first. */
    private final ValueCell<Long> purgeAt;

    /** @param state the provider every kernel of the partition took its cells from */
    public IdlePurge(PurgePlan plan, RecordingStateProvider state) {
        this.plan = plan;
        this.state = state;
        this.purgeAt = state.value("partition.purgeAt", Codecs.LONG);
    }

    /** The current key has just had an event. */
    public void touched(RateLimitContext context) {
        long start = context.appStartTime();
        long idleUntil = context.currentTime() + plan.idlePeriod();
        // A key is purged at a check strictly after idleUntil, as Siddhi's "last + idle < now".
        long check = start + (Math.floorDiv(idleUntil - start, plan.interval()) + 1) * plan.interval();
        purgeAt.set(check);
        context.scheduleAt(check);
    }

    /** Purges the current key if its check has come; to be called whenever one of its timers fires. */
    public void fireDue(RateLimitContext context) {
        Long at = purgeAt.get();
        if (at != null && at <= context.currentTime()) {
            state.clearAll();
        }
    }
}
