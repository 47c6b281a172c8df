package org.siddhiql.compiler.expression;

import org.siddhiql.compiler.schema.AttributeType;

/**
 * The arithmetic operators, one class per result type (chosen at compile time by numeric promotion
 * int &lt; long &lt; float &lt; double); the operator is a final field whose switch the JIT folds. As in Siddhi 5.1: a null operand gives null, both operands are always
 * evaluated, integer arithmetic wraps around on overflow and truncates on division, and a zero divisor gives null
 * for every type (no ArithmeticException, no infinity or NaN) for both {@code /} and {@code %}.
 */
final class Arithmetic {
    private Arithmetic() {
    }

    /** The operators, with their spelling for messages. */
    enum Operator {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), MOD("%");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        String symbol() {
            return symbol;
        }
    }

    static Evaluator create(Operator operator, Evaluator left, Evaluator right, AttributeType resultType) {
        switch (resultType) {
            case INT: return new IntArithmetic(operator, left, right);
            case LONG: return new LongArithmetic(operator, left, right);
            case FLOAT: return new FloatArithmetic(operator, left, right);
            case DOUBLE: return new DoubleArithmetic(operator, left, right);
            default: throw new IllegalArgumentException("no " + operator + " for " + resultType);
        }
    }

    /** Two operands, an operator and the result type; a null operand or a zero divisor gives null. */
    abstract static class Binary implements Evaluator {
        private static final long serialVersionUID = 1L;

        final Operator operator;
        final Evaluator left;
        final Evaluator right;

        Binary(Operator operator, Evaluator left, Evaluator right) {
            this.operator = operator;
            this.left = left;
            this.right = right;
        }

        @Override
        public final Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return null;
            }
            return apply((Number) a, (Number) b);
        }

        /** The result for non-null operands, or null for a zero divisor. */
        abstract Object apply(Number a, Number b);
    }

    static final class IntArithmetic extends Binary {
        private static final long serialVersionUID = 1L;

        IntArithmetic(Operator operator, Evaluator left, Evaluator right) {
            super(operator, left, right);
        }

        @Override
        Object apply(Number a, Number b) {
            int x = a.intValue();
            int y = b.intValue();
            switch (operator) {
                case ADD: return x + y;
                case SUBTRACT: return x - y;
                case MULTIPLY: return x * y;
                case DIVIDE: return y == 0 ? null : x / y;
                default: return y == 0 ? null : x % y;
            }
        }

        @Override
        public AttributeType type() {
            return AttributeType.INT;
        }
    }

    static final class LongArithmetic extends Binary {
        private static final long serialVersionUID = 1L;

        LongArithmetic(Operator operator, Evaluator left, Evaluator right) {
            super(operator, left, right);
        }

        @Override
        Object apply(Number a, Number b) {
            long x = a.longValue();
            long y = b.longValue();
            switch (operator) {
                case ADD: return x + y;
                case SUBTRACT: return x - y;
                case MULTIPLY: return x * y;
                case DIVIDE: return y == 0L ? null : x / y;
                default: return y == 0L ? null : x % y;
            }
        }

        @Override
        public AttributeType type() {
            return AttributeType.LONG;
        }
    }

    static final class FloatArithmetic extends Binary {
        private static final long serialVersionUID = 1L;

        FloatArithmetic(Operator operator, Evaluator left, Evaluator right) {
            super(operator, left, right);
        }

        @Override
        Object apply(Number a, Number b) {
            float x = a.floatValue();
            float y = b.floatValue();
            switch (operator) {
                case ADD: return x + y;
                case SUBTRACT: return x - y;
                case MULTIPLY: return x * y;
                case DIVIDE: return y == 0f ? null : x / y;
                default: return y == 0f ? null : x % y;
            }
        }

        @Override
        public AttributeType type() {
            return AttributeType.FLOAT;
        }
    }

    static final class DoubleArithmetic extends Binary {
        private static final long serialVersionUID = 1L;

        DoubleArithmetic(Operator operator, Evaluator left, Evaluator right) {
            super(operator, left, right);
        }

        @Override
        Object apply(Number a, Number b) {
            double x = a.doubleValue();
            double y = b.doubleValue();
            switch (operator) {
                case ADD: return x + y;
                case SUBTRACT: return x - y;
                case MULTIPLY: return x * y;
                case DIVIDE: return y == 0d ? null : x / y;
                default: return y == 0d ? null : x % y;
            }
        }

        @Override
        public AttributeType type() {
            return AttributeType.DOUBLE;
        }
    }
}
