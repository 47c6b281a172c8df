package org.siddhiql.runtime.aggregate;

import org.siddhiql.compiler.schema.AttributeType;

/**
 * and() and or() over bools. and() is true when at least one true and no false value is held, or() when at least
 * one true value is; with no values both are false. Null arguments are skipped (Siddhi fails on them with a
 * NullPointerException). State: {true count, false count}.
 */
final class LogicalAggregator implements Aggregator {
    private static final long serialVersionUID = 1L;

    private static final int TRUES = 0;
    private static final int FALSES = 1;

    private final boolean and;

    LogicalAggregator(boolean and) {
        this.and = and;
    }

    @Override
    public AttributeType type() {
        return AttributeType.BOOL;
    }

    @Override
    public Object[] newState() {
        return new Object[] {0, 0};
    }

    @Override
    public Object add(Object[] state, Object value) {
        return update(state, value, 1);
    }

    @Override
    public Object remove(Object[] state, Object value) {
        return update(state, value, -1);
    }

    private Object update(Object[] state, Object value, int delta) {
        if (value != null) {
            if ((Boolean) value) {
                state[TRUES] = (Integer) state[TRUES] + delta;
            } else if (and) {
                state[FALSES] = (Integer) state[FALSES] + delta;
            }
        }
        int trues = (Integer) state[TRUES];
        return and ? trues > 0 && (Integer) state[FALSES] == 0 : trues > 0;
    }

    /** or() counts no false values, as in Siddhi, so a state holding only them may go. */
    @Override
    public boolean canDestroy(Object[] state) {
        return (Integer) state[TRUES] == 0 && (!and || (Integer) state[FALSES] == 0);
    }
}
