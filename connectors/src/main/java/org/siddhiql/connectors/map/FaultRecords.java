package org.siddhiql.connectors.map;

import org.siddhiql.connectors.MappingException;
import org.siddhiql.runtime.fault.ProcessingError;

/**
 * A record that does not map, as an event of its stream's fault stream {@code !S}, on any runtime: no attribute
 * mapped (all null), and {@code _error} saying which record and why.
 */
public final class FaultRecords {
    private FaultRecords() {
    }

    /**
     * @param attributes how many attributes the stream has; the fault stream has one more
     * @param which names the record, such as {@code the record at trades-0@17}
     */
    public static Object[] faultData(int attributes, String which, MappingException failure) {
        Object[] data = new Object[attributes + 1];
        data[attributes] = new ProcessingError(MappingException.class.getName(),
                which + " does not map: " + failure.getMessage());
        return data;
    }
}
