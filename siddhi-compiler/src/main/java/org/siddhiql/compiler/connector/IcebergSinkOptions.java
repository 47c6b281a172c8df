package org.siddhiql.compiler.connector;

import io.siddhi.query.api.annotation.Annotation;
import io.siddhi.query.api.annotation.Element;
import io.siddhi.query.api.definition.Attribute;
import io.siddhi.query.api.definition.StreamDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.SourcePosition;

/**
 * The option values of {@code @sink(type='iceberg')}, checked where they are written: the catalog ({@code catalog.type}
 * with the {@code warehouse} and {@code uri} it needs), {@code write.format}, and {@code partition.by}, a comma
 * separated list of partition terms on the stream's attributes: {@code attr} (identity), {@code bucket[N](attr)}
 * (hash into N buckets) and {@code truncate[W](attr)} (strings cut to W characters, numbers down to a multiple of W).
 */
final class IcebergSinkOptions {
    static final Set<String> CATALOG_TYPES = Set.of("hadoop", "jdbc", "rest");
    static final Set<String> WRITE_FORMATS = Set.of("parquet", "orc", "avro");
    private static final Pattern TRANSFORM = Pattern.compile("(bucket|truncate)\\[(\\d+)]\\((.*)\\)");

    private IcebergSinkOptions() {
    }

    static void check(Map<String, String> options, Annotation annotation, StreamDefinition definition, String what,
            SourcePosition position) {
        S3Options.check(options, annotation, what, position); // the storage options have the names of type='s3'
        for (Element element : annotation.getElements()) {
            String value = element.getValue();
            SourcePosition at = ConnectorCompiler.at(element, position);
            if (value.contains("${")) {
                continue; // resolved when the job is built
            }
            switch (element.getKey()) {
                case "catalog.type":
                    oneOf(value, CATALOG_TYPES, "catalog.type", what, at);
                    checkCatalog(value.toLowerCase(Locale.ROOT), options, what, at);
                    break;
                case "write.format":
                    oneOf(value, WRITE_FORMATS, "write.format", what, at);
                    break;
                case "partition.by":
                    checkPartitioning(value, definition, what, at);
                    break;
                case "table":
                    if (!value.matches("[^.\\s]+(\\.[^.\\s]+)+")) {
                        throw new CompileException(at, what + " has table '" + value + "': it takes"
                                + " 'namespace.table', such as 'db.trades'");
                    }
                    break;
                default:
                    break;
            }
        }
        if (!options.containsKey("catalog.type")) {
            checkCatalog("hadoop", options, what, position);
        }
    }

    /** What {@code IcebergCatalogs} needs to reach a catalog of the type, so that a job never fails to start on it. */
    private static void checkCatalog(String type, Map<String, String> options, String what, SourcePosition at) {
        String warehouse = options.get("warehouse");
        if (!type.equals("rest") && warehouse == null) {
            throw new CompileException(at, what + " needs option 'warehouse' for catalog.type '" + type
                    + "': the directory or s3:// location under which its tables lie");
        }
        if (!type.equals("hadoop") && !options.containsKey("uri")) {
            throw new CompileException(at, what + " needs option 'uri' for catalog.type '" + type + "': the "
                    + (type.equals("jdbc") ? "JDBC URL of its database" : "catalog server's URL"));
        }
        if (type.equals("hadoop") && warehouse.startsWith("s3://")) {
            throw new CompileException(at, what + " has a warehouse on s3:// with catalog.type 'hadoop', which commits"
                    + " by renaming files, which S3 cannot do atomically: use catalog.type 'jdbc' or 'rest'");
        }
    }

    private static void oneOf(String value, Set<String> allowed, String option, String what, SourcePosition at) {
        if (!allowed.contains(value.toLowerCase(Locale.ROOT))) {
            throw new CompileException(at, what + " has " + option + " '" + value + "': it takes "
                    + ConnectorCompiler.quoted(allowed));
        }
    }

