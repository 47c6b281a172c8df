package org.siddhiql.compiler.connector;

import io.siddhi.query.api.annotation.Annotation;
import io.siddhi.query.api.annotation.Element;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.SourcePosition;

/**
 * The options of the lakehouse connectors, {@code @source/@sink(type='iceberg')} and {@code type='delta'}. Where a
 * table's files lie on S3, the storage options carry the names of {@code type='s3'}: {@code aws.access.key},
 * {@code aws.secret.key}, {@code aws.region}, {@code endpoint} and {@code path.style.access}.
 */
final class TableOptions {
    static final Set<String> STORAGE = Set.of("aws.access.key", "aws.secret.key", "aws.region", "endpoint",
            "path.style.access");

    /** Which catalog holds an Iceberg table, and where it lies. */
    static final Set<String> ICEBERG_CATALOG = union(STORAGE, Set.of("catalog.type", "catalog.name", "warehouse",
            "uri", "jdbc.user", "jdbc.password", "optional.configuration"));
    static final Set<String> ICEBERG_REQUIRED = Set.of("table");
    static final Set<String> ICEBERG_SINK_OPTIONAL = union(ICEBERG_CATALOG, Set.of("partition.by",
            "write.format"));
    static final Set<String> ICEBERG_SOURCE_OPTIONAL = union(ICEBERG_CATALOG, Set.of("snapshot.id",
            "as.of.timestamp", "tag", "branch", "mode", "monitor.interval", "start.snapshot.id"));

    static final Set<String> DELTA_REQUIRED = Set.of("path");
    static final Set<String> DELTA_SINK_OPTIONAL = union(STORAGE, Set.of("partition.by"));
    static final Set<String> DELTA_SOURCE_OPTIONAL = union(STORAGE, Set.of("version.as.of", "timestamp.as.of",
            "mode", "monitor.interval"));

    /** The options that pick the one snapshot a batch read reads; at most one of them. */
    private static final List<String> ICEBERG_SNAPSHOT_CHOICE = List.of("snapshot.id", "as.of.timestamp", "tag",
            "branch");

    private TableOptions() {
    }

    /**
     * The values of an Iceberg {@code @source}: {@code mode} is {@code batch} (the default: one snapshot, the latest
     * unless one of {@code snapshot.id}, {@code as.of.timestamp}, {@code tag}, {@code branch} names another) or
     * {@code streaming} (the rows of each new snapshot of {@code branch} or the main branch, looked for every
     * {@code monitor.interval} milliseconds, from {@code start.snapshot.id} when given, else from a full read of the
     * current snapshot). Snapshot ids are numbers; {@code as.of.timestamp} is an ISO-8601 instant
     * ({@code 2026-11-27T10:15:30Z}) or milliseconds since the epoch.
     */
    static void checkIcebergSource(Map<String, String> options, Annotation annotation, String what,
            SourcePosition position) {
        String mode = options.getOrDefault("mode", "batch");
        boolean streaming = mode.equalsIgnoreCase("streaming");
        String chosen = null;
        for (Element element : annotation.getElements()) {
            String key = element.getKey();
            String value = element.getValue();
            SourcePosition at = ConnectorCompiler.at(element, position);
            if (ICEBERG_SNAPSHOT_CHOICE.contains(key)) {
                if (chosen != null) {
                    throw new CompileException(at, what + " has both " + chosen + " and " + key + ": they are"
                            + " alternative ways to name the snapshot to read; give one");
                }
                chosen = key;
                if (streaming && !key.equals("branch")) {
                    throw new CompileException(at, what + " has " + key + " in mode 'streaming', which follows"
                            + " new snapshots: it is for mode 'batch' (a streaming read takes start.snapshot.id)");
                }
            }
            if (value.contains("${")) {
                continue; // resolved when the connector is built
            }
            switch (key) {
                case "mode":
                    checkMode(value, what, at);
                    break;
                case "snapshot.id":
                case "start.snapshot.id":
                    if (!isLong(value)) {
                        throw new CompileException(at, what + " has " + key + " '" + value + "': it takes a"
                                + " snapshot id, a number such as 3051729675574597004");
                    }
                    break;
                case "as.of.timestamp":
                    if (!isLong(value) && !isInstant(value)) {
                        throw new CompileException(at, what + " has as.of.timestamp '" + value + "': it takes an"
                                + " ISO-8601 instant such as 2026-11-27T10:15:30Z or milliseconds since the epoch");
                    }
                    break;
                case "monitor.interval":
                    checkMonitorInterval(value, what, at);
                    break;
                default:
                    break;
            }
            if (!streaming && (key.equals("monitor.interval") || key.equals("start.snapshot.id"))) {
                throw new CompileException(at, what + " has " + key + ", which only mode 'streaming' takes");
            }
        }
    }

    /** A table source's {@code mode}, for both formats. */
    static void checkMode(String value, String what, SourcePosition at) {
        if (!value.equalsIgnoreCase("batch") && !value.equalsIgnoreCase("streaming")) {
            throw new CompileException(at, what + " has mode '" + value + "': it takes 'batch' or 'streaming'");
        }
    }

    /** A streaming table source's {@code monitor.interval}, for both formats. */
    static void checkMonitorInterval(String value, String what, SourcePosition at) {
        if (!value.matches("[1-9][0-9]{0,9}")) {
            throw new CompileException(at, what + " has monitor.interval '" + value + "': it takes a positive number"
                    + " of milliseconds");
        }
    }

    private static boolean isLong(String value) {
        try {
            return Long.parseLong(value) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isInstant(String value) {
        try {
            Instant.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
