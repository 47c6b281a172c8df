package org.siddhiql.compiler.connector;

import io.siddhi.query.api.SiddhiApp;
import io.siddhi.query.api.definition.AggregationDefinition;
import io.siddhi.query.api.execution.ExecutionElement;
import io.siddhi.query.api.execution.partition.Partition;
import io.siddhi.query.api.execution.query.Query;
import io.siddhi.query.api.execution.query.input.handler.Filter;
import io.siddhi.query.api.execution.query.input.handler.StreamHandler;
import io.siddhi.query.api.execution.query.input.stream.AnonymousInputStream;
import io.siddhi.query.api.execution.query.input.stream.BasicSingleInputStream;
import io.siddhi.query.api.execution.query.input.stream.InputStream;
import io.siddhi.query.api.execution.query.input.stream.JoinInputStream;
import io.siddhi.query.api.execution.query.input.stream.SingleInputStream;
import io.siddhi.query.api.expression.Expression;
import io.siddhi.query.api.expression.Variable;
import io.siddhi.query.api.expression.condition.And;
import io.siddhi.query.api.expression.condition.Compare;
import io.siddhi.query.api.expression.condition.IsNull;
import io.siddhi.query.api.expression.condition.Not;
import io.siddhi.query.api.expression.condition.Or;
import io.siddhi.query.api.expression.constant.BoolConstant;
import io.siddhi.query.api.expression.constant.DoubleConstant;
import io.siddhi.query.api.expression.constant.FloatConstant;
import io.siddhi.query.api.expression.constant.IntConstant;
import io.siddhi.query.api.expression.constant.LongConstant;
import io.siddhi.query.api.expression.constant.StringConstant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siddhiql.compiler.connector.ScanPredicate.Comparison;
import org.siddhiql.compiler.connector.ScanPredicate.Operator;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;

/**
 * Derives the {@link ScanPredicate} of a table source from the filters of the queries that read its stream.
 *
 * <p>It must never drop a row some query needs, so it is conservative: a stream read by a query without a leading
 * filter ({@code from S} or {@code from S#window...[...]}, where the window sees every event), by a pattern or
 * sequence (whose states also react to events that fail their filters), or by an aggregation, gets no predicate; else
 * the predicate is the disjunction of the readers' filters. A part of a filter that has no exact counterpart in the
 * scan (a function, arithmetic, two attributes, a literal whose conversion to the column's type would change the
 * comparison) is weakened to "true": dropped from a conjunction, and it makes a disjunction "true".
 */
public final class ScanFilters {
    /** The source types whose connectors use a scan predicate; another table format adds itself here. */
    private static final Set<String> TYPES = Set.of("iceberg");

    private static final double DOUBLE_EXACT_INTEGERS = 1L << 53;

    private final SiddhiApp app;
    private final Map<String, StreamSchema> streams;

    private ScanFilters(SiddhiApp app, Map<String, StreamSchema> streams) {
        this.app = app;
        this.streams = streams;
    }

    /** The sources, each table source with the scan predicate of its stream when there is one. */
    public static List<SourceSpec> apply(SiddhiApp app, Map<String, StreamSchema> streams,
            List<SourceSpec> sources) {
        ScanFilters filters = new ScanFilters(app, streams);
        List<SourceSpec> result = new ArrayList<>();
        for (SourceSpec source : sources) {
            ScanPredicate predicate = TYPES.contains(source.type()) ? filters.of(source.stream()) : null;
            result.add(predicate == null ? source : source.withScanFilter(predicate));
        }
        return result;
    }

    /** The predicate every event of {@code stream} some reader needs satisfies; null when there is none. */
    ScanPredicate of(String stream) {
        List<ScanPredicate> readers = new ArrayList<>();
        for (AggregationDefinition aggregation : app.getAggregationDefinitionMap().values()) {
            if (aggregation.getBasicSingleInputStream().getAllStreamIds().contains(stream)) {
                return null;
            }
        }
        for (ExecutionElement element : app.getExecutionElementList()) {
            List<Query> queries = element instanceof Partition partition ? partition.getQueryList()
                    : List.of((Query) element);
            for (Query query : queries) {
                if (!readers(query.getInputStream(), stream, readers)) {
                    return null;
                }
            }
        }
        Set<ScanPredicate> distinct = new LinkedHashSet<>(readers);
        if (distinct.isEmpty()) {
            return null; // nothing reads the stream: no reason to narrow what is read
        }
        return distinct.size() == 1 ? distinct.iterator().next() : new ScanPredicate.Or(List.copyOf(distinct));
    }

