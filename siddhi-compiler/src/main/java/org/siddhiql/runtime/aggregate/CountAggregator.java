package org.siddhiql.runtime.aggregate;

import org.siddhiql.compiler.schema.AttributeType;

/**
 * count() and count(arg): a long counting every added event, null arguments included; removals count down, to 0
 * (never null). State: {count}.
 */
final class CountAggregator implements Aggregator {
    private static final long serialVersionUID = 1L;

    @Override
    public AttributeType type() {
        return AttributeType.LONG;
    }

    @Override
    public Object[] newState() {
        return new Object[] {0L};
    }

    @Override
    public Object add(Object[] state, Object value) {
        long count = (Long) state[0] + 1;
        state[0] = count;
        return count;
    }

    @Override
    public Object remove(Object[] state, Object value) {
        long count = (Long) state[0] - 1;
        state[0] = count;
        return count;
    }

    @Override
    public boolean canDestroy(Object[] state) {
        return (Long) state[0] == 0L;
    }
}
