package org.siddhiql.lakehouse;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One committed version of a table: an Iceberg snapshot or a Delta version.
 *
 * @param id the snapshot id or version number
 * @param committedAt when it was committed
 * @param operation what the commit did, as the format names it ({@code append}, {@code overwrite}, {@code WRITE}...)
 * @param summary the format's commit metadata (Iceberg's snapshot summary, Delta's commit info), for display
 */
public record TableVersion(long id, Instant committedAt, String operation, Map<String, String> summary) {
    public TableVersion {
        Objects.requireNonNull(committedAt);
        Objects.requireNonNull(operation);
        summary = Map.copyOf(summary);
    }
}