    /**
     * Adds the predicate of each read of {@code stream} by {@code input} to {@code readers}.
     *
     * @return false when one of them needs every event
     */
    private boolean readers(InputStream input, String stream, List<ScanPredicate> readers) {
        if (input instanceof AnonymousInputStream anonymous) {
            // from (from S[...] ... return): the inner query reads S
            return readers(anonymous.getQuery().getInputStream(), stream, readers);
        }
        if (input instanceof JoinInputStream join) {
            return readers(join.getLeftInputStream(), stream, readers)
                    && readers(join.getRightInputStream(), stream, readers);
        }
        if (!input.getAllStreamIds().contains(stream)) {
            return true;
        }
        boolean plain = input.getClass() == SingleInputStream.class || input.getClass() == BasicSingleInputStream.class;
        if (!plain) {
            return false; // a pattern or a sequence
        }
        SingleInputStream single = (SingleInputStream) input;
        if (single.isInnerStream() || single.isFaultStream() || !single.getStreamId().equals(stream)) {
            return true;
        }
        ScanPredicate predicate = null;
        for (StreamHandler handler : single.getStreamHandlers()) {
            if (!(handler instanceof Filter filter)) {
                break; // a window or function sees every event before any later filter
            }
            predicate = and(predicate, implied(filter.getParameters()[0], single));
        }
        if (predicate == null) {
            return false;
        }
        readers.add(predicate);
        return true;
    }

    /** A predicate every event satisfying {@code condition} satisfies; null for "true". */
    private ScanPredicate implied(Expression condition, SingleInputStream input) {
        if (condition instanceof And and) {
            return and(implied(and.getLeftExpression(), input), implied(and.getRightExpression(), input));
        }
        if (condition instanceof Or or) {
            ScanPredicate left = implied(or.getLeftExpression(), input);
            ScanPredicate right = implied(or.getRightExpression(), input);
            return left == null || right == null ? null : new ScanPredicate.Or(flatten(left, right, true));
        }
        if (condition instanceof Not not) {
            // only the negation of an exact predicate is implied; of the operators only 'is null' stays exact under
            // negation, as SiddhiQL comparisons with null are false both ways
            String column = isNullColumn(not.getExpression(), input);
            return column == null ? null : new ScanPredicate.NotNull(column);
        }
        String nullColumn = isNullColumn(condition, input);
        if (nullColumn != null) {
            return new ScanPredicate.IsNull(nullColumn);
        }
        if (condition instanceof Variable variable) {
            String column = column(variable, input);
            return column != null && type(input, column) == AttributeType.BOOL
                    ? new Comparison(column, Operator.EQUAL, true) : null;
        }
        if (condition instanceof Compare compare) {
            return comparison(compare, input);
        }
        return null;
    }

    private Comparison comparison(Compare compare, SingleInputStream input) {
        Operator operator = operator(compare.getOperator());
        Expression left = compare.getLeftExpression();
        Expression right = compare.getRightExpression();
        if (!(left instanceof Variable) && right instanceof Variable) {
            Expression swap = left;
            left = right;
            right = swap;
            operator = operator.swapped();
        }
        String column = left instanceof Variable variable ? column(variable, input) : null;
        Object constant = constant(right);
        if (column == null || constant == null) {
            return null;
        }
        AttributeType type = type(input, column);
        boolean ordered = type != AttributeType.STRING && type != AttributeType.BOOL;
        if (!ordered && operator != Operator.EQUAL && operator != Operator.NOT_EQUAL) {
            return null;
        }
        Object value = literal(type, constant);
        return value == null ? null : new Comparison(column, operator, value);
    }

