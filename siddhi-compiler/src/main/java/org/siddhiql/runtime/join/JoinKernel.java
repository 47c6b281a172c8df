package org.siddhiql.runtime.join;

import java.util.ArrayList;
import java.util.List;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.runtime.aggregation.AggregationStore;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;
import org.siddhiql.runtime.query.QueryContext;
import org.siddhiql.runtime.query.QueryKernel;
import org.siddhiql.runtime.query.QueryProcessor;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.table.TableRows;
import org.siddhiql.runtime.window.NamedWindowKernel;
import org.siddhiql.runtime.window.WindowContext;
import org.siddhiql.runtime.window.WindowKernel;
import org.siddhiql.runtime.window.WindowTimers;

/**
 * The runtime of a join of two windowed streams, as Siddhi's join processors: an arriving chunk passes the side's
 * filters and window; each event the window emits (in its order) is matched against the other window's current
 * contents, a CURRENT event giving CURRENT pairs and an EXPIRED one EXPIRED pairs, stamped with the event's time; an
 * outer side's unmatched event pairs with null; a RESET goes on alone, to reset the selector's aggregates. Only
 * triggering sides join. Each event's pairs are selected as a chunk of their own, and what one window output selects
 * goes on as one chunk. Both windows and their pending timers are in managed state.
 */
public final class JoinKernel implements QueryProcessor {
    private final JoinSpec spec;
    private final Side left;
    private final Side right;
    /** The select-and-insert part, run as a query without filter or window over the pairs. */
    private final QueryKernel selection;

    public JoinKernel(QueryPlan plan, StateProvider state) {
        this.spec = plan.join();
        this.left = new Side(spec.left(), 0, state, plan.name() + ".left");
        this.right = new Side(spec.right(), 1, state, plan.name() + ".right");
        this.selection = new QueryKernel(plan, state);
    }

    @Override
    public void onChunk(String stream, List<Event> events, QueryContext context) {
        boolean toLeft = !left.spec.isStored() && left.spec.stream().equals(stream);
        boolean toRight = !right.spec.isStored() && right.spec.stream().equals(stream);
        if (toLeft && toRight) {
            // A self join: each event reaches the left side, then the right, as Siddhi's shared receiver does.
            for (Event event : events) {
                process(left, List.of(event), context);
                process(right, List.of(event), context);
            }
        } else if (toLeft) {
            process(left, events, context);
        } else if (toRight) {
            process(right, events, context);
        }
    }

    /** Runs the due timers of the left window, then of the right, then the selection's own (a rate limiter's). */
    @Override
    public void fireDueTimers(QueryContext context) {
        left.fireDue(context);
        right.fireDue(context);
        selection.fireDueTimers(context);
    }

    private void process(Side side, List<Event> events, QueryContext context) {
        List<Event> windowed = new ArrayList<>(events.size() * 2);
        for (Event event : events) {
            if (side.passes(event)) {
                side.enter(event, context, windowed);
            }
        }
        join(side, windowed, context);
    }

    /**
     * Joins one window output of {@code side} against the other side's contents. As Siddhi's join, each event's
     * pairs (or its unmatched pair, or its RESET) are one chunk for the selector; the selections go on together.
     */
    private void join(Side side, List<Event> windowed, QueryContext context) {
        if (windowed.isEmpty() || !side.spec.triggers()) {
            return;
        }
        Side other = side == left ? right : left;
        List<Event> others = null;
        List<List<Event>> chunks = new ArrayList<>();
        for (Event event : windowed) {
            if (event.type() == EventType.RESET) {
                chunks.add(List.<Event>of(pair(side, event, null, EventType.RESET)));
                continue;
            }
            if (other.aggregation != null) {
                others = other.spec.aggregation().find(other.aggregation, event, event.timestamp());
            } else if (other.tableKey != null) {
                others = other.rowWithKeyOf(event);
            } else if (others == null) {
                others = other.contents();
            }
            List<Event> pairs = new ArrayList<>();
            for (Event candidate : others) {
                JoinedRow row = pair(side, event, candidate, event.type());
                if (matches(row)) {
                    pairs.add(row);
                }
            }
            if (pairs.isEmpty() && side.spec.outer()) {
                pairs.add(pair(side, event, null, event.type()));
            }
            if (!pairs.isEmpty()) {
                chunks.add(pairs);
            }
        }
        if (!chunks.isEmpty()) {
            selection.onSelectedChunks(chunks, context);
        }
    }

