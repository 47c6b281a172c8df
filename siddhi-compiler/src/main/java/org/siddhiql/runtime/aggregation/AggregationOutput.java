package org.siddhiql.runtime.aggregation;

import java.io.Serializable;
import java.util.Set;

/**
 * One attribute of an aggregation's select clause, computed from a bucket's row: a group-by value, or an aggregate
 * over the bucket's base values (avg divides the sum by the count as Siddhi does, so over longs it is a long).
 */
public final class AggregationOutput implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What the attribute computes. */
    public enum Kind { GROUP_BY, SUM, COUNT, AVG, MIN, MAX, DISTINCT_COUNT }

    private final Kind kind;
    /** The row column read: the group-by value, or the (first) base value. */
    private final int column;

    public AggregationOutput(Kind kind, int column) {
        this.kind = kind;
        this.column = column;
    }

    public Kind kind() {
        return kind;
    }

    Object compute(Object[] row) {
        Object value = row[column];
        switch (kind) {
            case AVG:
                Object count = row[column + 1];
                if (value == null) {
                    return null;
                }
                return value instanceof Long ? (Object) ((Long) value / (Long) count)
                        : (Object) (((Number) value).doubleValue() / ((Long) count));
            case DISTINCT_COUNT:
                return value == null ? 0L : (long) ((Set<?>) value).size();
            default:
                return value;
        }
    }
}
