package org.siddhiql.compiler.plan;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.query.QueryContext;
import org.siddhiql.runtime.query.QueryKernel;
import org.siddhiql.runtime.state.HeapStateProvider;

/**
 * A compiled on-demand query: what it reads (a table, or an aggregation's buckets for one retrieval), and the query
 * over those rows. Runtime-neutral: a backend reads the rows out of its state (a Flink savepoint, say) through
 * {@link OnDemandSource} and hands them to {@link #evaluate}.
 */
public final class OnDemandPlan implements Serializable {
    private static final long serialVersionUID = 1L;

    private final OnDemandSource source;
    private final QueryPlan query;

    public OnDemandPlan(OnDemandSource source, QueryPlan query) {
        this.source = source;
        this.query = query;
    }

    /** What the query reads. */
    public OnDemandSource source() {
        return source;
    }

    /** The attributes of each result row. */
    public StreamSchema output() {
        return query.output();
    }

    /**
     * Runs the query over the source's rows, in their order, as one chunk: filtered by the {@code on} condition,
     * then selected, grouped, ordered and limited by the very kernels the app's queries run.
     */
    public List<Event> evaluate(List<Event> rows) {
        List<Event> result = new ArrayList<>();
        QueryKernel kernel = query.instantiate(new HeapStateProvider());
        kernel.onChunk(List.copyOf(rows), new QueryContext() {
            @Override
            public void emit(List<Event> chunk) {
                result.addAll(chunk);
            }

            @Override
            public long currentTime() {
                return rows.isEmpty() ? 0 : rows.get(rows.size() - 1).timestamp();
            }

            @Override
            public long appStartTime() {
                return 0;
            }

            @Override
            public void scheduleAt(long time) {
                throw new IllegalStateException("an on-demand query has no window and no output rate: no timers");
            }
        });
        return result;
    }
}
