package org.siddhiql.lakehouse.delta;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.SnapshotBuilder;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a Delta table's rows with Kernel, as any Delta reader would: for tests that check what a sink committed. */
public final class DeltaRows {
    private DeltaRows() {
    }

    /** The rows of the table's latest version, each a list of its column values in schema order. */
    public static List<List<Object>> latest(String path) {
        return read(TableManager.loadSnapshot(path));
    }

    public static List<List<Object>> atVersion(String path, long version) {
        return read(TableManager.loadSnapshot(path).atVersion(version));
    }

    /** The table's latest version number. */
    public static long version(String path) {
        return TableManager.loadSnapshot(path).build(engine()).getVersion();
    }

    /** How many data files the table's latest version has. */
    public static int dataFiles(String path) {
        Engine engine = engine();
        Scan scan = TableManager.loadSnapshot(path).build(engine).getScanBuilder().build();
        int files = 0;
        try (CloseableIterator<FilteredColumnarBatch> scanFiles = scan.getScanFiles(engine)) {
            while (scanFiles.hasNext()) {
                try (CloseableIterator<Row> rows = scanFiles.next().getRows()) {
                    while (rows.hasNext()) {
                        rows.next();
                        files++;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** When version {@code version} was committed, in epoch milliseconds. */
    public static long commitTime(String path, long version) {
        Engine engine = engine();
        return TableManager.loadSnapshot(path).atVersion(version).build(engine).getTimestamp(engine);
    }

    private static Engine engine() {
        return DeltaEngines.create(Map.of());
    }

    private static List<List<Object>> read(SnapshotBuilder builder) {
        Engine engine = engine();
        Snapshot snapshot = builder.build(engine);
        Scan scan = snapshot.getScanBuilder().build();
        Row scanState = scan.getScanState(engine);
        StructType readSchema = ScanStateRow.getPhysicalDataReadSchema(scanState);
        List<List<Object>> rows = new ArrayList<>();
        try (CloseableIterator<FilteredColumnarBatch> scanFiles = scan.getScanFiles(engine)) {
            while (scanFiles.hasNext()) {
                try (CloseableIterator<Row> files = scanFiles.next().getRows()) {
                    while (files.hasNext()) {
                        Row file = files.next();
                        FileStatus status = InternalScanFileUtils.getAddFileStatus(file);
                        CloseableIterator<ColumnarBatch> physical = engine.getParquetHandler()
                                .readParquetFiles(single(status), readSchema, Optional.empty())
                                .map(FileReadResult::getData);
                        try (CloseableIterator<FilteredColumnarBatch> data =
                                Scan.transformPhysicalData(engine, scanState, file, physical)) {
                            data.forEachRemaining(batch -> addRows(batch, rows));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static void addRows(FilteredColumnarBatch batch, List<List<Object>> rows) {
        ColumnarBatch data = batch.getData();
        Optional<ColumnVector> selection = batch.getSelectionVector();
        for (int row = 0; row < data.getSize(); row++) {
            if (selection.isPresent() && (selection.get().isNullAt(row) || !selection.get().getBoolean(row))) {
                continue;
            }
            Object[] values = new Object[data.getSchema().length()];
            for (int column = 0; column < values.length; column++) {
                values[column] = value(data.getColumnVector(column), row);
            }
            rows.add(Arrays.asList(values));
        }
    }

    private static Object value(ColumnVector vector, int row) {
        if (vector.isNullAt(row)) {
            return null;
        }
        DataType type = vector.getDataType();
        if (type instanceof IntegerType) {
            return vector.getInt(row);
        } else if (type instanceof LongType) {
            return vector.getLong(row);
        } else if (type instanceof FloatType) {
            return vector.getFloat(row);
        } else if (type instanceof DoubleType) {
            return vector.getDouble(row);
        } else if (type instanceof BooleanType) {
            return vector.getBoolean(row);
        }
        return vector.getString(row);
    }

    private static <T> CloseableIterator<T> single(T item) {
        return new CloseableIterator<>() {
            private boolean taken;

            @Override
            public boolean hasNext() {
                return !taken;
            }

            @Override
            public T next() {
                taken = true;
                return item;
            }

            @Override
            public void close() {
            }
        };
    }
}
