package org.siddhiql.runtime.aggregate;

/**
 * The {@code <} of one numeric type on boxed values, compared as primitives (so NaN is neither less nor greater than
 * anything). Chosen once per aggregator from the argument type.
 */
enum NumericOrder {
    INT {
        @Override
        boolean less(Object a, Object b) {
            return (Integer) a < (Integer) b;
        }
    },
    LONG {
        @Override
        boolean less(Object a, Object b) {
            return (Long) a < (Long) b;
        }
    },
    FLOAT {
        @Override
        boolean less(Object a, Object b) {
            return (Float) a < (Float) b;
        }
    },
    DOUBLE {
        @Override
        boolean less(Object a, Object b) {
            return (Double) a < (Double) b;
        }
    };

    abstract boolean less(Object a, Object b);
}