    /**
     * The constant as a value of the column's type that compares with every column value as SiddhiQL compares the
     * constant (by Java's numeric promotion); null when no value does.
     */
    static Object literal(AttributeType type, Object constant) {
        switch (type) {
            case STRING:
                return constant instanceof String ? constant : null;
            case BOOL:
                return constant instanceof Boolean ? constant : null;
            case INT:
                if (constant instanceof Integer) {
                    return constant;
                }
                Long integral = integral(constant, DOUBLE_EXACT_INTEGERS);
                return integral != null && integral == integral.intValue() ? integral.intValue() : null;
            case LONG:
                return constant instanceof Float ? null : integral(constant, DOUBLE_EXACT_INTEGERS);
            case FLOAT:
            case DOUBLE:
                // zero is left out because a scan orders -0.0 before 0.0, which SiddhiQL holds equal
                if (!(constant instanceof Number number) || number.doubleValue() == 0) {
                    return null;
                }
                if (type == AttributeType.DOUBLE) {
                    return number.doubleValue();
                }
                if (constant instanceof Integer || constant instanceof Long || constant instanceof Float) {
                    return number.floatValue(); // as Java promotes an integer compared with a float
                }
                // a float column compares with a double constant as a double: only an exact float is the same
                double value = number.doubleValue();
                return (double) (float) value == value ? (float) value : null;
            default:
                return null;
        }
    }

    /** An integer or long, or a double with an integral value within +-{@code limit}, as a long; else null. */
    private static Long integral(Object constant, double limit) {
        if (constant instanceof Integer || constant instanceof Long) {
            return ((Number) constant).longValue();
        }
        if (constant instanceof Double value && value == Math.rint(value) && Math.abs(value) <= limit) {
            return value.longValue();
        }
        return null;
    }

    private static Object constant(Expression expression) {
        if (expression instanceof IntConstant c) {
            return c.getValue();
        }
        if (expression instanceof LongConstant c) {
            return c.getValue();
        }
        if (expression instanceof FloatConstant c) {
            return c.getValue();
        }
        if (expression instanceof DoubleConstant c) {
            return c.getValue();
        }
        if (expression instanceof StringConstant c) {
            return c.getValue();
        }
        if (expression instanceof BoolConstant c) {
            return c.getValue();
        }
        return null;
    }

    private String isNullColumn(Expression expression, SingleInputStream input) {
        return expression instanceof IsNull isNull && isNull.getExpression() instanceof Variable variable
                ? column(variable, input) : null;
    }

    /** The attribute of the input's stream the variable names; null when it names anything else. */
    private String column(Variable variable, SingleInputStream input) {
        String streamId = variable.getStreamId();
        boolean ours = streamId == null || streamId.equals(input.getStreamId())
                || streamId.equals(input.getStreamReferenceId());
        if (!ours || variable.getStreamIndex() != null || variable.getFunctionId() != null
                || variable.isInnerStream()) {
            return null;
        }
        StreamSchema schema = streams.get(input.getStreamId());
        return schema != null && schema.indexOf(variable.getAttributeName()) >= 0 ? variable.getAttributeName() : null;
    }

    private AttributeType type(SingleInputStream input, String column) {
        StreamSchema schema = streams.get(input.getStreamId());
        return schema.attributeType(schema.indexOf(column));
    }

    private static Operator operator(Compare.Operator operator) {
        switch (operator) {
            case EQUAL: return Operator.EQUAL;
            case NOT_EQUAL: return Operator.NOT_EQUAL;
            case LESS_THAN: return Operator.LESS_THAN;
            case LESS_THAN_EQUAL: return Operator.LESS_THAN_OR_EQUAL;
            case GREATER_THAN: return Operator.GREATER_THAN;
            default: return Operator.GREATER_THAN_OR_EQUAL;
        }
    }

    /** Both; null ("true") operands dropped. */
    private static ScanPredicate and(ScanPredicate left, ScanPredicate right) {
        if (left == null || right == null) {
            return left == null ? right : left;
        }
        return new ScanPredicate.And(flatten(left, right, false));
    }

    private static List<ScanPredicate> flatten(ScanPredicate left, ScanPredicate right, boolean or) {
        List<ScanPredicate> operands = new ArrayList<>();
        for (ScanPredicate operand : List.of(left, right)) {
            if (or && operand instanceof ScanPredicate.Or nested) {
                operands.addAll(nested.operands());
            } else if (!or && operand instanceof ScanPredicate.And nested) {
                operands.addAll(nested.operands());
            } else {
                operands.add(operand);
            }
        }
        return operands;
    }
}
