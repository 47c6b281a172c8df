package org.siddhiql.compiler.connector;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.siddhiql.compiler.CompileException;

/**
 * What a {@code @source} or {@code @sink} annotation of a stream definition asks for, runtime-neutral: a connector
 * type, its options under Siddhi's names, and its mapper. A runtime turns it into its own connector.
 */
public abstract class ConnectorSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String stream;
    private final String type;
    private final Map<String, String> options;
    private final MapSpec map;
    private final int line;
    private final int column;

    ConnectorSpec(String stream, String type, Map<String, String> options, MapSpec map, int line, int column) {
        this.stream = Objects.requireNonNull(stream);
        this.type = Objects.requireNonNull(type);
        this.options = Collections.unmodifiableMap(new TreeMap<>(options));
        this.map = Objects.requireNonNull(map);
        this.line = line;
        this.column = column;
    }

    /** The stream the annotation is on. */
    public String stream() {
        return stream;
    }

    /** The connector's type in lower case, such as {@code kafka}. */
    public String type() {
        return type;
    }

    /**
     * The connector's options by Siddhi's names, such as {@code bootstrap.servers}, sorted by name, as written: with
     * {@code ${NAME}} references unresolved. Connectors read values through {@link #option}.
     */
    public Map<String, String> options() {
        return options;
    }

    /**
     * The option's value with its {@code ${NAME}} references resolved ({@link SecretOptions#resolve}); null when it is
     * absent. The compiler has checked that required options are present.
     *
     * @throws CompileException at the annotation when a reference is neither a system property nor an environment
     *     variable
     */
    public String option(String name) {
        try {
            return SecretOptions.resolve(options.get(name), SecretOptions::systemPropertyOrEnvironment);
        } catch (IllegalArgumentException e) {
            String annotation = this instanceof SourceSpec ? "@source" : "@sink";
            throw new CompileException(line, column, "option '" + name + "' of the " + annotation + " of stream '"
                    + stream + "': " + e.getMessage());
        }
    }

    /** Every option by name with its {@code ${NAME}} references resolved, as {@link #option} reads each. */
    public Map<String, String> resolvedOptions() {
        Map<String, String> resolved = new TreeMap<>();
        options.keySet().forEach(name -> resolved.put(name, option(name)));
        return resolved;
    }

    public MapSpec map() {
        return map;
    }

    /** Where the annotation is in the app text, for errors found when the connector is built. */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    @Override
    public boolean equals(Object o) {
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        ConnectorSpec other = (ConnectorSpec) o;
        return stream.equals(other.stream) && type.equals(other.type) && options.equals(other.options)
                && map.equals(other.map) && line == other.line && column == other.column;
    }

    @Override
    public int hashCode() {
        return Objects.hash(stream, type, options, map, line, column);
    }

    /** The options as {@code toString} shows them: credentials masked ({@link SecretOptions}). */
    static String describe(Map<String, String> options) {
        return SecretOptions.shown(options).entrySet().stream()
                .map(e -> ", " + e.getKey() + "='" + e.getValue() + "'")
                .collect(Collectors.joining());
    }
}
