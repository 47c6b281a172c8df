package org.siddhiql.lakehouse.delta;

import io.delta.kernel.Scan;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.utils.CloseableIterator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The rows of one data file of a scan, as SiddhiQL values in the table's column order, read lazily a Parquet batch at
 * a time. Kernel turns the file's physical columns into the table's logical ones (partition values, column mapping,
 * deletion vectors as a selection vector); the file's row order is stable, which lets a source resume after the rows
 * it already emitted. Kernel's user guide reads scan files this way, through {@link InternalScanFileUtils} and
 * {@link ScanStateRow}: its public API has no other accessor for a scan file's status and physical read schema.
 */
final class DeltaFileRows implements Iterator<Object[]>, AutoCloseable {
    private final CloseableIterator<FilteredColumnarBatch> batches;
    private ColumnarBatch batch;
    private ColumnVector selection;
    private int next;
    private Object[] pending;

    /**
     * @param scanState the {@link Scan#getScanState} of the scan that listed the file
     * @param scanFile one row of the scan's {@link Scan#getScanFiles}
     */
    DeltaFileRows(Engine engine, Row scanState, Row scanFile) {
        try {
            CloseableIterator<ColumnarBatch> physical = engine.getParquetHandler()
                    .readParquetFiles(Utils.singletonCloseableIterator(
                                    InternalScanFileUtils.getAddFileStatus(scanFile)),
                            ScanStateRow.getPhysicalDataReadSchema(scanState), Optional.empty())
                    .map(FileReadResult::getData);
            batches = Scan.transformPhysicalData(engine, scanState, scanFile, physical);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + InternalScanFileUtils.getFilePath(scanFile), e);
        }
    }

    /** The path of a scan file row as the table's log records it (relative to the table, or absolute). */
    static String path(Row scanFile) {
        return InternalScanFileUtils.getFilePath(scanFile);
    }

    @Override
    public boolean hasNext() {
        while (pending == null) {
            if (batch != null && next < batch.getSize()) {
                int row = next++;
                if (selection == null || (!selection.isNullAt(row) && selection.getBoolean(row))) {
                    pending = values(batch, row);
                }
            } else if (batches.hasNext()) {
                FilteredColumnarBatch filtered = batches.next();
                batch = filtered.getData();
                selection = filtered.getSelectionVector().orElse(null);
                next = 0;
            } else {
                return false;
            }
        }
        return true;
    }

    @Override
    public Object[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Object[] row = pending;
        pending = null;
        return row;
    }

    private static Object[] values(ColumnarBatch batch, int row) {
        Object[] values = new Object[batch.getSchema().length()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(batch.getColumnVector(i), row);
        }
        return values;
    }

    /** In the Java types of {@link DeltaSchemas}' mapping; a table of other types fails when it is opened. */
    private static Object value(ColumnVector column, int row) {
        if (column.isNullAt(row)) {
            return null;
        }
        DataType type = column.getDataType();
        if (type instanceof IntegerType) {
            return column.getInt(row);
        } else if (type instanceof LongType) {
            return column.getLong(row);
        } else if (type instanceof FloatType) {
            return column.getFloat(row);
        } else if (type instanceof DoubleType) {
            return column.getDouble(row);
        } else if (type instanceof BooleanType) {
            return column.getBoolean(row);
        }
        return column.getString(row);
    }

    @Override
    public void close() {
        try {
            batches.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
