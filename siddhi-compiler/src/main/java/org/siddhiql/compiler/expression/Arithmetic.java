package org.siddhiql.compiler.expression;

import org.siddhiql.compiler.schema.AttributeType;

/**
 * The arithmetic operators, one class per operator and result type (chosen at compile time by numeric promotion
 * int &lt; long &lt; float &lt; double). As in Siddhi 5.1: a null operand gives null, both operands are always
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
        switch (operator) {
            case ADD:
                switch (resultType) {
                    case INT: return new IntAdd(left, right);
                    case LONG: return new LongAdd(left, right);
                    case FLOAT: return new FloatAdd(left, right);
                    case DOUBLE: return new DoubleAdd(left, right);
                    default: break;
                }
                break;
            case SUBTRACT:
                switch (resultType) {
                    case INT: return new IntSubtract(left, right);
                    case LONG: return new LongSubtract(left, right);
                    case FLOAT: return new FloatSubtract(left, right);
                    case DOUBLE: return new DoubleSubtract(left, right);
                    default: break;
                }
                break;
            case MULTIPLY:
                switch (resultType) {
                    case INT: return new IntMultiply(left, right);
                    case LONG: return new LongMultiply(left, right);
                    case FLOAT: return new FloatMultiply(left, right);
                    case DOUBLE: return new DoubleMultiply(left, right);
                    default: break;
                }
                break;
            case DIVIDE:
                switch (resultType) {
                    case INT: return new IntDivide(left, right);
                    case LONG: return new LongDivide(left, right);
                    case FLOAT: return new FloatDivide(left, right);
                    case DOUBLE: return new DoubleDivide(left, right);
                    default: break;
                }
                break;
            case MOD:
                switch (resultType) {
                    case INT: return new IntMod(left, right);
                    case LONG: return new LongMod(left, right);
                    case FLOAT: return new FloatMod(left, right);
                    case DOUBLE: return new DoubleMod(left, right);
                    default: break;
                }
                break;
            default:
                break;
        }
        throw new IllegalArgumentException("no " + operator + " for " + resultType);
    }

    /** Two operands and the result type. */
    abstract static class Binary implements Evaluator {
        private static final long serialVersionUID = 1L;

        final Evaluator left;
        final Evaluator right;

        Binary(Evaluator left, Evaluator right) {
            this.left = left;
            this.right = right;
        }
    }

    static final class IntAdd extends Binary {
        private static final long serialVersionUID = 1L;

        IntAdd(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return null;
            }
            return ((Number) a).intValue() + ((Number) b).intValue();
        }

        @Override
        public AttributeType type() {
            return AttributeType.INT;
        }
    }

    static final class LongAdd extends Binary {
        private static final long serialVersionUID = 1L;

        LongAdd(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return null;
            }
            return ((Number) a).longValue() + ((Number) b).longValue();
        }

        @Override
        public AttributeType type() {
            return AttributeType.LONG;
        }
    }

    static final class FloatAdd extends Binary {
        private static final long serialVersionUID = 1L;

        FloatAdd(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return null;
            }
            return ((Number) a).floatValue() + ((Number) b).floatValue();
        }

        @Override
        public AttributeType type() {
            return AttributeType.FLOAT;
        }
    }

    static final class DoubleAdd extends Binary {
        private static final long serialVersionUID = 1L;

        DoubleAdd(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return null;
            }
            return ((Number) a).doubleValue() + ((Number) b).doubleValue();
        }

        @Override
        public AttributeType type() {
            return AttributeType.DOUBLE;
        }
    }

    static final class IntSubtract extends Binary {
        private static final long serialVersionUID = 1L;

        IntSubtract(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return null;
            }
            return ((Number) a).intValue() - ((Number) b).intValue();
        }

        @Override
        public AttributeType type() {
            return AttributeType.INT;
        }
    }

    static final class LongSubtract extends Binary {
        private static final long serialVersionUID = 1L;

        LongSubtract(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return null;
            }
            return ((Number) a).longValue() - ((Number) b).longValue();
        }

        @Override
        public AttributeType type() {
            return AttributeType.LONG;
        }
    }

    static final class FloatSubtract extends Binary {
        private static final long serialVersionUID = 1L;

        FloatSubtract(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return null;
            }
            return ((Number) a).floatValue() - ((Number) b).floatValue();
        }

        @Override
        public AttributeType type() {
            return AttributeType.FLOAT;
        }
    }

    static final class DoubleSubtract extends Binary {
        private static final long serialVersionUID = 1L;

        DoubleSubtract(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return null;
            }
            return ((Number) a).doubleValue() - ((Number) b).doubleValue();
        }

        @Override
        public AttributeType type() {
            return AttributeType.DOUBLE;
        }
    }

    static final class IntMultiply extends Binary {
        private static final long serialVersionUID = 1L;

        IntMultiply(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return null;
            }
            return ((Number) a).intValue() * ((Number) b).intValue();
        }

        @Override
        public AttributeType type() {
            return AttributeType.INT;
        }
    }

    static final class LongMultiply extends Binary {
        private static final long serialVersionUID = 1L;

        LongMultiply(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return null;
            }
            return ((Number) a).longValue() * ((Number) b).longValue();
        }

        @Override
        public AttributeType type() {
            return AttributeType.LONG;
        }
    }

    static final class FloatMultiply extends Binary {
        private static final long serialVersionUID = 1L;

        FloatMultiply(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return null;
            }
            return ((Number) a).floatValue() * ((Number) b).floatValue();
        }

        @Override
        public AttributeType type() {
            return AttributeType.FLOAT;
        }
    }

    static final class DoubleMultiply extends Binary {
        private static final long serialVersionUID = 1L;

        DoubleMultiply(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return null;
            }
            return ((Number) a).doubleValue() * ((Number) b).doubleValue();
        }

        @Override
        public AttributeType type() {
            return AttributeType.DOUBLE;
        }
    }

    static final class IntDivide extends Binary {
        private static final long serialVersionUID = 1L;

        IntDivide(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return null;
            }
            int divisor = ((Number) b).intValue();
            if (divisor == 0) {
                return null;
            }
            return ((Number) a).intValue() / divisor;
        }

        @Override
        public AttributeType type() {
            return AttributeType.INT;
        }
    }

    static final class LongDivide extends Binary {
        private static final long serialVersionUID = 1L;

        LongDivide(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return null;
            }
            long divisor = ((Number) b).longValue();
            if (divisor == 0L) {
                return null;
            }
            return ((Number) a).longValue() / divisor;
        }

        @Override
        public AttributeType type() {
            return AttributeType.LONG;
        }
    }

    static final class FloatDivide extends Binary {
        private static final long serialVersionUID = 1L;

        FloatDivide(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return null;
            }
            float divisor = ((Number) b).floatValue();
            if (divisor == 0f) {
                return null;
            }
            return ((Number) a).floatValue() / divisor;
        }

        @Override
        public AttributeType type() {
            return AttributeType.FLOAT;
        }
    }

    static final class DoubleDivide extends Binary {
        private static final long serialVersionUID = 1L;

        DoubleDivide(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return null;
            }
            double divisor = ((Number) b).doubleValue();
            if (divisor == 0d) {
                return null;
            }
            return ((Number) a).doubleValue() / divisor;
        }

        @Override
        public AttributeType type() {
            return AttributeType.DOUBLE;
        }
    }

    static final class IntMod extends Binary {
        private static final long serialVersionUID = 1L;

        IntMod(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return null;
            }
            int divisor = ((Number) b).intValue();
            if (divisor == 0) {
                return null;
            }
            return ((Number) a).intValue() % divisor;
        }

        @Override
        public AttributeType type() {
            return AttributeType.INT;
        }
    }

    static final class LongMod extends Binary {
        private static final long serialVersionUID = 1L;

        LongMod(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return null;
            }
            long divisor = ((Number) b).longValue();
            if (divisor == 0L) {
                return null;
            }
            return ((Number) a).longValue() % divisor;
        }

        @Override
        public AttributeType type() {
            return AttributeType.LONG;
        }
    }

    static final class FloatMod extends Binary {
        private static final long serialVersionUID = 1L;

        FloatMod(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return null;
            }
            float divisor = ((Number) b).floatValue();
            if (divisor == 0f) {
                return null;
            }
            return ((Number) a).floatValue() % divisor;
        }

        @Override
        public AttributeType type() {
            return AttributeType.FLOAT;
        }
    }

    static final class DoubleMod extends Binary {
        private static final long serialVersionUID = 1L;

        DoubleMod(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return null;
            }
            double divisor = ((Number) b).doubleValue();
            if (divisor == 0d) {
                return null;
            }
            return ((Number) a).doubleValue() % divisor;
        }

        @Override
        public AttributeType type() {
            return AttributeType.DOUBLE;
        }
    }

}
