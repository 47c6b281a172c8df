package org.siddhiql.compiler.connector;

import java.util.Set;

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

    private TableOptions() {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
