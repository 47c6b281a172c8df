package org.siddhiql.runtime.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;
import org.siddhiql.runtime.ratelimit.RateLimitContext;
import org.siddhiql.runtime.ratelimit.RateLimiterKernel;
import org.siddhiql.runtime.select.SelectorKernel;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.MapCell;
import org.siddhiql.runtime.state.StateCodec;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.window.WindowContext;
import org.siddhiql.runtime.window.WindowKernel;

/**
 * The runtime of one query on one parallel instance: filter, window, selector, output rate limiter and insert, wired
 * as Siddhi's processor chain. All of its state is in the {@link StateProvider} it was built with; the backend sets
 * the current key before each call.
 */
public final class QueryKernel implements QueryProcessor {
    private static final int WINDOW_TIMER = 1;
    private static final int LIMITER_TIMER = 2;

    private final Evaluator[] filters;
    private final WindowKernel window;
    private final Evaluator[] windowFilters;
    private final SelectorKernel selector;
    private final RateLimiterKernel rateLimiter;
    /** Who asked for each pending timer, since the window and the rate limiter share the key's timers. */
    private final MapCell<Long, Integer> timerOwners;
    private QueryContext schedulingFor;
    private RateLimitContext windowScheduling;
    private RateLimitContext limiterScheduling;

    public QueryKernel(QueryPlan plan, StateProvider state) {
        String name = plan.name();
        this.filters = plan.filters().toArray(new Evaluator[0]);
        this.window = plan.window() == null ? null : plan.window().instantiate(state, name + ".window");
        this.windowFilters = plan.windowFilters().toArray(new Evaluator[0]);
        this.selector = new SelectorKernel(plan.selector(), state, name + ".selector");
        this.rateLimiter = plan.rateLimit() == null ? null : plan.rateLimit().instantiate(state, name + ".output");
        this.timerOwners = window == null && rateLimiter == null ? null : state.map(name + ".timers", Codecs.LONG, INT);
    }

    /** Processes one arriving event of the query's input stream. */
    public void onEvent(Event event, QueryContext context) {
        onChunk(List.of(event), context);
    }

    @Override
    public void onChunk(String stream, List<Event> events, QueryContext context) {
        onChunk(events, context);
    }

    /**
     * Processes events that arrive together: Siddhi passes the events a query emits in one step to the next query
     * as one chunk, and the window's output for the whole chunk reaches the selector at once (so with aggregators
     * only its last event, per group, is selected).
     */
    public void onChunk(List<Event> events, QueryContext context) {
        List<Event> chunk = new ArrayList<>(events.size() * 2);
        WindowContext windowContext = window == null ? null : scheduling(context, WINDOW_TIMER);
        for (Event event : events) {
            if (!passes(filters, event)) {
                continue;
            }
            if (window == null) {
                chunk.add(event);
            } else {
                window.onEvent(event, windowContext, chunk);
            }
        }
        if (!chunk.isEmpty()) {
            select(chunk, context);
        }
    }

    /**
     * Runs every timer of this key that is due by {@code context.currentTime()}, as Siddhi does when its clock moves:
     * the window's scheduler first, each due time in order (a window may schedule another due time as it goes),
     * then the rate limiter's. A backend calls this when any of the kernel's timers fires; the times it has
     * already run here are then simply no longer pending.
     */
    @Override
    public void fireDueTimers(QueryContext context) {
        if (timerOwners == null) {
            return;
        }
        for (Long time = nextDue(WINDOW_TIMER, context); time != null; time = nextDue(WINDOW_TIMER, context)) {
            List<Event> chunk = new ArrayList<>();
            window.onTimer(time, scheduling(context, WINDOW_TIMER), chunk);
            if (!chunk.isEmpty()) {
                select(chunk, context);
            }
        }
        for (Long time = nextDue(LIMITER_TIMER, context); time != null; time = nextDue(LIMITER_TIMER, context)) {
            List<Event> out = new ArrayList<>();
            rateLimiter.onTimer(time, scheduling(context, LIMITER_TIMER), out);
            emitAll(out, context);
        }
    }

