package org.siddhiql.runtime.ratelimit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How Siddhi's snapshot limiters with some aggregated outputs decide that an expired output row matches a stored
 * current row: the rows must be equal outside the aggregated positions. Siddhi's comparison walks the positions with
 * an index slip: after skipping the first aggregated position p it next skips position {@code positions[p]} (not the
 * next aggregated position), and fails outright when p is past the end of the position list. So which attributes are
 * compared, and whether the comparison fails, depends only on the positions and the row width; this class works
 * that out once. A null in a compared attribute of the first row also makes Siddhi fail.
 */
final class ExpiryMatch implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int FAILS = -1;

    private final int[] steps;

    private ExpiryMatch(int[] steps) {
        this.steps = steps;
    }

    /** @param aggregatePositions ascending, non-empty */
    static ExpiryMatch ignoringAggregates(int[] aggregatePositions, int width) {
        List<Integer> steps = new ArrayList<>();
        int skipped = 0;
        int nextSkip = aggregatePositions[0];
        for (int i = 0; i < width; i++) {
            if (i == nextSkip) {
                skipped++;
                if (skipped == aggregatePositions.length) {
                    nextSkip = -1;
                } else if (i >= aggregatePositions.length) {
                    steps.add(FAILS);
                    break;
                } else {
                    nextSkip = aggregatePositions[i];
                }
                continue;
            }
            steps.add(i);
        }
        return new ExpiryMatch(steps.stream().mapToInt(Integer::intValue).toArray());
    }

    /** True when Siddhi would find the rows equal; throws {@link SiddhiFailure} where Siddhi throws. */
    boolean same(Object[] first, Object[] second) {
        for (int step : steps) {
            if (step == FAILS) {
                throw new SiddhiFailure("Siddhi's snapshot comparison indexes past its aggregate position list");
            }
            Object value = first[step];
            if (value == null) {
                throw new SiddhiFailure("Siddhi's snapshot comparison meets a null in attribute " + step);
            }
            if (!value.equals(second[step])) {
                return false;
            }
        }
        return true;
    }

    /** The attribute positions compared, in order; -1 marks where the comparison fails. For tests and explain. */
    int[] steps() {
        return steps.clone();
    }

    @Override
    public String toString() {
        return Arrays.toString(steps);
    }
}