    private boolean matches(JoinedRow row) {
        Evaluator condition = spec.condition();
        return condition == null || Boolean.TRUE.equals(condition.evaluate(row));
    }

    private static JoinedRow pair(Side side, Event event, Event other, EventType type) {
        return side.slot == 0 ? new JoinedRow(event, other, event.timestamp(), type)
                : new JoinedRow(other, event, event.timestamp(), type);
    }

    /** One side at runtime: its filters, its window (or none) and the window's timers. */
    private final class Side {
        final JoinSide spec;
        final int slot;
        final Evaluator[] filters;
        final WindowKernel window;
        final WindowTimers timers;
        /** The rows of a table side, or null for a stream side. */
        final TableRows table;
        /** A table side's key values, read from the other side's event; null when the table is scanned. */
        final Evaluator[] tableKey;
        /** The buckets of an aggregation side, or null. */
        final AggregationStore aggregation;
        /** The named window of a named window's side, or null. */
        final NamedWindowKernel namedWindow;

        Side(JoinSide spec, int slot, StateProvider state, String name) {
            this.spec = spec;
            this.slot = slot;
            this.filters = spec.filters().toArray(new Evaluator[0]);
            this.window = spec.window() == null ? null : spec.window().instantiate(state, name + ".window");
            this.timers = window == null ? null : new WindowTimers(state, name + ".timers");
            this.table = spec.table() == null ? null : spec.table().instantiate(state);
            this.tableKey = spec.tableKey();
            this.aggregation = spec.aggregation() == null ? null
                    : spec.aggregation().aggregation().instantiate(state);
            this.namedWindow = spec.namedWindow() == null ? null : spec.namedWindow().instantiate(state);
        }

        boolean passes(Event event) {
            for (Evaluator filter : filters) {
                if (!Boolean.TRUE.equals(filter.evaluate(event))) {
                    return false;
                }
            }
            return true;
        }

        void enter(Event event, QueryContext context, List<Event> out) {
            if (namedWindow != null) {
                out.add(event); // already the window's output, typed by it
                return;
            }
            if (window != null) {
                window.onEvent(event, timers.windowContext(context), out);
                return;
            }
            // No window: Siddhi holds nothing; the event passes, expires (when expired events are output) and
            // resets at once, the last two stamped with the clock.
            Event current = event.withType(EventType.CURRENT);
            out.add(current);
            if (JoinKernel.this.spec.expiredOn()) {
                out.add(current.with(context.currentTime(), EventType.EXPIRED));
            }
            out.add(current.with(context.currentTime(), EventType.RESET));
        }

        /** What the other side's events are matched against: the window's findable contents. */
        List<Event> contents() {
            if (table != null) {
                return table.contents();
            }
            if (namedWindow != null) {
                return namedWindow.contents();
            }
            return window == null ? List.of() : window.contents();
        }

        /** A table side's row whose primary key the other side's event names: what a scan would find, found by key. */
        List<Event> rowWithKeyOf(Event event) {
            Object[] values = new Object[tableKey.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = tableKey[i].evaluate(event);
            }
            java.util.Map.Entry<Long, Event> row = table.find(values);
            return row == null ? List.of() : List.of(row.getValue());
        }

        void fireDue(QueryContext context) {
            if (window == null) {
                return;
            }
            WindowContext windowContext = timers.windowContext(context);
            for (Long time = timers.takeDue(context.currentTime()); time != null;
                    time = timers.takeDue(context.currentTime())) {
                List<Event> out = new ArrayList<>();
                window.onTimer(time, windowContext, out);
                join(this, out, context);
            }
        }
    }
}
