package org.siddhiql.runtime.aggregate;

import org.siddhiql.compiler.schema.AttributeType;

/**
 * avg(): a double for any numeric argument, summed in double precision. Null arguments are skipped; no values give
 * null. State: {sum, count}.
 */
final class AvgAggregator implements Aggregator {
    private static final long serialVersionUID = 1L;

    private static final int SUM = 0;
    private static final int COUNT = 1;

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
        long count = (Long) state[COUNT] + 1;
        double sum = (Double) state[SUM] + ((Number) value).doubleValue();
        state[COUNT] = count;
        state[SUM] = sum;
        return count == 0 ? null : sum / count;
    }

    @Override
    public Object remove(Object[] state, Object value) {
        if (value == null) {
            return current(state);
        }
        long count = (Long) state[COUNT] - 1;
        double sum = (Double) state[SUM] - ((Number) value).doubleValue();
        state[COUNT] = count;
        state[SUM] = sum;
        return count == 0 ? null : sum / count;
    }

    private static Object current(Object[] state) {
        long count = (Long) state[COUNT];
        return count == 0 ? null : (Double) state[SUM] / count;
    }

    @Override
    public boolean canDestroy(Object[] state) {
        return (Double) state[SUM] == 0.0 && (Long) state[COUNT] == 0L;
    }
}
