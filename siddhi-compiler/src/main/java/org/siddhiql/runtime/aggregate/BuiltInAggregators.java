package org.siddhiql.runtime.aggregate;

import java.util.List;
import org.siddhiql.compiler.schema.AttributeType;

/**
 * Siddhi 5.1's built-in aggregators, with its argument rules and result types:
 * <ul>
 * <li>sum(int|long) → long, sum(float|double) → double</li>
 * <li>count() and count(any) → long</li>
 * <li>avg(number) → double, stdDev(number) → double</li>
 * <li>min, max, minForever, maxForever (number) → the argument type</li>
 * <li>distinctCount(int|long|float|double|string) → long</li>
 * <li>and(bool), or(bool) → bool</li>
 * <li>unionSet(object: a set) → object (a set)</li>
 * </ul>
 */
public final class BuiltInAggregators {
    private BuiltInAggregators() {
    }

    public static final AggregatorFactory SUM = Kind.SUM;
    public static final AggregatorFactory COUNT = Kind.COUNT;
    public static final AggregatorFactory AVG = Kind.AVG;
    public static final AggregatorFactory MIN = Kind.MIN;
    public static final AggregatorFactory MAX = Kind.MAX;
    public static final AggregatorFactory DISTINCT_COUNT = Kind.DISTINCT_COUNT;
    public static final AggregatorFactory STD_DEV = Kind.STD_DEV;
    public static final AggregatorFactory MIN_FOREVER = Kind.MIN_FOREVER;
    public static final AggregatorFactory MAX_FOREVER = Kind.MAX_FOREVER;
    public static final AggregatorFactory AND = Kind.AND;
    public static final AggregatorFactory OR = Kind.OR;
    public static final AggregatorFactory UNION_SET = Kind.UNION_SET;

    private enum Kind implements AggregatorFactory {
        SUM("sum"),
        COUNT("count"),
        AVG("avg"),
        MIN("min"),
        MAX("max"),
        DISTINCT_COUNT("distinctCount"),
        STD_DEV("stdDev"),
        MIN_FOREVER("minForever"),
        MAX_FOREVER("maxForever"),
        AND("and"),
        OR("or"),
        UNION_SET("unionSet");

        private final String functionName;

        Kind(String functionName) {
            this.functionName = functionName;
        }

        @Override
        public Aggregator create(List<AttributeType> argumentTypes) {
            return create(argumentTypes, true);
        }

        @Override
        public Aggregator create(List<AttributeType> argumentTypes, boolean trackRemovals) {
            switch (this) {
                case SUM: {
                    AttributeType type = numericArgument(argumentTypes);
                    return type == AttributeType.INT || type == AttributeType.LONG
                            ? new SumAggregator.LongSum() : new SumAggregator.DoubleSum();
                }
                case COUNT:
                    if (argumentTypes.size() > 1) {
                        throw new IllegalArgumentException("aggregate function 'count' expects at most 1 argument, got "
                                + argumentTypes.size());
                    }
                    return new CountAggregator();
                case AVG:
                    numericArgument(argumentTypes);
                    return new AvgAggregator();
                case STD_DEV:
                    numericArgument(argumentTypes);
                    return new StdDevAggregator();
                case MIN:
                case MAX: {
                    AttributeType type = numericArgument(argumentTypes);
                    return new ExtremeAggregator(type, order(type), this == MAX, trackRemovals);
                }
                case MIN_FOREVER:
                case MAX_FOREVER: {
                    AttributeType type = numericArgument(argumentTypes);
                    return new ForeverAggregator(type, order(type), this == MAX_FOREVER);
                }
                case DISTINCT_COUNT: {
                    AttributeType type = oneArgument(argumentTypes);
                    if (type == AttributeType.BOOL || type == AttributeType.OBJECT) {
                        throw new IllegalArgumentException("aggregate function 'distinctCount' expects an int, long, "
                                + "float, double or string argument, got " + type.siddhiName());
                    }
                    return new DistinctCountAggregator();
                }
                case AND:
                case OR: {
                    AttributeType type = oneArgument(argumentTypes);
                    if (type != AttributeType.BOOL) {
                        throw new IllegalArgumentException("aggregate function '" + functionName
                                + "' expects a bool argument, got " + type.siddhiName());
                    }
                    return new LogicalAggregator(this == AND);
                }
                case UNION_SET: {
                    AttributeType type = oneArgument(argumentTypes);
                    if (type != AttributeType.OBJECT) {
                        throw new IllegalArgumentException("aggregate function 'unionSet' expects an object (a set) "
                                + "argument, got " + type.siddhiName());
                    }
                    return new UnionSetAggregator(trackRemovals);
                }
                default:
                    throw new IllegalStateException(name());
            }
        }

        private AttributeType oneArgument(List<AttributeType> argumentTypes) {
            if (argumentTypes.size() != 1) {
                throw new IllegalArgumentException("aggregate function '" + functionName + "' expects 1 argument, got "
                        + argumentTypes.size());
            }
            return argumentTypes.get(0);
        }

        private AttributeType numericArgument(List<AttributeType> argumentTypes) {
            AttributeType type = oneArgument(argumentTypes);
            if (!type.isNumeric()) {
                throw new IllegalArgumentException("aggregate function '" + functionName
                        + "' expects an int, long, float or double argument, got " + type.siddhiName());
            }
            return type;
        }

        private static NumericOrder order(AttributeType type) {
            switch (type) {
                case INT: return NumericOrder.INT;
                case LONG: return NumericOrder.LONG;
                case FLOAT: return NumericOrder.FLOAT;
                default: return NumericOrder.DOUBLE;
            }
        }
    }
}