    /** Takes the earliest pending time of {@code owner} that is due, or returns null. */
    private Long nextDue(int owner, QueryContext context) {
        long now = context.currentTime();
        Long earliest = null;
        for (Map.Entry<Long, Integer> pending : timerOwners.entries()) {
            long time = pending.getKey();
            if (time <= now && (pending.getValue() & owner) != 0 && (earliest == null || time < earliest)) {
                earliest = time;
            }
        }
        if (earliest != null) {
            int rest = timerOwners.get(earliest) & ~owner;
            if (rest == 0) {
                timerOwners.remove(earliest);
            } else {
                timerOwners.put(earliest, rest);
            }
        }
        return earliest;
    }

    private static boolean passes(Evaluator[] conditions, Event event) {
        for (Evaluator condition : conditions) {
            if (!Boolean.TRUE.equals(condition.evaluate(event))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Selects each chunk on its own — aggregates, order by and limit see one chunk at a time — then rate-limits and
     * emits what they all selected as one chunk. Siddhi's join hands its selector one chunk per joined event this way.
     */
    public void onSelectedChunks(List<List<Event>> chunks, QueryContext context) {
        List<Event> selected = new ArrayList<>();
        List<String> groupKeys = new ArrayList<>();
        for (List<Event> chunk : chunks) {
            selector.process(chunk, selected, groupKeys);
        }
        limitAndEmit(selected, groupKeys, context);
    }

    private void select(List<Event> chunk, QueryContext context) {
        if (windowFilters.length > 0) {
            // As Siddhi's filter processor: every event of the chunk is tested, RESET markers included.
            chunk = new ArrayList<>(chunk);
            chunk.removeIf(event -> !passes(windowFilters, event));
            if (chunk.isEmpty()) {
                return;
            }
        }
        List<Event> selected = new ArrayList<>(chunk.size());
        List<String> groupKeys = new ArrayList<>(chunk.size());
        selector.process(chunk, selected, groupKeys);
        limitAndEmit(selected, groupKeys, context);
    }

    private void limitAndEmit(List<Event> selected, List<String> groupKeys, QueryContext context) {
        if (selected.isEmpty()) {
            return;
        }
        if (rateLimiter == null) {
            emitAll(selected, context);
        } else {
            List<Event> out = new ArrayList<>();
            rateLimiter.onSelected(selected, groupKeys.isEmpty() ? null : groupKeys,
                    scheduling(context, LIMITER_TIMER), out);
            emitAll(out, context);
        }
    }

    /** Inserted events become current events of the target stream; RESET markers stay inside the query. */
    private static void emitAll(List<Event> events, QueryContext context) {
        List<Event> inserted = new ArrayList<>(events.size());
        for (Event event : events) {
            if (event.type() != EventType.RESET) {
                inserted.add(event.withType(EventType.CURRENT));
            }
        }
        if (!inserted.isEmpty()) {
            context.emit(inserted);
        }
    }

    /** The window's or the limiter's view of the context; made once per context, since backends reuse theirs. */
    private RateLimitContext scheduling(QueryContext context, int owner) {
        if (context != schedulingFor) {
            schedulingFor = context;
            windowScheduling = newScheduling(context, WINDOW_TIMER);
            limiterScheduling = newScheduling(context, LIMITER_TIMER);
        }
        return owner == WINDOW_TIMER ? windowScheduling : limiterScheduling;
    }

    private RateLimitContext newScheduling(QueryContext context, int owner) {
        return new RateLimitContext() {
            @Override
            public long currentTime() {
                return context.currentTime();
            }

            @Override
            public long appStartTime() {
                return context.appStartTime();
            }

            @Override
            public void scheduleAt(long time) {
                Integer owners = timerOwners.get(time);
                int merged = owners == null ? owner : owners | owner;
                if (owners == null || merged != owners) {
                    timerOwners.put(time, merged);
                }
                context.scheduleAt(time);
            }
        };
    }

    private static final StateCodec<Integer> INT = new StateCodec<>() {
        @Override
        public void encode(Integer value, java.io.DataOutput out) throws java.io.IOException {
            out.writeInt(value);
        }

        @Override
        public Integer decode(java.io.DataInput in) throws java.io.IOException {
            return in.readInt();
        }

        @Override
        public boolean immutableValues() {
            return true;
        }
    };
}
