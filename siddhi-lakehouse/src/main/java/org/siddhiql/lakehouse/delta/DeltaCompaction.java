package org.siddhiql.lakehouse.delta;

import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.Transaction;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.exceptions.ConcurrentWriteException;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.actions.AddFile;
import io.delta.kernel.internal.actions.SingleAction;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.data.TransactionStateRow;
import io.delta.kernel.internal.fs.Path;
import io.delta.kernel.internal.util.PartitionUtils;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rewrites the small data files of a Delta table's latest version, partition by partition, into as few files as the
 * Parquet writer makes, in one commit that removes the old files and adds the new ones. Both carry
 * {@code dataChange=false}, as Delta's OPTIMIZE does: readers following the table's new versions (the Delta source)
 * skip the commit instead of reading its rows a second time. The old files stay on storage for the versions that
 * still use them.
 *
 * <p>Kernel's public API commits only appends, so the actions are built with its internal {@link AddFile} and
 * {@link SingleAction}, as {@link Transaction#generateAppendActions} builds them but with {@code dataChange=false}.
 */
final class DeltaCompaction {
    /** Files below this size are compacted: a quarter of the Parquet writer's 128 MB target. */
    static final long SMALL_FILE_BYTES = 32L * 1024 * 1024;

    private final Engine engine;
    private final Table table;

    DeltaCompaction(Engine engine, Table table) {
        this.engine = engine;
        this.table = table;
    }

    /** Result of a run: the files replaced and written, and the version committed (-1 when nothing was). */
    record Result(int filesRewritten, int filesWritten, long version) {
    }

    Result run() {
        Snapshot snapshot = table.getLatestSnapshot(engine);
        DeltaScanFiles scan = DeltaScanFiles.of(engine, snapshot);
        Map<Map<String, String>, List<Row>> smallFiles = new LinkedHashMap<>();
        for (Row file : scan.files()) {
            if (InternalScanFileUtils.getAddFileStatus(file).getSize() < SMALL_FILE_BYTES) {
                smallFiles.computeIfAbsent(InternalScanFileUtils.getPartitionValues(file), p -> new ArrayList<>())
                        .add(file);
            }
        }
        smallFiles.values().removeIf(files -> files.size() < 2);
        if (smallFiles.isEmpty()) {
            return new Result(0, 0, -1);
        }
        Transaction transaction = table.createTransactionBuilder(engine, "siddhiql compact",
                Operation.MANUAL_UPDATE).build(engine);
        Row state = transaction.getTransactionState(engine);
        List<Row> actions = new ArrayList<>();
        int rewritten = 0;
        int written = 0;
        long now = System.currentTimeMillis();
        for (Map.Entry<Map<String, String>, List<Row>> partition : smallFiles.entrySet()) {
            Map<String, Literal> values = literals(snapshot.getSchema(), partition.getKey());
            for (DataFileStatus file : write(state, scan.scanState(), partition.getValue(), values)) {
                actions.add(SingleAction.createAddFileSingleAction(AddFile.convertDataFileStatus(
                        TransactionStateRow.getPhysicalSchema(state),
                        tableUri(state), file, values, false, Map.of(), Optional.empty(), Optional.empty(),
                        Optional.empty()).toRow()));
                written++;
            }
            for (Row old : partition.getValue()) {
                Row add = old.getStruct(InternalScanFileUtils.ADD_FILE_ORDINAL);
                actions.add(SingleAction.createRemoveFileSingleAction(
                        new AddFile(add).toRemoveFileRow(false, Optional.of(now))));
                rewritten++;
            }
        }
        try {
            long version = transaction.commit(engine,
                    CloseableIterable.inMemoryIterable(Utils.toCloseableIterator(actions.iterator()))).getVersion();
            return new Result(rewritten, written, version);
        } catch (ConcurrentWriteException e) {
            throw new IllegalStateException("compaction of " + table.getPath(engine) + " lost to a concurrent"
                    + " commit; run it again", e);
        }
    }

    /** Reads the files' rows as the table's logical columns and writes them as new files of their partition. */
    private List<DataFileStatus> write(Row state, Row scanState, List<Row> files, Map<String, Literal> partition) {
        CloseableIterator<FilteredColumnarBatch> logical = Utils.toCloseableIterator(files.iterator())
                .flatMap(file -> read(scanState, file));
        DataWriteContext context = Transaction.getWriteContext(engine, state, partition);
        try (CloseableIterator<DataFileStatus> statuses = engine.getParquetHandler().writeParquetFiles(
                context.getTargetDirectory(), Transaction.transformLogicalData(engine, state, logical, partition),
                context.getStatisticsColumns())) {
            List<DataFileStatus> written = new ArrayList<>();
            statuses.forEachRemaining(written::add);
            return written;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the compacted files of " + table.getPath(engine), e);
        }
    }

    private CloseableIterator<FilteredColumnarBatch> read(Row scanState, Row file) {
        try {
            CloseableIterator<ColumnarBatch> physical = engine.getParquetHandler()
                    .readParquetFiles(Utils.singletonCloseableIterator(InternalScanFileUtils.getAddFileStatus(file)),
                            ScanStateRow.getPhysicalDataReadSchema(scanState), Optional.empty())
                    .map(FileReadResult::getData);
            return Scan.transformPhysicalData(engine, scanState, file, physical);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DeltaFileRows.path(file), e);
        }
    }

    private static Map<String, Literal> literals(StructType schema, Map<String, String> serialized) {
        Map<String, Literal> literals = new LinkedHashMap<>();
        serialized.forEach((column, value) -> literals.put(column,
                PartitionUtils.literalForPartitionValue(schema.get(column).getDataType(), value)));
        return literals;
    }

    private static URI tableUri(Row state) {
        return new Path(TransactionStateRow.getTablePath(state)).toUri();
    }
}
