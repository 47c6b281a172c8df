package org.siddhiql.runtime.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.fault.EngineFailure;
import org.siddhiql.runtime.fault.StreamFaults;
import org.siddhiql.runtime.state.MeteredState;
import org.siddhiql.runtime.state.SharedState;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.table.TableMembership;
import org.siddhiql.runtime.table.TableRows;
import org.siddhiql.runtime.table.TableSpec;
import org.siddhiql.runtime.table.TableWrite;
import org.siddhiql.runtime.trigger.TriggerKernel;
import org.siddhiql.runtime.trigger.TriggerSpec;
import org.siddhiql.runtime.window.NamedWindowKernel;

/**
 * Several queries run as one unit, passing events between them exactly as Siddhi's stream junctions do: a chunk of
 * events on a stream goes to each query reading it in definition order, and each query's output chunk is passed on,
 * depth first, before the next query sees the chunk. This is what makes the order of events on streams fed by several queries, and so
 * everything downstream of them, equal to Siddhi's. Timers run per query in definition order, so a query's timer
 * outputs reach the queries after it before their own timers fire, as with Siddhi's schedulers.
 */
public final class QueryGraphKernel {
    private final List<QueryProcessor> kernels = new ArrayList<>();
    /** Per query, its view of the state, which counts the events its windows hold. */
    private final List<MeteredState> queryStates = new ArrayList<>();
    private final List<QueryPlan> plans;
    private final Map<String, List<Integer>> readers = new LinkedHashMap<>();
    private final Set<String> exported;
    private final StreamFaults faults;
    /** Per query, the rows of the table it writes, or null when its output is a stream. */
    private final List<TableRows> writtenTables = new ArrayList<>();
    /** The named windows the queries touch, by name, in order of first mention (Siddhi creates them first). */
    private final Map<String, NamedWindowKernel> namedWindows = new LinkedHashMap<>();
    /** The triggers the queries read, in the order Siddhi starts them. */
    private final List<TriggerKernel> triggers = new ArrayList<>();
    /** The per-query views of the backend's context, made once per context (backends reuse theirs). */
    private StreamContext contextsFor;
    private QueryContext[] contexts;

    /**
     * @param queries the queries, in the app's definition order
     * @param exported the streams whose query outputs leave the graph (external arrivals are never re-emitted)
     */
    public QueryGraphKernel(List<QueryPlan> queries, Set<String> exported, StateProvider state) {
        this(queries, exported, StreamFaults.none(), state);
    }

    /** @param faults what a failure on each stream turns into: its fault stream's events, or a logged drop */
    public QueryGraphKernel(List<QueryPlan> queries, Set<String> exported, StreamFaults faults, StateProvider state) {
        this.plans = List.copyOf(queries);
        this.exported = Set.copyOf(exported);
        this.faults = faults;
        StateProvider shared = new SharedState(state);
        Map<String, TriggerSpec> triggerSpecs = new TreeMap<>();
        for (QueryPlan plan : plans) {
            plan.namedWindows().forEach(w -> namedWindows.computeIfAbsent(w.name(), n -> w.instantiate(shared)));
            plan.triggers().forEach(t -> triggerSpecs.putIfAbsent(t.name(), t));
        }
        triggerSpecs.values().stream().sorted(Comparator.comparingInt(TriggerSpec::startOrder))
                .forEach(t -> triggers.add(t.instantiate(state)));
        for (int i = 0; i < plans.size(); i++) {
            MeteredState queryState = new MeteredState(shared);
            queryStates.add(queryState);
            kernels.add(plans.get(i).newProcessor(queryState));
            TableSpec table = plans.get(i).outputTable();
            writtenTables.add(table == null ? null : table.instantiate(shared));
            for (TableMembership membership : plans.get(i).tableMemberships()) {
                membership.bind(membership.table().instantiate(shared));
            }
            for (String input : plans.get(i).inputStreams()) {
                readers.computeIfAbsent(input, s -> new ArrayList<>()).add(i);
            }
        }
    }

