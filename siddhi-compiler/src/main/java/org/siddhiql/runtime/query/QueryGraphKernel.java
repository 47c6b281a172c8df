package org.siddhiql.runtime.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.table.SharedTableState;
import org.siddhiql.runtime.table.TableMembership;
import org.siddhiql.runtime.table.TableRows;
import org.siddhiql.runtime.table.TableSpec;
import org.siddhiql.runtime.table.TableWrite;

/**
 * Several queries run as one unit, passing events between them exactly as Siddhi's stream junctions do: a chunk of
 * events on a stream goes to each query reading it in definition order, and each query's output chunk is passed on,
 * depth first, before the next query sees the chunk. This is what makes the order of events on streams fed by several queries, and so
 * everything downstream of them, equal to Siddhi's. Timers run per query in definition order, so a query's timer
 * outputs reach the queries after it before their own timers fire, as with Siddhi's schedulers.
 */
public final class QueryGraphKernel {
    private final List<QueryProcessor> kernels = new ArrayList<>();
    private final List<QueryPlan> plans;
    private final Map<String, List<Integer>> readers = new LinkedHashMap<>();
    private final Set<String> exported;
    /** Per query, the rows of the table it writes, or null when its output is a stream. */
    private final List<TableRows> writtenTables = new ArrayList<>();
    /** The per-query views of the backend's context, made once per context (backends reuse theirs). */
    private StreamContext contextsFor;
    private QueryContext[] contexts;

    /**
     * @param queries the queries, in the app's definition order
     * @param exported the streams whose query outputs leave the graph (external arrivals are never re-emitted)
     */
    public QueryGraphKernel(List<QueryPlan> queries, Set<String> exported, StateProvider state) {
        this.plans = List.copyOf(queries);
        this.exported = Set.copyOf(exported);
        StateProvider shared = new SharedTableState(state);
        for (int i = 0; i < plans.size(); i++) {
            kernels.add(plans.get(i).newProcessor(shared));
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

    /** An event arrives on a stream from outside the graph. */
    public void onEvent(String stream, Event event, StreamContext context) {
        for (int i = 0; i < kernels.size(); i++) {
            if (kernels.get(i).watchesClockFromStart()) {
                kernels.get(i).fireDueTimers(queryContext(i, context));
            }
        }
        dispatch(stream, List.of(event), context);
    }

    /** Runs every due timer of every query, in definition order; see {@link QueryKernel#fireDueTimers}. */
    public void fireDueTimers(StreamContext context) {
        for (int i = 0; i < kernels.size(); i++) {
            kernels.get(i).fireDueTimers(queryContext(i, context));
        }
    }

    /** An output of a query: it leaves the graph if exported, and goes to the queries reading its stream. */
    private void deliver(String stream, List<Event> chunk, StreamContext context) {
        if (exported.contains(stream)) {
            for (Event event : chunk) {
                context.emit(stream, event);
            }
        }
        dispatch(stream, chunk, context);
    }

    private void dispatch(String stream, List<Event> chunk, StreamContext context) {
        for (int reader : readers.getOrDefault(stream, List.of())) {
            kernels.get(reader).onChunk(stream, chunk, queryContext(reader, context));
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
        TableRows table = writtenTables.get(query);
        TableWrite write = plans.get(query).tableWrite();
        return new QueryContext() {
            @Override
            public void emit(List<Event> chunk) {
                if (table == null) {
                    deliver(output, chunk, context);
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
        };
    }
}
