package org.siddhiql.runtime.aggregation;

import java.io.Serializable;
import java.util.List;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.state.StateProvider;

/**
 * A compiled {@code define aggregation}: the stream it reads, the time it buckets them by, its group-by values, the
 * base values each event contributes (one column each, merged by a {@link BaseValue}), its durations (finest first)
 * and the select clause over a bucket's row. A bucket's row is {@code [bucket start, group-by values..., base
 * values...]}.
 */
public final class AggregationSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final StreamSchema input;
    /** The {@code aggregate by} timestamp, or null to bucket by the event's own (arrival) time. */
    private final Evaluator timestamp;
    private final List<Evaluator> groupBy;
    private final List<Evaluator> baseInputs;
    private final List<BaseValue> baseValues;
    private final List<BucketDuration> durations;
    private final List<AggregationOutput> outputs;
    /** {@code AGG_TIMESTAMP} and the select clause's attributes: what joins and on-demand queries read. */
    private final StreamSchema output;

    public AggregationSpec(StreamSchema input, Evaluator timestamp, List<Evaluator> groupBy,
            List<Evaluator> baseInputs, List<BaseValue> baseValues, List<BucketDuration> durations,
            List<AggregationOutput> outputs, StreamSchema output) {
        this.input = input;
        this.timestamp = timestamp;
        this.groupBy = List.copyOf(groupBy);
        this.baseInputs = List.copyOf(baseInputs);
        this.baseValues = List.copyOf(baseValues);
        this.durations = List.copyOf(durations);
        this.outputs = List.copyOf(outputs);
        this.output = output;
    }

    public String name() {
        return output.name();
    }

    public StreamSchema input() {
        return input;
    }

    /** Whether buckets follow an {@code aggregate by} attribute rather than the events' arrival time. */
    public boolean externalTime() {
        return timestamp != null;
    }

    Evaluator timestamp() {
        return timestamp;
    }

    List<Evaluator> groupBy() {
        return groupBy;
    }

    List<Evaluator> baseInputs() {
        return baseInputs;
    }

    List<BaseValue> baseValues() {
        return baseValues;
    }

    public List<BucketDuration> durations() {
        return durations;
    }

    List<AggregationOutput> outputs() {
        return outputs;
    }

    public StreamSchema output() {
        return output;
    }

    /**
     * The aggregation's buckets in managed state. State names derive from the aggregation's name only, so the query
     * feeding it and every query reading it, run in one operator, share them (see {@code SharedState}).
     */
    public AggregationStore instantiate(StateProvider state) {
        return new AggregationStore(this, state);
    }
}