    /** Whether the graph runs triggers; a backend then calls {@link #startTriggers} once it can schedule. */
    public boolean hasTriggers() {
        return !triggers.isEmpty();
    }

    /**
     * Starts the triggers' schedules at the app's start, unless they have started already (a restored job). A live
     * clock starts every trigger; the playback clock only {@code start} triggers, since it starts at 0 whatever the
     * data's times: periodic and cron triggers start with the first event instead, so that data stamped with today's
     * times does not replay every period since 1970.
     */
    public void startTriggers(StreamContext context, boolean liveClock) {
        for (TriggerKernel trigger : triggers) {
            if (liveClock || trigger.spec().kind() == TriggerSpec.Kind.START) {
                trigger.start(context.appStartTime(), context);
            }
        }
    }

    /** An event arrives on a stream from outside the graph. */
    public void onEvent(String stream, Event event, StreamContext context) {
        for (TriggerKernel trigger : triggers) {
            trigger.start(event.timestamp(), context); // no-op unless the playback clock's first event
        }
        for (int i = 0; i < kernels.size(); i++) {
            if (kernels.get(i).watchesClockFromStart()) {
                kernels.get(i).fireDueTimers(queryContext(i, context));
            }
        }
        dispatch(stream, List.of(event), false, context);
    }

    /**
     * Runs every due timer: the named windows' (Siddhi creates them before the queries), then every query's, in
     * definition order (see {@link QueryKernel#fireDueTimers}). A due trigger firing is an arrival at its time: the
     * timers due by then run first, as when Siddhi's clock moves to an event.
     */
    public void fireDueTimers(StreamContext context) {
        for (TriggerKernel trigger = dueTrigger(context); trigger != null; trigger = dueTrigger(context)) {
            StreamContext atFiring = new ClockAt(trigger.due(context.currentTime()), context);
            fireDueTimersOnly(atFiring);
            dispatch(trigger.spec().name(), List.of(trigger.fire(context)), false, atFiring);
        }
        fireDueTimersOnly(context);
    }

    private void fireDueTimersOnly(StreamContext context) {
        for (Map.Entry<String, NamedWindowKernel> window : namedWindows.entrySet()) {
            window.getValue().fireDueTimers(context,
                    published -> dispatch(window.getKey(), published, true, context));
        }
        for (int i = 0; i < kernels.size(); i++) {
            kernels.get(i).fireDueTimers(queryContext(i, context));
        }
    }

    /** The trigger with the earliest due firing (the first in start order on a tie), or null. */
    private TriggerKernel dueTrigger(StreamContext context) {
        TriggerKernel earliest = null;
        long now = context.currentTime();
        for (TriggerKernel trigger : triggers) {
            Long due = trigger.due(now);
            if (due != null && (earliest == null || due < earliest.due(now))) {
                earliest = trigger;
            }
        }
        return earliest;
    }

    /**
     * After a restore, lets each query whose metrics are kept by changes count what the restored state holds; see
     * {@link QueryProcessor#recountMetrics}.
     *
     * @param forEachKeyHolding runs an action once for each key holding the named cell, with that key current
     */
    public void recountMetrics(StreamContext context, BiConsumer<String, Runnable> forEachKeyHolding) {
        queryStates.forEach(state -> state.recount(forEachKeyHolding));
        for (int i = 0; i < kernels.size(); i++) {
            QueryProcessor processor = kernels.get(i);
            if (processor.meteredCell() != null) {
                QueryContext queryContext = queryContext(i, context);
                forEachKeyHolding.accept(processor.meteredCell(), () -> processor.recountMetrics(queryContext));
            }
        }
    }

    /** The events the windows of the query named {@code query} hold, over all keys of this graph's backend. */
    public long heldEvents(String query) {
        for (int i = 0; i < plans.size(); i++) {
            if (plans.get(i).name().equals(query)) {
                return queryStates.get(i).heldEvents();
            }
        }
        throw new IllegalArgumentException("no query '" + query + "' here");
    }

    /** Lets every query report the metric changes it has deferred; see {@link QueryProcessor#flushMetrics}. */
    public void flushMetrics() {
        for (QueryProcessor processor : kernels) {
            processor.flushMetrics();
        }
    }

