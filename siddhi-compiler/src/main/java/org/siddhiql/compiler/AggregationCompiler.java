package org.siddhiql.compiler;

import io.siddhi.query.api.aggregation.TimePeriod;
import io.siddhi.query.api.annotation.Annotation;
import io.siddhi.query.api.annotation.Element;
import io.siddhi.query.api.definition.AggregationDefinition;
import io.siddhi.query.api.execution.query.input.stream.SingleInputStream;
import io.siddhi.query.api.execution.query.selection.OutputAttribute;
import io.siddhi.query.api.expression.AttributeFunction;
import io.siddhi.query.api.expression.Expression;
import io.siddhi.query.api.expression.Variable;
import io.siddhi.query.api.util.AnnotationHelper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.expression.ExpressionCompiler;
import org.siddhiql.compiler.expression.Row;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.aggregation.AggregationOutput;
import org.siddhiql.runtime.aggregation.AggregationSpec;
import org.siddhiql.runtime.aggregation.BaseValue;
import org.siddhiql.runtime.aggregation.BucketDuration;

/**
 * Compiles a {@code define aggregation} into an {@link AggregationSpec}: each aggregate of the select clause is
 * decomposed into the base values Siddhi stores per bucket (sum and count for avg, a set for distinctCount).
 */
final class AggregationCompiler {
    private final ExpressionCompiler expressions;

    AggregationCompiler(ExpressionCompiler expressions) {
        this.expressions = expressions;
    }

