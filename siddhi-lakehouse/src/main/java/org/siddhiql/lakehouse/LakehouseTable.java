package org.siddhiql.lakehouse;

import java.util.List;
import java.util.stream.Stream;
import org.siddhiql.compiler.schema.StreamSchema;

/**
 * A table of a lakehouse format, read at any of its versions: what time-travel queries, {@code table history} and
 * {@code replay} need from Iceberg and Delta alike. Columns are exposed with SiddhiQL types; a column of a type
 * SiddhiQL has no counterpart for is reported when the table is opened.
 */
public interface LakehouseTable extends AutoCloseable {
    /** The table, at its latest version. */
    TableAddress address();

    /** Its versions, oldest first. */
    List<TableVersion> history();

    /**
     * The version {@code asOf} names.
     *
     * @throws IllegalArgumentException with a message for the user when there is none (an unknown id, a time before
     *     the first commit, an empty table)
     */
    TableVersion resolve(AsOf asOf);

    /** The columns at {@code version}, named as the attributes of a stream that reads them. */
    StreamSchema schema(TableVersion version);

    /**
     * The rows committed as of {@code version}, each an array of column values in {@link #schema} order carried as
     * SiddhiQL's Java types. The order is the format's scan order, which is not the commit order; close the stream.
     */
    Stream<Object[]> rows(TableVersion version);

    /** Rewrites the latest version's small data files into fewer, larger ones: a new version with the same rows. */
    Compaction compact();

    /**
     * Makes the versions committed before {@code olderThan} unreadable and deletes the files only they use. Never the
     * latest version, nor the last version each writing job committed, so a running job's next commit and
     * restore from its checkpoint keep their base.
     */
    Expiry expire(java.time.Instant olderThan);

    @Override
    void close();
}
