package org.siddhiql.connectors.csv;

import java.io.Serializable;
import org.siddhiql.compiler.connector.MapSpec;

/**
 * Siddhi's default CSV sink mapping: one event is one line of its attribute values in schema order, separated by
 * {@code delimiter} (default {@code ,}). Null is an empty field. A string that holds the delimiter, a quote or a line
 * break, or is empty, is quoted (inner quotes doubled), so that {@link CsvEventReader} reads back the same values.
 */
public final class CsvEventWriter implements Serializable {
    private static final long serialVersionUID = 1L;

    private final char delimiter;

    public CsvEventWriter(MapSpec map) {
        this.delimiter = map.options().getOrDefault("delimiter", ",").charAt(0);
    }

    /** The event's line, without a line break. */
    public String write(Object[] data) {
        StringBuilder line = new StringBuilder(16 * data.length);
        for (int i = 0; i < data.length; i++) {
            if (i > 0) {
                line.append(delimiter);
            }
            if (data[i] != null) {
                append(line, String.valueOf(data[i]));
            }
        }
        return line.toString();
    }

    private void append(StringBuilder line, String value) {
        if (!value.isEmpty() && !needsQuotes(value)) {
            line.append(value);
            return;
        }
        line.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    private boolean needsQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
