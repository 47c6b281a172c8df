package org.siddhiql.runtime.pattern;

import java.util.ArrayList;
import java.util.List;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.query.QueryContext;
import org.siddhiql.runtime.query.QueryKernel;
import org.siddhiql.runtime.query.QueryMetrics;
import org.siddhiql.runtime.query.QueryProcessor;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;

/**
 * The runtime of a pattern or sequence query: the {@link PatternMatcher} turns arriving events, and the clock passing
 * an absent step's wake-up time, into completed matches, and each match goes to the query's selector, rate limiter
 * and insert as a chunk of its own (Siddhi's state receivers hand the selector one state event at a time). The
 * pattern's whole state, the pending wake-up times included, is one managed value; the backend's timers only wake
 * the kernel, which then runs what is due from that state.
 *
 * <p>The kernel reports to the query's {@link QueryMetrics} how the key's partial matches (see
 * {@link PatternState#partialMatches}) and the encoded size of its state change, and the matches completed. Measuring
 * a state costs about as much as encoding it, so a change is measured once per run of updates of one state object:
 * a backend that keeps objects (Flink's heap backend) hands the same object back at each update of one key, and the
 * changes of a run are reported when another object comes (another key, or a backend that decodes at each read) or
 * when the backend calls {@link #flushMetrics}. With {@link QueryMetrics#NONE} nothing is measured.
 */
public final class PatternKernel implements QueryProcessor {
    private final PatternMatcher matcher;
    private final PatternStateCodec codec;
    private final String cellName;
    private final ValueCell<PatternState> state;
    /** The select-and-insert part, run as a query without filter or window over the matches. */
    private final QueryKernel selection;
    /**
     * The state object stored last, whose changes are not reported yet, with the footprint the metrics hold for it
     * and where they go. A cache of what the metrics were told, never of query state; null while an update runs, so
     * that a failed update leaves nothing to report from.
     */
    private PatternState unreported;
    private Footprint reported;
    private QueryMetrics unreportedTo;

    public PatternKernel(QueryPlan plan, StateProvider stateProvider) {
        PatternSpec spec = plan.pattern();
        this.matcher = new PatternMatcher(spec);
        this.codec = new PatternStateCodec(spec.slotSchemas());
        this.cellName = plan.name() + ".pattern";
        this.state = stateProvider.value(cellName, codec);
        this.selection = new QueryKernel(plan, stateProvider);
    }

    @Override
    public void onChunk(String stream, List<Event> events, QueryContext context) {
        for (Event event : events) {
            PatternState stored = state.get();
            Footprint before = footprintBefore(stored, context.metrics());
            PatternState current = stored != null ? stored : initialState(context);
            List<Event> matches = new ArrayList<>();
            matcher.onEvent(current, stream, event, context::scheduleAt, matches::add);
            state.set(current);
            updated(current, before, matches.size(), context.metrics());
            select(matches, context);
        }
    }

    /** Runs the absences due by now, then the selection's own timers (a rate limiter's). */
    @Override
    public void fireDueTimers(QueryContext context) {
        if (matcher.hasAbsence()) {
            PatternState stored = state.get();
            Footprint before = footprintBefore(stored, context.metrics());
            PatternState current = stored != null ? stored : initialState(context);
            List<Event> matches = new ArrayList<>();
            matcher.onClock(current, context.currentTime(), context::scheduleAt, matches::add);
            state.set(current);
            updated(current, before, matches.size(), context.metrics());
            select(matches, context);
        }
        selection.fireDueTimers(context);
    }

    /** A pattern starting with {@code not ... for} waits from the app's start, before any of its own events. */
    @Override
    public boolean watchesClockFromStart() {
        return matcher.startsWithAbsence();
    }

    /** Reports the changes of the state stored last, if any: the backend calls it now and then (say, each second). */
    @Override
    public void flushMetrics() {
        if (unreported != null) {
            Footprint now = measure(unreported, unreportedTo);
            unreportedTo.partialMatchesChanged(now.partialMatches() - reported.partialMatches());
            unreportedTo.stateBytesChanged(now.bytes() - reported.bytes());
            reported = now;
        }
    }

    @Override
    public String meteredCell() {
        return cellName;
    }

    @Override
    public void recountMetrics(QueryContext context) {
        QueryMetrics metrics = context.metrics();
        Footprint restored = measure(state.get(), metrics);
        metrics.partialMatchesChanged(restored.partialMatches());
        metrics.stateBytesChanged(restored.bytes());
    }

    /**
     * The initial state, whose leading absence (if any) waits from the app's start: 0 in playback, as Siddhi's clock
     * (see README, Time).
     */
    private PatternState initialState(QueryContext context) {
        return matcher.initialState(context.appStartTime(), context::scheduleAt);
    }

    /**
     * What the metrics hold for the state read at the start of an update: if it is the object stored last, what was
     * reported for it; else that object's changes are reported first (it belongs to another key, or is an earlier
     * copy of this key's state) and this one is measured.
     */
    private Footprint footprintBefore(PatternState stored, QueryMetrics metrics) {
        if (stored == null || stored != unreported) {
            flushMetrics();
            reported = measure(stored, metrics);
        }
        unreported = null;
        return reported;
    }

    private void updated(PatternState current, Footprint before, int matches, QueryMetrics metrics) {
        if (metrics == QueryMetrics.NONE) {
            return;
        }
        unreported = current;
        reported = before;
        unreportedTo = metrics;
        if (matches > 0) {
            metrics.matched(matches);
        }
    }

    /** What a key's state weighs; nothing for no state, and nothing measured when no one reads the metrics. */
    private Footprint measure(PatternState stored, QueryMetrics metrics) {
        if (stored == null || metrics == QueryMetrics.NONE) {
            return Footprint.NOTHING;
        }
        return new Footprint(stored.partialMatches(), codec.encodedSize(stored));
    }

    /** Each match goes to the selection as a chunk of its own, as Siddhi's state receivers hand them over. */
    private void select(List<Event> matches, QueryContext context) {
        for (Event match : matches) {
            selection.onChunk(List.of(match), context);
        }
    }

    /** A key's partial matches and the encoded size of its pattern state. */
    private record Footprint(long partialMatches, long bytes) {
        static final Footprint NOTHING = new Footprint(0, 0);
    }
}
