package org.siddhiql.connectors.map.csv;

import org.siddhiql.compiler.connector.MapSpec;
import org.siddhiql.connectors.map.TextRecordSinkMapper;

/**
 * Siddhi's default CSV sink mapping: one event is one line of its attribute values in schema order, separated by
 * {@code delimiter} (default {@code ,}). Null is an empty field. A string that holds the delimiter, a quote or a line
 * break, or is empty, is quoted (inner quotes doubled), so that {@link CsvSourceMapper} reads back the same values.
 */
public final class CsvSinkMapper extends TextRecordSinkMapper {
    private static final long serialVersionUID = 1L;

    private final char delimiter;

    public CsvSinkMapper(MapSpec map) {
        this.delimiter = map.options().getOrDefault("delimiter", ",").charAt(0);
    }

    /** The event's line, without a line break. */
    @Override
    protected String text(Object[] data) {
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
