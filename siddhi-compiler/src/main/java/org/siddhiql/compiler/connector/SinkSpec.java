package org.siddhiql.compiler.connector;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A compiled {@code @sink}: where a stream's events go and how they map to records. */
public final class SinkSpec extends ConnectorSpec {
    private static final long serialVersionUID = 1L;

    private final List<String> primaryKey;

    public SinkSpec(String stream, String type, Map<String, String> options, MapSpec map, int line, int column) {
        this(stream, type, options, map, line, column, List.of());
    }

    public SinkSpec(String stream, String type, Map<String, String> options, MapSpec map, int line, int column,
            List<String> primaryKey) {
        super(stream, type, options, map, line, column);
        this.primaryKey = List.copyOf(primaryKey);
    }

    /**
     * The attributes of the stream's {@code @primaryKey}, in its order; empty without one. Only a table sink
     * ({@code type='iceberg'}) takes it: it writes upserts by that key.
     */
    public List<String> primaryKey() {
        return primaryKey;
    }

    SinkSpec withPrimaryKey(List<String> key) {
        return new SinkSpec(stream(), type(), options(), map(), line(), column(), key);
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && primaryKey.equals(((SinkSpec) o).primaryKey);
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), primaryKey);
    }

    @Override
    public String toString() {
        return "@sink(type='" + type() + "'" + describe(options()) + ", " + map() + ") " + stream()
                + (primaryKey.isEmpty() ? "" : " @primaryKey" + primaryKey);
    }
}