    AggregationSpec compile(AggregationDefinition definition, Map<String, StreamSchema> streams) {
        rejectPurging(definition);
        SingleInputStream input = definition.getBasicSingleInputStream();
        StreamSchema schema = streams.get(input.getStreamId());
        if (schema == null) {
            throw new CompileException(SourcePosition.firstOf(input, definition),
                    "stream '" + input.getStreamId() + "' is not defined");
        }
        StreamScope scope = StreamScope.of(schema, input.getStreamReferenceId(), "aggregation");
        if (!input.getStreamHandlers().isEmpty()) {
            // siddhi-core 5.1.21 accepts a filter here but its aggregation then never returns a row.
            throw AppCompiler.unsupported(input.getStreamHandlers().get(0), "filters on an aggregation's input are "
                    + "not supported: filter in a query that feeds the aggregation's stream");
        }
        Evaluator timestamp = null;
        if (definition.getAggregateAttribute() != null) {
            timestamp = expressions.compile(definition.getAggregateAttribute(), scope);
            if (timestamp.type() != AttributeType.LONG) {
                throw new CompileException(SourcePosition.firstOf(definition.getAggregateAttribute(), definition),
                        "aggregation '" + definition.getId() + "' aggregates by '"
                                + definition.getAggregateAttribute().getAttributeName() + "', which must be a long, "
                                + "but is " + timestamp.type().siddhiName());
            }
        }
        List<String> groupNames = new ArrayList<>();
        List<Evaluator> groupBy = new ArrayList<>();
        for (Variable variable : definition.getSelector().getGroupByList()) {
            groupBy.add(expressions.compile(variable, scope));
            groupNames.add(variable.getAttributeName());
        }
        List<Evaluator> baseInputs = new ArrayList<>();
        List<BaseValue> baseValues = new ArrayList<>();
        List<AggregationOutput> outputs = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of("AGG_TIMESTAMP"));
        List<AttributeType> types = new ArrayList<>(List.of(AttributeType.LONG));
        for (OutputAttribute attribute : definition.getSelector().getSelectionList()) {
            if (names.contains(attribute.getRename())) {
                throw new CompileException(SourcePosition.firstOf(attribute, definition),
                        "duplicate output attribute '" + attribute.getRename() + "'");
            }
            Expression expression = attribute.getExpression();
            int firstBase = 1 + groupBy.size() + baseInputs.size();
            AttributeType type;
            if (expression instanceof Variable && groupNames.contains(((Variable) expression).getAttributeName())) {
                int group = groupNames.indexOf(((Variable) expression).getAttributeName());
                outputs.add(new AggregationOutput(AggregationOutput.Kind.GROUP_BY, 1 + group));
                type = groupBy.get(group).type();
            } else if (expression instanceof AttributeFunction) {
                type = aggregate((AttributeFunction) expression, scope, firstBase, baseInputs, baseValues, outputs);
            } else {
                throw AppCompiler.unsupported(expression, "aggregation '" + definition.getId() + "' selects '"
                        + attribute.getRename() + "', which is neither a group-by attribute nor an aggregate: not "
                        + "supported yet");
            }
            names.add(attribute.getRename());
            types.add(type);
        }
        StreamSchema output = new StreamSchema(definition.getId(), names, types);
        return new AggregationSpec(schema, timestamp, groupBy, baseInputs, baseValues,
                durations(definition.getTimePeriod()), outputs, output);
    }

    /** Adds the base values of one aggregate; returns its output type. */
    private AttributeType aggregate(AttributeFunction function, StreamScope scope, int firstBase,
            List<Evaluator> baseInputs, List<BaseValue> baseValues, List<AggregationOutput> outputs) {
        String name = function.getName();
        Expression[] parameters = function.getParameters() == null ? new Expression[0] : function.getParameters();
        if (function.getNamespace() != null && !function.getNamespace().isEmpty() || !SUPPORTED.contains(name)) {
            throw new CompileException(SourcePosition.of(function), "'" + name + "' is not an incremental aggregate "
                    + "(sum, count, avg, min, max, distinctCount)");
        }
        if (name.equals("count")) {
            baseInputs.add(new Constant1());
            baseValues.add(BaseValue.SUM);
            outputs.add(new AggregationOutput(AggregationOutput.Kind.COUNT, firstBase));
            return AttributeType.LONG;
        }
        if (parameters.length != 1) {
            throw new CompileException(SourcePosition.of(function), name + "() of an aggregation takes one attribute");
        }
        Evaluator argument = expressions.compile(parameters[0], scope);
        AttributeType type = argument.type();
        boolean numeric = type == AttributeType.INT || type == AttributeType.LONG || type == AttributeType.FLOAT
                || type == AttributeType.DOUBLE;
        if (!numeric && !(name.equals("distinctCount") && type != AttributeType.OBJECT)) {
            throw new CompileException(SourcePosition.of(function), name + "() of an aggregation cannot take a "
                    + type.siddhiName() + " attribute");
        }
        AttributeType sumType = type == AttributeType.INT || type == AttributeType.LONG ? AttributeType.LONG
                : AttributeType.DOUBLE;
        switch (name) {
            case "sum":
                baseInputs.add(new Widened(argument, sumType));
                baseValues.add(BaseValue.SUM);
                outputs.add(new AggregationOutput(AggregationOutput.Kind.SUM, firstBase));
                return sumType;
            case "avg":
                baseInputs.add(new Widened(argument, sumType));
                baseValues.add(BaseValue.SUM);
                baseInputs.add(new Constant1());
                baseValues.add(BaseValue.SUM);
                outputs.add(new AggregationOutput(AggregationOutput.Kind.AVG, firstBase));
                // Siddhi divides the stored sum by the count: a long over longs.
                return sumType;
            case "min":
            case "max":
                baseInputs.add(argument);
                baseValues.add(name.equals("min") ? BaseValue.MIN : BaseValue.MAX);
                outputs.add(new AggregationOutput(name.equals("min") ? AggregationOutput.Kind.MIN
                        : AggregationOutput.Kind.MAX, firstBase));
                return type;
            default:
                baseInputs.add(new Singleton(argument));
                baseValues.add(BaseValue.SET);
                outputs.add(new AggregationOutput(AggregationOutput.Kind.DISTINCT_COUNT, firstBase));
                return AttributeType.LONG;
        }
    }

    private static final Set<String> SUPPORTED = Set.of("sum", "count", "avg", "min", "max", "distinctCount");

    /** The durations, finest first: a range {@code sec ... year} is every duration between its ends. */
    private static List<BucketDuration> durations(TimePeriod period) {
        Set<BucketDuration> durations = new TreeSet<>();
        List<TimePeriod.Duration> given = period.getDurations();
        if (period.getOperator() == TimePeriod.Operator.RANGE) {
            for (int i = given.get(0).ordinal(); i <= given.get(given.size() - 1).ordinal(); i++) {
                durations.add(BucketDuration.values()[i]);
            }
        } else {
            given.forEach(d -> durations.add(BucketDuration.values()[d.ordinal()]));
        }
        return new ArrayList<>(durations);
    }

    /**
     * Purging deletes old buckets by the wall clock, so no recorded run could reproduce it; only disabling it, or
     * leaving it out (nothing is purged), is accepted.
     */
    private static void rejectPurging(AggregationDefinition definition) {
        Annotation purge = AnnotationHelper.getAnnotation("purge", definition.getAnnotations());
        if (purge == null) {
            return;
        }
        Element enable = AnnotationHelper.getAnnotationElement("purge", "enable", definition.getAnnotations());
        if (enable == null || !"false".equalsIgnoreCase(enable.getValue())) {
            throw AppCompiler.unsupported(purge, "purging aggregations (@purge) is not supported yet: use "
                    + "@purge(enable='false')");
        }
    }

    /** The count's base value: 1 per event. */
    private static final class Constant1 implements Evaluator {
        private static final long serialVersionUID = 1L;

        @Override
        public Object evaluate(Row row) {
            return 1L;
        }

        @Override
        public AttributeType type() {
            return AttributeType.LONG;
        }
    }

    /** A sum's base value: the attribute as a long or a double. */
    private static final class Widened implements Evaluator {
        private static final long serialVersionUID = 1L;
        private final Evaluator argument;
        private final AttributeType type;

        Widened(Evaluator argument, AttributeType type) {
            this.argument = argument;
            this.type = type;
        }

        @Override
        public Object evaluate(Row row) {
            Object value = argument.evaluate(row);
            if (value == null) {
                return null;
            }
            return type == AttributeType.LONG ? (Object) ((Number) value).longValue()
                    : (Object) ((Number) value).doubleValue();
        }

        @Override
        public AttributeType type() {
            return type;
        }
    }

    /** A distinctCount's base value: the set of the attribute's one value. */
    private static final class Singleton implements Evaluator {
        private static final long serialVersionUID = 1L;
        private final Evaluator argument;

        Singleton(Evaluator argument) {
            this.argument = argument;
        }

        @Override
        public Object evaluate(Row row) {
            Set<Object> set = new LinkedHashSet<>();
            set.add(argument.evaluate(row));
            return set;
        }

        @Override
        public AttributeType type() {
            return AttributeType.OBJECT;
        }
    }
}
