package org.siddhiql.lakehouse;

import java.util.Locale;

/** The open table formats the lakehouse reads and writes. */
public enum TableFormat {
    ICEBERG,
    DELTA;

    /** The name in table addresses and connector types: {@code iceberg}, {@code delta}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
