package org.siddhiql.runtime.pattern;

import java.util.ArrayList;
import java.util.List;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.query.QueryContext;
import org.siddhiql.runtime.query.QueryKernel;
import org.siddhiql.runtime.query.QueryProcessor;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;

/**
 * The runtime of a pattern or sequence query: the {@link PatternMatcher} turns arriving events, and the clock passing
 * an absent step's wake-up time, into completed matches, and each match goes to the query's selector, rate limiter
 * and insert as a chunk of its own (Siddhi's state receivers hand the selector one state event at a time). The
 * pattern's whole state, the pending wake-up times included, is one managed value; the backend's timers only wake
 * the kernel, which then runs what is due from that state.
 */
public final class PatternKernel implements QueryProcessor {
    private final PatternMatcher matcher;
    private final ValueCell<PatternState> state;
    /** The select-and-insert part, run as a query without filter or window over the matches. */
    private final QueryKernel selection;

    public PatternKernel(QueryPlan plan, StateProvider stateProvider) {
        PatternSpec spec = plan.pattern();
        this.matcher = new PatternMatcher(spec);
        this.state = stateProvider.value(plan.name() + ".pattern", new PatternStateCodec(spec.slotSchemas()));
        this.selection = new QueryKernel(plan, stateProvider);
    }

    @Override
    public void onChunk(String stream, List<Event> events, QueryContext context) {
        for (Event event : events) {
            PatternState current = load(context);
            List<Event> matches = new ArrayList<>();
            matcher.onEvent(current, stream, event, context::scheduleAt, matches::add);
            state.set(current);
            select(matches, context);
        }
    }

    /** Runs the absences due by now, then the selection's own timers (a rate limiter's). */
    @Override
    public void fireDueTimers(QueryContext context) {
        if (matcher.hasAbsence()) {
            PatternState current = load(context);
            List<Event> matches = new ArrayList<>();
            matcher.onClock(current, context.currentTime(), context::scheduleAt, matches::add);
            state.set(current);
            select(matches, context);
        }
        selection.fireDueTimers(context);
    }

    /** A pattern starting with {@code not ... for} waits from the app's start, before any of its own events. */
    @Override
    public boolean watchesClockFromStart() {
        return matcher.startsWithAbsence();
    }

    /**
     * The pattern's state; before the first call, the initial one, whose leading absence (if any) waits from the
     * app's start: 0 in playback, as Siddhi's clock (see README, Time).
     */
    private PatternState load(QueryContext context) {
        PatternState current = state.get();
        return current != null ? current : matcher.initialState(context.appStartTime(), context::scheduleAt);
    }

    /** Each match goes to the selection as a chunk of its own, as Siddhi's state receivers hand them over. */
    private void select(List<Event> matches, QueryContext context) {
        for (Event match : matches) {
            selection.onChunk(List.of(match), context);
        }
    }
}
