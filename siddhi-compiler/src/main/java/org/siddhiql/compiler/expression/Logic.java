package org.siddhiql.compiler.expression;

import org.siddhiql.compiler.schema.AttributeType;

/**
 * The logical operators, with Siddhi 5.1's treatment of null: {@code and} and {@code or} read a null operand as
 * false, short-circuit (the right operand is not evaluated when the left decides) and never return null;
 * {@code not} of null is true; {@code is null} never returns null.
 */
final class Logic {
    private Logic() {
    }

    abstract static class BoolEvaluator implements Evaluator {
        private static final long serialVersionUID = 1L;

        @Override
        public final AttributeType type() {
            return AttributeType.BOOL;
        }
    }

    static final class And extends BoolEvaluator {
        private static final long serialVersionUID = 1L;

        private final Evaluator left;
        private final Evaluator right;

        And(Evaluator left, Evaluator right) {
            this.left = left;
            this.right = right;
        }

        @Override
        public Object evaluate(Row row) {
            return Boolean.TRUE.equals(left.evaluate(row)) && Boolean.TRUE.equals(right.evaluate(row))
                    ? Boolean.TRUE : Boolean.FALSE;
        }
    }

    static final class Or extends BoolEvaluator {
        private static final long serialVersionUID = 1L;

        private final Evaluator left;
        private final Evaluator right;

        Or(Evaluator left, Evaluator right) {
            this.left = left;
            this.right = right;
        }

        @Override
        public Object evaluate(Row row) {
            return Boolean.TRUE.equals(left.evaluate(row)) || Boolean.TRUE.equals(right.evaluate(row))
                    ? Boolean.TRUE : Boolean.FALSE;
        }
    }

    static final class Not extends BoolEvaluator {
        private static final long serialVersionUID = 1L;

        private final Evaluator operand;

        Not(Evaluator operand) {
            this.operand = operand;
        }

        @Override
        public Object evaluate(Row row) {
            return Boolean.TRUE.equals(operand.evaluate(row)) ? Boolean.FALSE : Boolean.TRUE;
        }
    }

    static final class IsNull extends BoolEvaluator {
        private static final long serialVersionUID = 1L;

        private final Evaluator operand;

        IsNull(Evaluator operand) {
            this.operand = operand;
        }

        @Override
        public Object evaluate(Row row) {
            return operand.evaluate(row) == null ? Boolean.TRUE : Boolean.FALSE;
        }
    }

    /**
     * Siddhi wraps every bool-valued function call in a condition executor that reads null as false, so e.g.
     * {@code convert('x', 'bool')} or {@code coalesce(nullBool)} is false, never null.
     */
    static final class NullAsFalse extends BoolEvaluator {
        private static final long serialVersionUID = 1L;

        private final Evaluator operand;

        NullAsFalse(Evaluator operand) {
            this.operand = operand;
        }

        @Override
        public Object evaluate(Row row) {
            Object value = operand.evaluate(row);
            return value == null ? Boolean.FALSE : value;
        }
    }
}