    private static void checkPartitioning(String value, StreamDefinition definition, String what,
            SourcePosition at) {
        Set<String> seen = new HashSet<>();
        for (String term : value.split(",", -1)) {
            String trimmed = term.trim();
            Matcher transform = TRANSFORM.matcher(trimmed);
            String attribute = transform.matches() ? transform.group(3).trim() : trimmed;
            Attribute.Type type = typeOf(definition, attribute);
            if (attribute.isEmpty() || type == null) {
                throw new CompileException(at, what + " has partition.by term '" + trimmed + "': "
                        + (attribute.isEmpty() ? "it names no attribute" : "stream '" + definition.getId()
                        + "' has no attribute '" + attribute + "'") + "; it takes attributes, bucket[N](attribute)"
                        + " or truncate[W](attribute), separated by commas");
            }
            if (type == Attribute.Type.OBJECT) {
                throw new CompileException(at, what + " partitions by attribute '" + attribute + "' of type object,"
                        + " which has no Iceberg column type");
            }
            if (transform.matches()) {
                if (Integer.parseInt(transform.group(2)) < 1) {
                    throw new CompileException(at, what + " has partition.by term '" + trimmed + "': its width must"
                            + " be at least 1");
                }
                boolean truncatable = List.of(Attribute.Type.STRING, Attribute.Type.INT, Attribute.Type.LONG)
                        .contains(type);
                if (transform.group(1).equals("truncate") && !truncatable) {
                    throw new CompileException(at, what + " has partition.by term '" + trimmed + "': truncate takes"
                            + " a string, int or long attribute, and '" + attribute + "' is "
                            + type.name().toLowerCase(Locale.ROOT));
                }
                if (type == Attribute.Type.FLOAT || type == Attribute.Type.DOUBLE || type == Attribute.Type.BOOL) {
                    throw new CompileException(at, what + " has partition.by term '" + trimmed + "': Iceberg"
                            + " buckets take string, int or long attributes, and '" + attribute + "' is "
                            + type.name().toLowerCase(Locale.ROOT));
                }
            }
            if (!seen.add(trimmed)) {
                throw new CompileException(at, what + " has partition.by term '" + trimmed + "' twice");
            }
        }
    }

    /**
     * The stream's {@code @primaryKey} attributes, which a stream may carry only when an {@code @sink(type='iceberg')}
     * writes it (as upserts by that key): on any other stream the key would be ignored.
     *
     * @param icebergSinks whether the stream has an iceberg sink
     */
    static List<String> primaryKey(StreamDefinition definition, boolean icebergSinks) {
        Annotation annotation = null;
        for (Annotation candidate : definition.getAnnotations()) {
            if (candidate.getName().equalsIgnoreCase("primaryKey")) {
                if (annotation != null) {
                    throw new CompileException(SourcePosition.firstOf(candidate, definition), "stream '"
                            + definition.getId() + "' has more than one @primaryKey");
                }
                annotation = candidate;
            }
        }
        if (annotation == null) {
            return List.of();
        }
        SourcePosition position = SourcePosition.firstOf(annotation, definition);
        if (!icebergSinks) {
            throw new CompileException(position, "@primaryKey on stream '" + definition.getId() + "' is only"
                    + " honoured by an @sink(type='iceberg') on it, which writes upserts by that key: stream '"
                    + definition.getId() + "' has none");
        }
        List<String> key = new ArrayList<>();
        for (Element element : annotation.getElements()) {
            String attribute = element.getValue();
            Attribute.Type type = typeOf(definition, attribute);
            if (type == null) {
                throw new CompileException(position, "@primaryKey attribute '" + attribute + "' does not exist in"
                        + " stream '" + definition.getId() + "'");
            }
            if (type == Attribute.Type.FLOAT || type == Attribute.Type.DOUBLE || type == Attribute.Type.OBJECT) {
                throw new CompileException(position, "@primaryKey attribute '" + attribute + "' of stream '"
                        + definition.getId() + "' is " + type.name().toLowerCase(Locale.ROOT) + ": Iceberg"
                        + " identifier columns take string, int, long or bool attributes");
            }
            if (key.contains(attribute)) {
                throw new CompileException(position, "@primaryKey of stream '" + definition.getId() + "' names '"
                        + attribute + "' twice");
            }
            key.add(attribute);
        }
        if (key.isEmpty()) {
            throw new CompileException(position, "@primaryKey on stream '" + definition.getId() + "' names no"
                    + " attribute");
        }
        return key;
    }

    private static Attribute.Type typeOf(StreamDefinition definition, String attribute) {
        for (Attribute candidate : definition.getAttributeList()) {
            if (candidate.getName().equals(attribute)) {
                return candidate.getType();
            }
        }
        return null;
    }
}
