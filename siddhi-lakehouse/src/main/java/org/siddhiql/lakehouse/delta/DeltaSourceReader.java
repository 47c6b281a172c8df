package org.siddhiql.lakehouse.delta;

import io.delta.kernel.Snapshot;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.util.TemporaryClassLoaderContext;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.runtime.event.Event;

/**
 * Reads the table's split in the task's thread, one row per {@link #pollNext}: the version the split names, whole or
 * as its commit's added files, then (streaming) the next version once it is committed, looked for every
 * {@code monitor.interval}. Each row becomes an event of the stream, its attributes taken from the columns of the same
 * names (the scan reads no others), stamped with the time it is read.
 */
final class DeltaSourceReader implements SourceReader<TaggedEvent, DeltaSplit> {
    private final DeltaSource.Settings settings;
    private DeltaTable table;
    private DeltaSplit split;
    private DeltaRowCursor cursor;
    /** The latest version the table was seen to have. */
    private long latestSeen = -1;
    private boolean noMoreSplits;
    private long nextLookMillis;
    private CompletableFuture<Void> available = new CompletableFuture<>();

    DeltaSourceReader(DeltaSource.Settings settings) {
        this.settings = settings;
    }

    @Override
    public void start() {
        try (TemporaryClassLoaderContext ignored = storageClassLoader()) {
            table = DeltaTable.open(settings.path(), settings.storage());
        }
    }

    /**
     * Hadoop keeps one S3A file system per bucket for the JVM (the class loader that loaded Hadoop), and its pool
     * threads take the context class loader of the thread that starts them. Started in a task's thread they would
     * keep the job's class loader, which is closed when the job ends, and fail a later job's reads where Hadoop is
     * shared (a MiniCluster, an embedded run); so Kernel is called with the class loader that loaded this connector.
     */
    private static TemporaryClassLoaderContext storageClassLoader() {
        return TemporaryClassLoaderContext.of(DeltaSourceReader.class.getClassLoader());
    }

    @Override
    public InputStatus pollNext(ReaderOutput<TaggedEvent> output) {
        try (TemporaryClassLoaderContext ignored = storageClassLoader()) {
            return poll(output);
        }
    }

    private InputStatus poll(ReaderOutput<TaggedEvent> output) {
        if (split == null) {
            return noMoreSplits ? InputStatus.END_OF_INPUT : waitFor(new CompletableFuture<>());
        }
        if (cursor == null && !openVersion()) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        if (cursor.hasNext()) {
            Event event = new Event(System.currentTimeMillis(), cursor.next());
            output.collect(new TaggedEvent(settings.streamIndex(), event));
            return InputStatus.MORE_AVAILABLE;
        }
        cursor.close();
        cursor = null;
        if (settings.bounded()) {
            split = null;
            return InputStatus.END_OF_INPUT;
        }
        split = split.nextVersion();
        return InputStatus.MORE_AVAILABLE;
    }

    /** Opens the cursor at the split's position; false when its version is not committed yet. */
    private boolean openVersion() {
        if (split.version() == DeltaSplit.UNRESOLVED) {
            split = new DeltaSplit(table.resolve(settings.start()).id(), true, 0, 0);
        } else if (split.version() > latestSeen) {
            long now = System.currentTimeMillis();
            if (now < nextLookMillis) {
                waitMillis(nextLookMillis - now);
                return false;
            }
            latestSeen = table.latestVersion();
            if (latestSeen < split.version()) {
                nextLookMillis = now + settings.monitorIntervalMillis();
                waitMillis(settings.monitorIntervalMillis());
                return false;
            }
        }
        Snapshot snapshot = table.snapshot(split.version());
        StructType columns = streamColumns(snapshot.getSchema(), split.version());
        DeltaScanFiles files;
        if (split.whole()) {
            files = DeltaScanFiles.of(table.engine(), snapshot, columns, path -> true);
        } else {
            Set<String> added = new DeltaLog(table.engine(), table.path())
                    .addedDataFiles(split.version(), split.version());
            files = DeltaScanFiles.of(table.engine(), snapshot, columns, added::contains);
        }
        cursor = new DeltaRowCursor(table.engine(), files, split.file(), split.rowsEmitted());
        return true;
    }

    /**
     * The table's columns the stream's attributes read, in the stream's order: the scan reads only those, and its
     * rows are the events' data as they come. Other columns may be of any type.
     */
    private StructType streamColumns(StructType table, long version) {
        StreamSchema stream = settings.stream();
        StructType columns = new StructType();
        for (int i = 0; i < stream.size(); i++) {
            String name = stream.attributeName(i);
            if (!table.fieldNames().contains(name)) {
                throw unreadable(version, i, "has no column '" + name + "'");
            }
            StructField field = table.get(name);
            AttributeType type;
            try {
                type = DeltaSchemas.toSiddhi(name, new StructType().add(field)).attributeType(0);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Delta table '" + settings.path() + "' at version " + version
                        + ": " + e.getMessage() + "; attribute '" + name + "' of stream '" + stream.name()
                        + "' cannot read it", e);
            }
            if (type != stream.attributeType(i)) {
                throw unreadable(version, i, "has column '" + name + "' of type " + type);
            }
            columns = columns.add(field);
        }
        return columns;
    }

    private IllegalArgumentException unreadable(long version, int attribute, String problem) {
        StreamSchema stream = settings.stream();
        return new IllegalArgumentException("Delta table '" + settings.path() + "' at version " + version + " "
                + problem + ", which attribute '" + stream.attributeName(attribute) + "' of stream '" + stream.name()
                + "' (of type " + stream.attributeType(attribute) + ") reads");
    }

    private void waitMillis(long millis) {
        CompletableFuture<Void> timer = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS).execute(() -> timer.complete(null));
        waitFor(timer);
    }

    private InputStatus waitFor(CompletableFuture<Void> event) {
        available = event;
        return InputStatus.NOTHING_AVAILABLE;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return available;
    }

    @Override
    public List<DeltaSplit> snapshotState(long checkpointId) {
        if (split == null) {
            return List.of();
        }
        return List.of(cursor == null ? split
                : new DeltaSplit(split.version(), split.whole(), cursor.file(), cursor.rowsReturned()));
    }

    @Override
    public void addSplits(List<DeltaSplit> splits) {
        split = splits.get(0);
        available.complete(null);
    }

    @Override
    public void notifyNoMoreSplits() {
        noMoreSplits = true;
        available.complete(null);
    }

    @Override
    public void close() {
        if (cursor != null) {
            cursor.close();
        }
        if (table != null) {
            table.close();
        }
    }
}
