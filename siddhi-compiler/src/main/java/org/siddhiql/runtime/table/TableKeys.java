package org.siddhiql.runtime.table;

import org.siddhiql.runtime.event.Event;

/** A row's primary key: encoded for the key map in state, and as the object Siddhi's key map holds. */
final class TableKeys {
    /** What Siddhi puts between the values of a composite key. */
    private static final String DELIMITER = ":-:";
    /** A single null key, kept apart from the string "null". */
    private static final String NULL = "\u0000";

    private TableKeys() {
    }

    /**
     * The key as a string: a single attribute's value (a null apart), or Siddhi's own composite key, the values'
     * strings each followed by {@value #DELIMITER}, so two keys are equal exactly when Siddhi's are.
     */
    static String encode(TableSpec spec, Event row) {
        Object key = siddhiKey(spec, row);
        return key == null ? NULL : key.toString();
    }

    /** {@link #encode(TableSpec, Event)} of a row whose key attributes hold {@code values}, in key order. */
    static String encode(TableSpec spec, Object[] values) {
        Object key = siddhiKey(values);
        return key == null ? NULL : key.toString();
    }

    /** The object Siddhi's key map holds for the row. */
    static Object siddhiKey(TableSpec spec, Event row) {
        int[] key = spec.primaryKey();
        Object[] values = new Object[key.length];
        for (int i = 0; i < key.length; i++) {
            values[i] = row.get(key[i]);
        }
        return siddhiKey(values);
    }

    private static Object siddhiKey(Object[] values) {
        if (values.length == 1) {
            return values[0];
        }
        StringBuilder composite = new StringBuilder();
        for (Object value : values) {
            composite.append(value).append(DELIMITER);
        }
        return composite.toString();
    }

    /** Siddhi keeps a single numeric key in a {@code TreeMap}, so scans run in key order. */
    static boolean isNumeric(TableSpec spec) {
        int[] key = spec.primaryKey();
        return key.length == 1 && spec.schema().attributeType(key[0]).isNumeric();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareNumbers(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }
}
