package org.siddhiql.lakehouse.delta;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A Parquet file a writer finished, for the committer to add to the table: what a Delta {@code add} action records of
 * it. Partition values are in the table's partition column order, in Delta's string form ({@code null} for a null
 * value); the statistics are Delta's {@code stats} JSON over the file's columns, or null.
 */
public record DeltaDataFile(String path, long size, long modificationTime, List<String> partitionValues,
        String statistics) {
    public DeltaDataFile {
        Objects.requireNonNull(path);
        partitionValues = Collections.unmodifiableList(new ArrayList<>(partitionValues)); // List.copyOf refuses nulls
    }
}
