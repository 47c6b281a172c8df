package org.siddhiql.compiler.connector;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A compiled {@code @map}: how a connector's records become events or events become records. */
public final class MapSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String type;
    private final Map<String, String> options;

    public MapSpec(String type, Map<String, String> options) {
        this.type = Objects.requireNonNull(type);
        this.options = Collections.unmodifiableMap(new TreeMap<>(options));
    }

    /** The mapper's type in lower case, such as {@code json}. */
    public String type() {
        return type;
    }

    /** The mapper's options by Siddhi's names, such as {@code fail.on.missing.attribute}. */
    public Map<String, String> options() {
        return options;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MapSpec && ((MapSpec) o).type.equals(type) && ((MapSpec) o).options.equals(options);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + options.hashCode();
    }

    @Override
    public String toString() {
        return "@map(type='" + type + "'" + ConnectorSpec.describe(options) + ")";
    }
}
