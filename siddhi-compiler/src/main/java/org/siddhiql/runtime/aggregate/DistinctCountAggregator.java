package org.siddhiql.runtime.aggregate;

import java.util.HashMap;
import java.util.Map;
import org.siddhiql.compiler.schema.AttributeType;

/**
 * distinctCount(): the number of distinct values (a long), null counting as a value. State: {value -> occurrences}.
 * Removing a value that is not there changes nothing (Siddhi fails with a NullPointerException).
 */
final class DistinctCountAggregator implements Aggregator {
    private static final long serialVersionUID = 1L;

    @Override
    public AttributeType type() {
        return AttributeType.LONG;
    }

    @Override
    public Object[] newState() {
        return new Object[] {new HashMap<Object, Long>()};
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Long> counts(Object[] state) {
        return (Map<Object, Long>) state[0];
    }

    @Override
    public Object add(Object[] state, Object value) {
        Map<Object, Long> counts = counts(state);
        Long previous = counts.get(value);
        counts.put(value, previous == null ? 1L : previous + 1);
        return (long) counts.size();
    }

    @Override
    public Object remove(Object[] state, Object value) {
        Map<Object, Long> counts = counts(state);
        Long previous = counts.get(value);
        if (previous != null) {
            if (previous > 1) {
                counts.put(value, previous - 1);
            } else {
                counts.remove(value);
            }
        }
        return (long) counts.size();
    }

    @Override
    public boolean canDestroy(Object[] state) {
        return counts(state).isEmpty();
    }
}
