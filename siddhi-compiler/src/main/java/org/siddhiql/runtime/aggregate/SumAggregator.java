package org.siddhiql.runtime.aggregate;

import org.siddhiql.compiler.schema.AttributeType;

/**
 * sum(): long for int and long arguments, double for float and double ones. Null arguments are skipped. The sum of
 * no values is null: after the last value is removed the answer is null, but the state may still hold a residue
 * (floating point) and then is kept, as in Siddhi. State: {sum, count}.
 */
abstract class SumAggregator implements Aggregator {
    private static final long serialVersionUID = 1L;

    static final int SUM = 0;
    static final int COUNT = 1;

    /** For int and long arguments. */
    static final class LongSum extends SumAggregator {
        private static final long serialVersionUID = 1L;

        @Override
        public AttributeType type() {
            return AttributeType.LONG;
        }

        @Override
        public Object[] newState() {
            return new Object[] {0L, 0L};
        }

        @Override
        public Object add(Object[] state, Object value) {
            if (value == null) {
                return current(state);
            }
            long sum = (Long) state[SUM] + ((Number) value).longValue();
            state[SUM] = sum;
            state[COUNT] = (Long) state[COUNT] + 1;
            return sum;
        }

        /** Siddhi subtracts in double precision here (its removal widens the value to double): so do we. */
        @Override
        public Object remove(Object[] state, Object value) {
            if (value == null) {
                return current(state);
            }
            long sum = (long) ((Long) state[SUM] - ((Number) value).doubleValue());
            long count = (Long) state[COUNT] - 1;
            state[SUM] = sum;
            state[COUNT] = count;
            return count == 0 ? null : sum;
        }

        @Override
        public boolean canDestroy(Object[] state) {
            return (Long) state[COUNT] == 0 && (Long) state[SUM] == 0L;
        }
    }

    /** For float and double arguments. */
    static final class DoubleSum extends SumAggregator {
        private static final long serialVersionUID = 1L;

        @Override
        public AttributeType type() {
            return AttributeType.DOUBLE;
        }

        @Override
        public Object[] newState() {
            return new Object[] {0.0, 0L};
        }

        @Override
        public Object add(Object[] state, Object value) {
            if (value == null) {
                return current(state);
            }
            double sum = (Double) state[SUM] + ((Number) value).doubleValue();
            state[SUM] = sum;
            state[COUNT] = (Long) state[COUNT] + 1;
            return sum;
        }

        @Override
        public Object remove(Object[] state, Object value) {
            if (value == null) {
                return current(state);
            }
            double sum = (Double) state[SUM] - ((Number) value).doubleValue();
            long count = (Long) state[COUNT] - 1;
            state[SUM] = sum;
            state[COUNT] = count;
            return count == 0 ? null : sum;
        }

        @Override
        public boolean canDestroy(Object[] state) {
            return (Long) state[COUNT] == 0 && (Double) state[SUM] == 0.0;
        }
    }

    static Object current(Object[] state) {
        return (Long) state[COUNT] == 0 ? null : state[SUM];
    }
}
