package org.siddhiql.runtime.aggregate;

import org.siddhiql.compiler.schema.AttributeType;

/**
 * min() and max() over a window, with Siddhi 5.1's algorithm. The result has the argument's type; null arguments
 * are skipped; no values give null.
 *
 * <p>When the query tracks removals (Siddhi's SLIDE mode or expired output), the state is a monotonic deque of
 * candidates: adding a value first drops from the tail every candidate it beats (strictly), then appends it, and the
 * answer becomes the value if it beats the answer. Removing a value drops the first candidate equal to it, if there
 * is one, and the answer becomes the head of the deque. (The answer is the head except after NaNs.) That is exact for
 * first-in-first-out removal; for other removal orders (a sort window) it gives Siddhi's answers, which may differ
 * from the true extreme of the remaining values, and the state may even become empty (null) while values remain.
 *
 * <p>Otherwise the state holds only the current answer: adding keeps the better of the two, and removing a value
 * equal to the answer clears it to null.
 */
final class ExtremeAggregator implements Aggregator {
    private static final long serialVersionUID = 1L;

    private final AttributeType type;
    private final NumericOrder order;
    private final boolean max;
    private final boolean trackRemovals;
    /** Where the answer is: after the deque's three slots when tracking removals, else the only slot. */
    private final int answer;

    ExtremeAggregator(AttributeType type, NumericOrder order, boolean max, boolean trackRemovals) {
        this.type = type;
        this.order = order;
        this.max = max;
        this.trackRemovals = trackRemovals;
        this.answer = trackRemovals ? 3 : 0;
    }

    /** True when the candidate must give way to the new value. */
    private boolean beaten(Object candidate, Object value) {
        return max ? order.less(candidate, value) : order.less(value, candidate);
    }

    @Override
    public AttributeType type() {
        return type;
    }

    @Override
    public Object[] newState() {
        return trackRemovals ? RingDeque.newState(4) : new Object[] {null};
    }

    @Override
    public Object add(Object[] state, Object value) {
        if (value == null) {
            return current(state);
        }
        if (trackRemovals) {
            while (RingDeque.size(state) > 0 && beaten(RingDeque.last(state), value)) {
                RingDeque.removeLast(state);
            }
            RingDeque.addLast(state, value);
        }
        if (state[answer] == null || beaten(state[answer], value)) {
            state[answer] = value;
        }
        return state[answer];
    }

    @Override
    public Object remove(Object[] state, Object value) {
        if (value == null) {
            return current(state);
        }
        if (trackRemovals) {
            RingDeque.removeFirstOccurrence(state, value);
            state[answer] = RingDeque.first(state);
            return state[answer];
        }
        if (state[0] != null && state[0].equals(value)) {
            state[0] = null;
        }
        return state[0];
    }

    private Object current(Object[] state) {
        return state[answer];
    }

    @Override
    public boolean canDestroy(Object[] state) {
        return (!trackRemovals || RingDeque.size(state) == 0) && state[answer] == null;
    }
}
