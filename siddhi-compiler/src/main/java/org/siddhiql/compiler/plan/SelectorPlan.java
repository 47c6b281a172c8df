package org.siddhiql.compiler.plan;

import java.io.Serializable;
import java.util.List;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.aggregate.Aggregator;

/**
 * A compiled select clause: projections over the input row, the aggregators they use (one state slot each),
 * group-by keys, and having / order by / limit / offset over the projected output.
 */
public final class SelectorPlan implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Siddhi's marker for an absent limit or offset. */
    public static final long UNSET = -1;

    private final StreamSchema output;
    private final List<Evaluator> projections;
    private final List<Aggregator> aggregators;
    private final List<Evaluator> groupBy;
    private final Evaluator having;
    private final List<OrderKey> orderBy;
    private final long limit;
    private final long offset;
    private final boolean currentOn;
    private final boolean expiredOn;
    private final boolean batching;

    public SelectorPlan(StreamSchema output, List<Evaluator> projections, List<Aggregator> aggregators,
            List<Evaluator> groupBy, Evaluator having, List<OrderKey> orderBy, long limit, long offset,
            boolean currentOn, boolean expiredOn, boolean batching) {
        this.output = output;
        this.projections = List.copyOf(projections);
        this.aggregators = List.copyOf(aggregators);
        this.groupBy = List.copyOf(groupBy);
        this.having = having;
        this.orderBy = List.copyOf(orderBy);
        this.limit = limit;
        this.offset = offset;
        this.currentOn = currentOn;
        this.expiredOn = expiredOn;
        this.batching = batching;
    }

    public StreamSchema output() {
        return output;
    }

    public List<Evaluator> projections() {
        return projections;
    }

    public List<Aggregator> aggregators() {
        return aggregators;
    }

    public boolean hasAggregators() {
        return !aggregators.isEmpty();
    }

    public List<Evaluator> groupBy() {
        return groupBy;
    }

    public boolean isGroupBy() {
        return !groupBy.isEmpty();
    }

    /** The having condition over the projected output, or null. */
    public Evaluator having() {
        return having;
    }

    public List<OrderKey> orderBy() {
        return orderBy;
    }

    public long limit() {
        return limit;
    }

    public long offset() {
        return offset;
    }

    /** Whether CURRENT events are output ({@code insert [current|all] events}). */
    public boolean currentOn() {
        return currentOn;
    }

    /** Whether EXPIRED events are output ({@code insert [expired|all] events}). */
    public boolean expiredOn() {
        return expiredOn;
    }

    /**
     * Siddhi 5.1 treats every chunk a window emits as a batch: with aggregators or group by, only the last event
     * (per group) of a chunk is output. Snapshot rate limiting turns this off.
     */
    public boolean batching() {
        return batching;
    }
}
