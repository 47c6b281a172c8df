package org.siddhiql.runtime.aggregate;

import org.siddhiql.compiler.schema.AttributeType;

/**
 * minForever() and maxForever(): the extreme of every value ever seen. A removal counts as one more value seen, as
 * in Siddhi. Null arguments are skipped. State: {extreme}.
 */
final class ForeverAggregator implements Aggregator {
    private static final long serialVersionUID = 1L;

    private final AttributeType type;
    private final NumericOrder order;
    private final boolean max;

    ForeverAggregator(AttributeType type, NumericOrder order, boolean max) {
        this.type = type;
        this.order = order;
        this.max = max;
    }

    @Override
    public AttributeType type() {
        return type;
    }

    @Override
    public Object[] newState() {
        return new Object[] {null};
    }

    @Override
    public Object add(Object[] state, Object value) {
        if (value != null && (state[0] == null
                || (max ? order.less(state[0], value) : order.less(value, state[0])))) {
            state[0] = value;
        }
        return state[0];
    }

    @Override
    public Object remove(Object[] state, Object value) {
        return add(state, value);
    }

    @Override
    public boolean canDestroy(Object[] state) {
        return state[0] == null;
    }
}
