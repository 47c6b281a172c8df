package org.siddhiql.compiler.plan;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.query.QueryContext;
import org.siddhiql.runtime.query.QueryKernel;
import org.siddhiql.runtime.state.HeapStateProvider;
import org.siddhiql.runtime.table.TableSpec;

/**
 * A compiled on-demand query: the table it reads, and the query over the table's rows. Runtime-neutral: a backend
 * reads the rows out of its state (a Flink savepoint, say) and hands them to {@link #evaluate}.
 */
public final class OnDemandPlan implements Serializable {
    private static final long serialVersionUID = 1L;

    private final TableSpec table;
    private final QueryPlan query;

    public OnDemandPlan(TableSpec table, QueryPlan query) {
        this.table = table;
        this.query = query;
    }

    /** The table whose rows the query reads. */
    public TableSpec table() {
        return table;
    }

    /** The attributes of each result row. */
    public StreamSchema output() {
        return query.output();
    }

    /**
     * Runs the query over the table's rows, in insertion order, as one chunk: filtered by the {@code on} condition,
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
