package org.siddhiql.runtime.aggregation;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How one stored base value of a bucket merges with another: Siddhi decomposes each aggregate of an aggregation into
 * such values (avg into a sum and a count, distinctCount into a set) and merges them bucket into bucket. Nulls are
 * ignored, so a sum over nothing but nulls stays null.
 */
public enum BaseValue {
    /** A sum: long for int and long attributes, double for float and double ones. */
    SUM,
    MIN,
    MAX,
    /** A set of distinct values. */
    SET;

    Object merge(Object stored, Object added) {
        if (stored == null) {
            return copyOf(added);
        }
        if (added == null) {
            return stored;
        }
        switch (this) {
            case SUM:
                return stored instanceof Long ? (Object) ((Long) stored + (Long) added)
                        : (Object) (((Number) stored).doubleValue() + ((Number) added).doubleValue());
            case MIN:
                return compare(added, stored) < 0 ? added : stored;
            case MAX:
                return compare(added, stored) > 0 ? added : stored;
            default:
                Set<Object> union = new LinkedHashSet<>((Set<?>) stored);
                union.addAll((Set<?>) added);
                return union;
        }
    }

    private Object copyOf(Object value) {
        return this == SET && value != null ? new LinkedHashSet<>((Set<?>) value) : value;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }
}
