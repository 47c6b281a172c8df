package org.siddhiql.compiler.connector;

import java.util.Map;

/** A compiled {@code @source}: where a stream's events come from and how records map to them. */
public final class SourceSpec extends ConnectorSpec {
    private static final long serialVersionUID = 1L;

    public SourceSpec(String stream, String type, Map<String, String> options, MapSpec map, int line, int column) {
        super(stream, type, options, map, line, column);
    }

    @Override
    public String toString() {
        return "@source(type='" + type() + "'" + describe(options()) + ", " + map() + ") " + stream();
    }
}
