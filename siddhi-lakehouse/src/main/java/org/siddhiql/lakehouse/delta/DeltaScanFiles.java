package org.siddhiql.lakehouse.delta;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The data files of a table version as Kernel's scan lists them, ordered by path: log replay lists them in an order
 * that changes when a checkpoint is written, and a reader resuming at "file i, row r" needs one that does not.
 *
 * @param scanState what reading any of the files needs ({@link Scan#getScanState})
 * @param files one scan file row per data file
 */
record DeltaScanFiles(Row scanState, List<Row> files) {
    static DeltaScanFiles of(Engine engine, Snapshot snapshot) {
        return of(engine, snapshot, snapshot.getSchema(), path -> true);
    }

    /**
     * Only the files whose path, as the log records it, {@code include} accepts, to be read as the columns of
     * {@code readSchema} (some of the table's, in any order).
     */
    static DeltaScanFiles of(Engine engine, Snapshot snapshot, StructType readSchema, Predicate<String> include) {
        Scan scan = snapshot.getScanBuilder().withReadSchema(readSchema).build();
        List<Row> files = new ArrayList<>();
        try (CloseableIterator<FilteredColumnarBatch> batches = scan.getScanFiles(engine)) {
            while (batches.hasNext()) {
                try (CloseableIterator<Row> rows = batches.next().getRows()) {
                    while (rows.hasNext()) {
                        Row file = rows.next();
                        if (include.test(DeltaFileRows.path(file))) {
                            files.add(file);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the files of " + snapshot.getPath() + " version "
                    + snapshot.getVersion(), e);
        }
        files.sort(Comparator.comparing(DeltaFileRows::path));
        return new DeltaScanFiles(scan.getScanState(engine), List.copyOf(files));
    }
}
