package org.siddhiql.compiler.connector;

import java.util.Map;

/** A compiled {@code @sink}: where a stream's events go and how they map to records. */
public final class SinkSpec extends ConnectorSpec {
    private static final long serialVersionUID = 1L;

    public SinkSpec(String stream, String type, Map<String, String> options, MapSpec map, int line, int column) {
        super(stream, type, options, map, line, column);
    }

    @Override
    public String toString() {
        return "@sink(type='" + type() + "'" + describe(options()) + ", " + map() + ") " + stream();
    }
}
