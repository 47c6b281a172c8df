package org.siddhiql.compiler.plan;

import java.util.ArrayList;
import java.util.List;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.aggregation.AggregationSpec;
import org.siddhiql.runtime.aggregation.AggregationStore;
import org.siddhiql.runtime.aggregation.BucketDuration;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.state.StateProvider;

/**
 * The rows an incremental aggregation answers for one {@code within start, end per duration} retrieval:
 * {@code [AGG_TIMESTAMP, select attributes...]}, as {@link AggregationStore#find} merges finished and running
 * buckets.
 */
public final class AggregationSource implements OnDemandSource {
    private static final long serialVersionUID = 1L;
    /**
     * The timestamp of every row, as siddhi-core's: its aggregation tables and running buckets keep rows without an
     * event time, so its on-demand results carry none either ({@code AGG_TIMESTAMP} is the bucket start).
     */
    static final long NO_TIMESTAMP = -1L;

    private final AggregationSpec aggregation;
    private final long start;
    private final long end;
    private final BucketDuration per;

    /** The buckets of {@code per} starting in {@code [start, end)}. */
    public AggregationSource(AggregationSpec aggregation, long start, long end, BucketDuration per) {
        this.aggregation = aggregation;
        this.start = start;
        this.end = end;
        this.per = per;
    }

    @Override
    public String name() {
        return aggregation.name();
    }

    @Override
    public StreamSchema schema() {
        return aggregation.output();
    }

    @Override
    public Rows declare(StateProvider state) {
        AggregationStore store = aggregation.instantiate(state);
        return () -> {
            List<Event> rows = new ArrayList<>();
            for (Object[] row : store.find(start, end, per)) {
                rows.add(new Event(NO_TIMESTAMP, row));
            }
            return rows;
        };
    }
}
