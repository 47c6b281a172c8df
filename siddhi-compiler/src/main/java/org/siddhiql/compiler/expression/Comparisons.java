package org.siddhiql.compiler.expression;

import io.siddhi.query.api.expression.condition.Compare;
import org.siddhiql.compiler.schema.AttributeType;

/**
 * The comparison operators, one class per operator and comparison domain, chosen at compile time. Numbers are
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
            case INT:
                switch (operator) {
                    case EQUAL: return new IntEqual(left, right);
                    case NOT_EQUAL: return new IntNotEqual(left, right);
                    case LESS_THAN: return new IntLess(left, right);
                    case LESS_THAN_EQUAL: return new IntLessEqual(left, right);
                    case GREATER_THAN: return new IntGreater(left, right);
                    case GREATER_THAN_EQUAL: return new IntGreaterEqual(left, right);
                    default: break;
                }
                break;
            case LONG:
                switch (operator) {
                    case EQUAL: return new LongEqual(left, right);
                    case NOT_EQUAL: return new LongNotEqual(left, right);
                    case LESS_THAN: return new LongLess(left, right);
                    case LESS_THAN_EQUAL: return new LongLessEqual(left, right);
                    case GREATER_THAN: return new LongGreater(left, right);
                    case GREATER_THAN_EQUAL: return new LongGreaterEqual(left, right);
                    default: break;
                }
                break;
            case FLOAT:
                switch (operator) {
                    case EQUAL: return new FloatEqual(left, right);
                    case NOT_EQUAL: return new FloatNotEqual(left, right);
                    case LESS_THAN: return new FloatLess(left, right);
                    case LESS_THAN_EQUAL: return new FloatLessEqual(left, right);
                    case GREATER_THAN: return new FloatGreater(left, right);
                    case GREATER_THAN_EQUAL: return new FloatGreaterEqual(left, right);
                    default: break;
                }
                break;
            case DOUBLE:
                switch (operator) {
                    case EQUAL: return new DoubleEqual(left, right);
                    case NOT_EQUAL: return new DoubleNotEqual(left, right);
                    case LESS_THAN: return new DoubleLess(left, right);
                    case LESS_THAN_EQUAL: return new DoubleLessEqual(left, right);
                    case GREATER_THAN: return new DoubleGreater(left, right);
                    case GREATER_THAN_EQUAL: return new DoubleGreaterEqual(left, right);
                    default: break;
                }
                break;
            case STRING:
                if (operator == Compare.Operator.EQUAL) {
                    return new StringEqual(left, right);
                } else if (operator == Compare.Operator.NOT_EQUAL) {
                    return new StringNotEqual(left, right);
                }
                break;
            case BOOL:
                if (operator == Compare.Operator.EQUAL) {
                    return new BoolEqual(left, right);
                } else if (operator == Compare.Operator.NOT_EQUAL) {
                    return new BoolNotEqual(left, right);
                }
                break;
            default:
                break;
        }
        throw new IllegalArgumentException("no " + operator + " for " + domain);
    }

    /** Two operands; the result is a non-null bool. */
    abstract static class Comparison implements Evaluator {
        private static final long serialVersionUID = 1L;

        final Evaluator left;
        final Evaluator right;

        Comparison(Evaluator left, Evaluator right) {
            this.left = left;
            this.right = right;
        }

        @Override
        public final AttributeType type() {
            return AttributeType.BOOL;
        }
    }

    static final class IntEqual extends Comparison {
        private static final long serialVersionUID = 1L;

        IntEqual(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.FALSE;
            }
            return ((Number) a).intValue() == ((Number) b).intValue();
        }
    }

    static final class IntNotEqual extends Comparison {
        private static final long serialVersionUID = 1L;

        IntNotEqual(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.TRUE;
            }
            return ((Number) a).intValue() != ((Number) b).intValue();
        }
    }

    static final class IntLess extends Comparison {
        private static final long serialVersionUID = 1L;

        IntLess(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.FALSE;
            }
            return ((Number) a).intValue() < ((Number) b).intValue();
        }
    }

    static final class IntLessEqual extends Comparison {
        private static final long serialVersionUID = 1L;

        IntLessEqual(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.FALSE;
            }
            return ((Number) a).intValue() <= ((Number) b).intValue();
        }
    }

    static final class IntGreater extends Comparison {
        private static final long serialVersionUID = 1L;

        IntGreater(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.FALSE;
            }
            return ((Number) a).intValue() > ((Number) b).intValue();
        }
    }

    static final class IntGreaterEqual extends Comparison {
        private static final long serialVersionUID = 1L;

        IntGreaterEqual(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.FALSE;
            }
            return ((Number) a).intValue() >= ((Number) b).intValue();
        }
    }

    static final class LongEqual extends Comparison {
        private static final long serialVersionUID = 1L;

        LongEqual(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.FALSE;
            }
            return ((Number) a).longValue() == ((Number) b).longValue();
        }
    }

    static final class LongNotEqual extends Comparison {
        private static final long serialVersionUID = 1L;

        LongNotEqual(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.TRUE;
            }
            return ((Number) a).longValue() != ((Number) b).longValue();
        }
    }

    static final class LongLess extends Comparison {
        private static final long serialVersionUID = 1L;

        LongLess(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.FALSE;
            }
            return ((Number) a).longValue() < ((Number) b).longValue();
        }
    }

    static final class LongLessEqual extends Comparison {
        private static final long serialVersionUID = 1L;

        LongLessEqual(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.FALSE;
            }
            return ((Number) a).longValue() <= ((Number) b).longValue();
        }
    }

    static final class LongGreater extends Comparison {
        private static final long serialVersionUID = 1L;

        LongGreater(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.FALSE;
            }
            return ((Number) a).longValue() > ((Number) b).longValue();
        }
    }

    static final class LongGreaterEqual extends Comparison {
        private static final long serialVersionUID = 1L;

        LongGreaterEqual(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.FALSE;
            }
            return ((Number) a).longValue() >= ((Number) b).longValue();
        }
    }

    static final class FloatEqual extends Comparison {
        private static final long serialVersionUID = 1L;

        FloatEqual(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.FALSE;
            }
            return ((Number) a).floatValue() == ((Number) b).floatValue();
        }
    }

    static final class FloatNotEqual extends Comparison {
        private static final long serialVersionUID = 1L;

        FloatNotEqual(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.TRUE;
            }
            return ((Number) a).floatValue() != ((Number) b).floatValue();
        }
    }

    static final class FloatLess extends Comparison {
        private static final long serialVersionUID = 1L;

        FloatLess(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.FALSE;
            }
            return ((Number) a).floatValue() < ((Number) b).floatValue();
        }
    }

    static final class FloatLessEqual extends Comparison {
        private static final long serialVersionUID = 1L;

        FloatLessEqual(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.FALSE;
            }
            return ((Number) a).floatValue() <= ((Number) b).floatValue();
        }
    }

    static final class FloatGreater extends Comparison {
        private static final long serialVersionUID = 1L;

        FloatGreater(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.FALSE;
            }
            return ((Number) a).floatValue() > ((Number) b).floatValue();
        }
    }

    static final class FloatGreaterEqual extends Comparison {
        private static final long serialVersionUID = 1L;

        FloatGreaterEqual(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.FALSE;
            }
            return ((Number) a).floatValue() >= ((Number) b).floatValue();
        }
    }

    static final class DoubleEqual extends Comparison {
        private static final long serialVersionUID = 1L;

        DoubleEqual(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.FALSE;
            }
            return ((Number) a).doubleValue() == ((Number) b).doubleValue();
        }
    }

    static final class DoubleNotEqual extends Comparison {
        private static final long serialVersionUID = 1L;

        DoubleNotEqual(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.TRUE;
            }
            return ((Number) a).doubleValue() != ((Number) b).doubleValue();
        }
    }

    static final class DoubleLess extends Comparison {
        private static final long serialVersionUID = 1L;

        DoubleLess(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.FALSE;
            }
            return ((Number) a).doubleValue() < ((Number) b).doubleValue();
        }
    }

    static final class DoubleLessEqual extends Comparison {
        private static final long serialVersionUID = 1L;

        DoubleLessEqual(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.FALSE;
            }
            return ((Number) a).doubleValue() <= ((Number) b).doubleValue();
        }
    }

    static final class DoubleGreater extends Comparison {
        private static final long serialVersionUID = 1L;

        DoubleGreater(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.FALSE;
            }
            return ((Number) a).doubleValue() > ((Number) b).doubleValue();
        }
    }

    static final class DoubleGreaterEqual extends Comparison {
        private static final long serialVersionUID = 1L;

        DoubleGreaterEqual(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.FALSE;
            }
            return ((Number) a).doubleValue() >= ((Number) b).doubleValue();
        }
    }

    static final class StringEqual extends Comparison {
        private static final long serialVersionUID = 1L;

        StringEqual(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.FALSE;
            }
            return a.equals(b);
        }
    }

    static final class StringNotEqual extends Comparison {
        private static final long serialVersionUID = 1L;

        StringNotEqual(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.TRUE;
            }
            return !a.equals(b);
        }
    }

    static final class BoolEqual extends Comparison {
        private static final long serialVersionUID = 1L;

        BoolEqual(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.FALSE;
            }
            return ((Boolean) a).booleanValue() == ((Boolean) b).booleanValue();
        }
    }

    static final class BoolNotEqual extends Comparison {
        private static final long serialVersionUID = 1L;

        BoolNotEqual(Evaluator left, Evaluator right) {
            super(left, right);
        }

        @Override
        public Object evaluate(Row row) {
            Object a = left.evaluate(row);
            Object b = right.evaluate(row);
            if (a == null || b == null) {
                return Boolean.TRUE;
            }
            return ((Boolean) a).booleanValue() != ((Boolean) b).booleanValue();
        }
    }

}
