package org.siddhiql.compiler.expression;

import io.siddhi.query.api.expression.condition.Compare;
import org.siddhiql.compiler.schema.AttributeType;

/**
 * The comparison operators, one class per comparison domain, chosen at compile time; the operator is a final field
 * whose switch the JIT folds. Numbers are
 * compared after Java's binary numeric promotion of the two operand types, as Siddhi's per-type-pair executors do,
 * with one exception Siddhi has: {@code ==} and {@code !=} between a long and a float compare as doubles (ordering
 * operators compare them as floats). Strings and bools only support {@code ==} and {@code !=}. Both operands are
 * always evaluated. A null operand makes every comparison false except {@code !=}, which is then true (even for
 * null != null), as in Siddhi.
 */
final class Comparisons {
    private Comparisons() {
    }

    static String symbol(Compare.Operator operator) {
        switch (operator) {
            case EQUAL: return "==";
            case NOT_EQUAL: return "!=";
            case LESS_THAN: return "<";
            case LESS_THAN_EQUAL: return "<=";
            case GREATER_THAN: return ">";
            case GREATER_THAN_EQUAL: return ">=";
            default: return operator.toString();
        }
    }

    /**
     * @param domain INT, LONG, FLOAT or DOUBLE for numbers (the promoted type), or STRING or BOOL
     */
    static Evaluator create(Compare.Operator operator, Evaluator left, Evaluator right, AttributeType domain) {
        switch (domain) {
            case INT: return new IntComparison(operator, left, right);
            case LONG: return new LongComparison(operator, left, right);
            case FLOAT: return new FloatComparison(operator, left, right);
            case DOUBLE: return new DoubleComparison(operator, left, right);
            case STRING:
            case BOOL:
                if (operator == Compare.Operator.EQUAL || operator == Compare.Operator.NOT_EQUAL) {
                    return new EqualityComparison(operator, left, right);
                }
                break;
            default:
                break;
        }
        throw new IllegalArgumentException("no " + operator + " for " + domain);
    }

    /** Two operands; the result is a non-null bool; a null operand makes it false, except for {@code !=}. */
    abstract static class Comparison implements Evaluator {
        private static final long serialVersionUID = 1L;

        final Compare.Operator operator;
        final Evaluator left;
        final Evaluator right;

        Comparison(Compare.Operator operator, Evaluator left, Evaluator right) {
            this.operator = operator;
            this.left = left;
            this.right = right;
        }

        @Override
        public final Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return operator == Compare.Operator.NOT_EQUAL;
            }
            return compare(a, b);
        }

        /** Both operands are non-null. */
        abstract boolean compare(Object a, Object b);

        @Override
        public final AttributeType type() {
            return AttributeType.BOOL;
        }
    }

    static final class IntComparison extends Comparison {
        private static final long serialVersionUID = 1L;

        IntComparison(Compare.Operator operator, Evaluator left, Evaluator right) {
            super(operator, left, right);
        }

        @Override
        boolean compare(Object a, Object b) {
            int x = ((Number) a).intValue();
            int y = ((Number) b).intValue();
            switch (operator) {
                case EQUAL: return x == y;
                case NOT_EQUAL: return x != y;
                case LESS_THAN: return x < y;
                case LESS_THAN_EQUAL: return x <= y;
                case GREATER_THAN: return x > y;
                default: return x >= y;
            }
        }
    }

    static final class LongComparison extends Comparison {
        private static final long serialVersionUID = 1L;

        LongComparison(Compare.Operator operator, Evaluator left, Evaluator right) {
            super(operator, left, right);
        }

        @Override
        boolean compare(Object a, Object b) {
            long x = ((Number) a).longValue();
            long y = ((Number) b).longValue();
            switch (operator) {
                case EQUAL: return x == y;
                case NOT_EQUAL: return x != y;
                case LESS_THAN: return x < y;
                case LESS_THAN_EQUAL: return x <= y;
                case GREATER_THAN: return x > y;
                default: return x >= y;
            }
        }
    }

    /** Primitive float operators, not Float.compare: NaN is unequal and unordered to everything, as in Siddhi. */
    static final class FloatComparison extends Comparison {
        private static final long serialVersionUID = 1L;

        FloatComparison(Compare.Operator operator, Evaluator left, Evaluator right) {
            super(operator, left, right);
        }

        @Override
        boolean compare(Object a, Object b) {
            float x = ((Number) a).floatValue();
            float y = ((Number) b).floatValue();
            switch (operator) {
                case EQUAL: return x == y;
                case NOT_EQUAL: return x != y;
                case LESS_THAN: return x < y;
                case LESS_THAN_EQUAL: return x <= y;
                case GREATER_THAN: return x > y;
                default: return x >= y;
            }
        }
    }

    /** Primitive double operators, not Double.compare, for the same reason as floats. */
    static final class DoubleComparison extends Comparison {
        private static final long serialVersionUID = 1L;

        DoubleComparison(Compare.Operator operator, Evaluator left, Evaluator right) {
            super(operator, left, right);
        }

        @Override
        boolean compare(Object a, Object b) {
            double x = ((Number) a).doubleValue();
            double y = ((Number) b).doubleValue();
            switch (operator) {
                case EQUAL: return x == y;
                case NOT_EQUAL: return x != y;
                case LESS_THAN: return x < y;
                case LESS_THAN_EQUAL: return x <= y;
                case GREATER_THAN: return x > y;
                default: return x >= y;
            }
        }
    }

    /** Strings and bools: {@code ==} and {@code !=} only. */
    static final class EqualityComparison extends Comparison {
        private static final long serialVersionUID = 1L;

        EqualityComparison(Compare.Operator operator, Evaluator left, Evaluator right) {
            super(operator, left, right);
        }

        @Override
        boolean compare(Object a, Object b) {
            return a.equals(b) == (operator == Compare.Operator.EQUAL);
        }
    }
}
