package org.siddhiql.runtime.aggregate;

import org.siddhiql.compiler.schema.AttributeType;

/**
 * stdDev(): the population standard deviation (a double) by Welford's running update, with Siddhi's removal
 * formula. One value gives 0.0, none gives null; null arguments are skipped. State: {mean, sum of squared
 * deviations, sum, count}.
 */
final class StdDevAggregator implements Aggregator {
    private static final long serialVersionUID = 1L;

    private static final int MEAN = 0;
    private static final int SQUARES = 1;
    private static final int SUM = 2;
    private static final int COUNT = 3;

    @Override
    public AttributeType type() {
        return AttributeType.DOUBLE;
    }

    @Override
    public Object[] newState() {
        return new Object[] {0.0, 0.0, 0.0, 0};
    }

    @Override
    public Object add(Object[] state, Object value) {
        if (value == null) {
            return current(state);
        }
        double v = ((Number) value).doubleValue();
        int count = (Integer) state[COUNT] + 1;
        state[COUNT] = count;
        if (count == 0) {
            return null;
        }
        if (count == 1) {
            state[SUM] = v;
            state[MEAN] = v;
            state[SQUARES] = 0.0;
            return 0.0;
        }
        double oldMean = (Double) state[MEAN];
        double sum = (Double) state[SUM] + v;
        double mean = sum / count;
        double squares = (Double) state[SQUARES] + (v - oldMean) * (v - mean);
        state[SUM] = sum;
        state[MEAN] = mean;
        state[SQUARES] = squares;
        return Math.sqrt(squares / count);
    }

    @Override
    public Object remove(Object[] state, Object value) {
        if (value == null) {
            return current(state);
        }
        double v = ((Number) value).doubleValue();
        int count = (Integer) state[COUNT] - 1;
        state[COUNT] = count;
        if (count == 0) {
            state[SUM] = 0.0;
            state[MEAN] = 0.0;
            state[SQUARES] = 0.0;
            return null;
        }
        double oldMean = (Double) state[MEAN];
        double sum = (Double) state[SUM] - v;
        double mean = sum / count;
        double squares = (Double) state[SQUARES] - (v - oldMean) * (v - mean);
        state[SUM] = sum;
        state[MEAN] = mean;
        state[SQUARES] = squares;
        return count == 1 ? 0.0 : Math.sqrt(squares / count);
    }

    private static Object current(Object[] state) {
        int count = (Integer) state[COUNT];
        if (count == 0) {
            return null;
        }
        return count == 1 ? 0.0 : Math.sqrt((Double) state[SQUARES] / count);
    }

    @Override
    public boolean canDestroy(Object[] state) {
        return (Integer) state[COUNT] == 0 && (Double) state[SUM] == 0.0 && (Double) state[MEAN] == 0.0
                && (Double) state[SQUARES] == 0.0;
    }
}
