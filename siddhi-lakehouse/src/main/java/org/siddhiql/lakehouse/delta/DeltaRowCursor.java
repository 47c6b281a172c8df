package org.siddhiql.lakehouse.delta;

import io.delta.kernel.engine.Engine;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The rows of a list of scan files, file after file, that knows its position (which file, how many of its rows were
 * returned) and can start at one: a source resuming from its checkpoint skips exactly the rows it had emitted.
 */
final class DeltaRowCursor implements Iterator<Object[]>, AutoCloseable {
    private final Engine engine;
    private final DeltaScanFiles scan;
    private int file;
    private long rowsReturned;
    private DeltaFileRows rows;

    /** Starts at row {@code rowsReturned} of file {@code file} (both counted from 0). */
    DeltaRowCursor(Engine engine, DeltaScanFiles scan, int file, long rowsReturned) {
        this.engine = engine;
        this.scan = scan;
        this.file = file;
        this.rowsReturned = rowsReturned;
        if (file < scan.files().size()) {
            rows = new DeltaFileRows(engine, scan.scanState(), scan.files().get(file));
            for (long skipped = 0; skipped < rowsReturned && rows.hasNext(); skipped++) {
                rows.next();
            }
        }
    }

    /** The file the next row comes from, or the number of files when all were read. */
    int file() {
        return file;
    }

    /** How many rows of {@link #file} were returned. */
    long rowsReturned() {
        return rowsReturned;
    }

    @Override
    public boolean hasNext() {
        while (rows != null && !rows.hasNext()) {
            rows.close();
            rows = null;
            file++;
            rowsReturned = 0;
            if (file < scan.files().size()) {
                rows = new DeltaFileRows(engine, scan.scanState(), scan.files().get(file));
            }
        }
        return rows != null;
    }

    @Override
    public Object[] next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        rowsReturned++;
        return rows.next();
    }

    @Override
    public void close() {
        if (rows != null) {
            rows.close();
            rows = null;
        }
    }
}
