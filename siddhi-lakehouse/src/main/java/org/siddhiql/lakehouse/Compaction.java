package org.siddhiql.lakehouse;

/**
 * What {@link LakehouseTable#compact} did.
 *
 * @param filesRewritten data files replaced
 * @param filesWritten data files that replaced them
 * @param version the version it committed, or null when there was nothing to compact
 */
public record Compaction(int filesRewritten, int filesWritten, TableVersion version) {
}
