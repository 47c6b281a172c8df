package org.siddhiql.runtime.aggregate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.siddhiql.compiler.schema.AttributeType;

/**
 * unionSet(): the union of the sets it is given (typically by createSet), returned as a new HashSet each time.
 * Null arguments are skipped (Siddhi fails on them).
 *
 * <p>Without removal tracking a removed set's elements simply leave the union. With it, Siddhi also counts how many
 * added sets held each element, and an element leaves when a set holding it is removed while its count is 1 -
 * without that count being lowered, so an element added and removed once, then added twice, stays after both
 * removals (unless the union became empty in between, which drops the state). We reproduce that.
 * State: {union, element -> count (or null without tracking)}.
 */
final class UnionSetAggregator implements Aggregator {
    private static final long serialVersionUID = 1L;

    private static final int UNION = 0;
    private static final int COUNTS = 1;

    private final boolean trackRemovals;

    UnionSetAggregator(boolean trackRemovals) {
        this.trackRemovals = trackRemovals;
    }

    @Override
    public AttributeType type() {
        return AttributeType.OBJECT;
    }

    @Override
    public Object[] newState() {
        return new Object[] {new HashSet<>(), trackRemovals ? new HashMap<>() : null};
    }

    @SuppressWarnings("unchecked")
    private static Set<Object> union(Object[] state) {
        return (Set<Object>) state[UNION];
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Integer> counts(Object[] state) {
        return (Map<Object, Integer>) state[COUNTS];
    }

    @Override
    public Object add(Object[] state, Object value) {
        Set<Object> union = union(state);
        if (value != null) {
            Map<Object, Integer> counts = counts(state);
            for (Object element : (Set<?>) value) {
                union.add(element);
                if (counts != null) {
                    Integer count = counts.get(element);
                    counts.put(element, count == null ? 1 : count + 1);
                }
            }
        }
        return copy(union);
    }

    @Override
    public Object remove(Object[] state, Object value) {
        Set<Object> union = union(state);
        if (value != null) {
            Map<Object, Integer> counts = counts(state);
            for (Object element : (Set<?>) value) {
                if (counts == null) {
                    union.remove(element);
                    continue;
                }
                Integer count = counts.get(element);
                if (count == null) {
                    continue;
                }
                if (count == 0) {
                    throw new IllegalStateException("unionSet(): cannot remove element " + element);
                } else if (count == 1) {
                    union.remove(element);
                } else {
                    counts.put(element, count - 1);
                }
            }
        }
        return copy(union);
    }

    private static Set<Object> copy(Set<Object> union) {
        Set<Object> result = new HashSet<>();
        result.addAll(union);
        return result;
    }

    @Override
    public boolean canDestroy(Object[] state) {
        return union(state).isEmpty();
    }
}
