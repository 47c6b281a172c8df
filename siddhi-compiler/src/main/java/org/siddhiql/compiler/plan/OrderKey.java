package org.siddhiql.compiler.plan;

import java.io.Serializable;

/** One {@code order by} key: an output attribute and its direction. */
public final class OrderKey implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int outputIndex;
    private final boolean descending;

    public OrderKey(int outputIndex, boolean descending) {
        this.outputIndex = outputIndex;
        this.descending = descending;
    }

    public int outputIndex() {
        return outputIndex;
    }

    public boolean descending() {
        return descending;
    }
}
