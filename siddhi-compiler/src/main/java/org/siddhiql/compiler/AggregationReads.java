package org.siddhiql.compiler;

import io.siddhi.query.api.SiddhiElement;
import io.siddhi.query.api.aggregation.Within;
import io.siddhi.query.api.execution.query.input.store.AggregationInputStore;
import io.siddhi.query.api.execution.query.input.stream.JoinInputStream;
import io.siddhi.query.api.execution.query.input.stream.SingleInputStream;
import io.siddhi.query.api.expression.Expression;
import java.util.List;
import java.util.Map;
import org.siddhiql.compiler.expression.ConstantEvaluator;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.expression.ExpressionCompiler;
import org.siddhiql.compiler.expression.Row;
import org.siddhiql.compiler.plan.AggregationSource;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.aggregation.AggregationRead;
import org.siddhiql.runtime.aggregation.AggregationSpec;
import org.siddhiql.runtime.aggregation.BucketDuration;
import org.siddhiql.runtime.aggregation.WithinRange;
import org.siddhiql.runtime.join.JoinSide;

/**
 * Reads of incremental aggregations: the aggregation side of a join ({@code from S join Agg within ... per ...}),
 * whose within and per clauses are compiled against the stream side, whose events they are evaluated on; and
 * on-demand queries ({@code from Agg within ... per ... select ...}), whose clauses read no stream.
 */
final class AggregationReads {
    /** What an on-demand query's within and per clauses are compiled against: no attributes. */
    private static final StreamSchema NO_STREAM = new StreamSchema("onDemand", List.of(), List.of());
    /** What they are evaluated on. */
    private static final Row NO_EVENT = new Row() {
        @Override
        public Object get(int streamIndex, int attributeIndex) {
            throw new IllegalStateException("an on-demand query's within and per clauses read no attributes");
        }

        @Override
        public long timestamp(int streamIndex) {
            return timestamp();
        }

        @Override
        public long timestamp() {
            return 0L;
        }
    };

    private final ExpressionCompiler expressions;
    private final Map<String, AggregationSpec> aggregations;

    AggregationReads(ExpressionCompiler expressions, Map<String, AggregationSpec> aggregations) {
        this.expressions = expressions;
        this.aggregations = aggregations;
    }

    boolean isAggregation(SingleInputStream input) {
        return aggregations.containsKey(input.getStreamId());
    }

    /** Within and per go with exactly one aggregation side, and such a side needs both (per checked first, as Siddhi). */
    void check(JoinInputStream join, SingleInputStream left, SingleInputStream right) {
        boolean reads = isAggregation(left) || isAggregation(right);
        if (isAggregation(left) && isAggregation(right)) {
            throw AppCompiler.unsupported(join, "a join may read one aggregation, not two");
        }
        if (!reads && (join.getWithin() != null || join.getPer() != null)) {
            throw AppCompiler.unsupported(join, "'within' and 'per' are only valid in a join with an aggregation");
        }
        if (reads && join.getPer() == null) {
            throw AppCompiler.unsupported(join, "a join with an aggregation must have a 'per' clause");
        }
        if (reads && join.getWithin() == null) {
            throw AppCompiler.unsupported(join, "a join with an aggregation must have a 'within' clause");
        }
    }

    JoinSide side(JoinInputStream join, SingleInputStream aggregationInput, SingleInputStream streamInput,
            Map<String, StreamSchema> streams, boolean outer) {
        AggregationSpec aggregation = aggregations.get(aggregationInput.getStreamId());
        if (!aggregationInput.getStreamHandlers().isEmpty()) {
            throw AppCompiler.unsupported(aggregationInput.getStreamHandlers().get(0), "filters and windows on an "
                    + "aggregation's side of a join are not supported");
        }
        StreamSchema stream = streams.get(streamInput.getStreamId());
        if (stream == null) {
            throw new CompileException(SourcePosition.of(streamInput),
                    "stream '" + streamInput.getStreamId() + "' is not defined");
        }
        return new JoinSide(read(aggregation, join.getWithin(), join.getPer(), stream,
                streamInput.getStreamReferenceId()), outer);
    }

    /**
     * The within and per clauses of an on-demand query on an aggregation ({@code from A within ... per ...}),
     * evaluated once, here: with no stream to read they are constants, and a wrong range is the query's error.
     */
    AggregationSource onDemand(AggregationInputStore store, SiddhiElement query) {
        AggregationSpec aggregation = aggregations.get(store.getStoreId());
        AggregationRead read = read(aggregation, store.getWithin(), store.getPer(), NO_STREAM, null);
        long[] range;
        try {
            range = read.range(NO_EVENT);
        } catch (IllegalArgumentException e) {
            throw new CompileException(SourcePosition.firstOf(store.getWithin().getTimeRange().get(0), query),
                    e.getMessage());
        }
        BucketDuration per;
        try {
            per = read.duration(NO_EVENT);
        } catch (IllegalArgumentException e) {
            throw new CompileException(SourcePosition.firstOf(store.getPer(), query), e.getMessage());
        }
        return new AggregationSource(aggregation, range[0], range[1], per);
    }

    /** The within and per clauses compiled against the stream whose events they are evaluated on. */
    private AggregationRead read(AggregationSpec aggregation, Within within, Expression perClause, StreamSchema stream,
            String alias) {
        StreamScope scope = StreamScope.of(stream, alias, "within");
        List<Expression> range = within.getTimeRange();
        Evaluator start = bound(range.get(0), scope, range.size() == 1);
        Evaluator end = range.size() == 1 ? null : bound(range.get(1), scope, false);
        Evaluator per = expressions.compile(perClause, StreamScope.of(stream, alias, "per"));
        if (per.type() != AttributeType.STRING) {
            throw new CompileException(SourcePosition.of(perClause), "the per value must be a string, got "
                    + per.type().siddhiName());
        }
        if (per instanceof ConstantEvaluator) {
            String value = String.valueOf(((ConstantEvaluator) per).value());
            BucketDuration duration = BucketDuration.ofPer(value);
            if (duration == null) {
                throw new CompileException(SourcePosition.of(perClause), "per '" + value + "' is not a duration: "
                        + "expected seconds, minutes, hours, days, months or years");
            }
            if (!aggregation.durations().contains(duration)) {
                throw new CompileException(SourcePosition.of(perClause), "aggregation '" + aggregation.name()
                        + "' has no " + duration.name().toLowerCase(java.util.Locale.ROOT) + " buckets");
            }
        }
        return new AggregationRead(aggregation, start, end, per);
    }

    private Evaluator bound(Expression expression, StreamScope scope, boolean pattern) {
        Evaluator bound = expressions.compile(expression, scope);
        if (pattern ? bound.type() != AttributeType.STRING
                : bound.type() != AttributeType.LONG && bound.type() != AttributeType.STRING) {
            throw new CompileException(SourcePosition.of(expression), "a within bound must be a "
                    + (pattern ? "string" : "long or a string") + ", got " + bound.type().siddhiName());
        }
        if (pattern && bound instanceof ConstantEvaluator
                && !WithinRange.isPattern(String.valueOf(((ConstantEvaluator) bound).value()))) {
            throw new CompileException(SourcePosition.of(expression), "incorrect within pattern '"
                    + ((ConstantEvaluator) bound).value() + "': expected <yyyy>-<MM>-<dd> <HH>:<mm>:<ss> with the "
                    + "finest fields written as **");
        }
        return bound;
    }
}