    /**
     * Passes a chunk to its stream's readers as Siddhi's stream junction does, a failure included: the junction's
     * receivers are the queries in definition order and then the app's output callback, so a query that fails keeps
     * the chunk from later readers and from the output; the failure belongs to this stream (a failure further down
     * was already handled by the stream it happened on).
     *
     * @param fromQuery whether a query emitted the chunk: only query outputs leave the graph (on exported streams)
     */
    private void dispatch(String stream, List<Event> chunk, boolean fromQuery, StreamContext context) {
        if (!deliverToReaders(stream, chunk, context) || !fromQuery || !exported.contains(stream)) {
            return;
        }
        for (Event event : chunk) {
            try {
                context.emit(stream, event);
            } catch (RuntimeException e) {
                throw new EngineFailure("emitting an event of stream '" + stream + "' failed", e);
            }
        }
    }

    /** Whether every reader took the chunk; if one failed, the failure has been handled. */
    private boolean deliverToReaders(String stream, List<Event> chunk, StreamContext context) {
        QueryContext reading = null;
        try {
            for (int reader : readers.getOrDefault(stream, List.of())) {
                reading = queryContext(reader, context);
                reading.metrics().received(chunk.size());
                kernels.get(reader).onChunk(stream, chunk, reading);
            }
            return true;
        } catch (EngineFailure e) {
            throw e;
        } catch (RuntimeException failure) {
            reading.metrics().failed(chunk.size());
            if (faults.isStreamed(stream)) {
                dispatch(StreamFaults.faultStreamOf(stream), StreamFaults.faultEvents(chunk, failure), false,
                        context);
            } else {
                StreamFaults.logDropped(stream, chunk, failure);
                context.countDropped(stream, chunk.size());
            }
            return false;
        }
    }

    private QueryContext queryContext(int query, StreamContext context) {
        if (context != contextsFor) {
            contexts = new QueryContext[kernels.size()];
            contextsFor = context;
        }
        if (contexts[query] == null) {
            contexts[query] = newQueryContext(query, context);
        }
        return contexts[query];
    }

    private QueryContext newQueryContext(int query, StreamContext context) {
        String output = plans.get(query).outputStream();
        String name = plans.get(query).name();
        TableRows table = writtenTables.get(query);
        TableWrite write = plans.get(query).tableWrite();
        NamedWindowKernel window = plans.get(query).outputWindow() == null ? null : namedWindows.get(output);
        QueryMetrics metrics = context.queryMetrics(name);
        return new QueryContext() {
            @Override
            public void emit(List<Event> chunk) {
                metrics.emitted(chunk);
                if (window != null) {
                    List<Event> published = window.insert(chunk, context);
                    if (!published.isEmpty()) {
                        dispatch(output, published, true, context);
                    }
                    return;
                }
                if (table == null) {
                    dispatch(output, chunk, true, context);
                    return;
                }
                write.apply(chunk, table);
            }

            @Override
            public long appStartTime() {
                return context.appStartTime();
            }

            @Override
            public long currentTime() {
                return context.currentTime();
            }

            @Override
            public void scheduleAt(long time) {
                context.scheduleAt(time);
            }

            @Override
            public QueryMetrics metrics() {
                return metrics;
            }
        };
    }

    /** The backend's context with the clock read at a trigger's firing, for what runs before and at the firing. */
    private static final class ClockAt implements StreamContext {
        private final long time;
        private final StreamContext context;

        ClockAt(long time, StreamContext context) {
            this.time = time;
            this.context = context;
        }

        @Override
        public void emit(String stream, Event event) {
            context.emit(stream, event);
        }

        @Override
        public long currentTime() {
            return time;
        }

        @Override
        public long appStartTime() {
            return context.appStartTime();
        }

        @Override
        public void scheduleAt(long at) {
            context.scheduleAt(at);
        }

        @Override
        public void countDropped(String stream, int events) {
            context.countDropped(stream, events);
        }

        @Override
        public QueryMetrics queryMetrics(String query) {
            return context.queryMetrics(query);
        }
    }
}
