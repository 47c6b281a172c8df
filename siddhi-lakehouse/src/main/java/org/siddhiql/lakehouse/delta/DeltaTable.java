package org.siddhiql.lakehouse.delta;

import io.delta.kernel.Snapshot;
import io.delta.kernel.Table;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.TableNotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.lakehouse.AsOf;
import org.siddhiql.lakehouse.Compaction;
import org.siddhiql.lakehouse.Expiry;
import org.siddhiql.lakehouse.LakehouseTable;
import org.siddhiql.lakehouse.TableAddress;
import org.siddhiql.lakehouse.TableFormat;
import org.siddhiql.lakehouse.TableVersion;

/**
 * A Delta table at a path (local or {@code s3://}), read at its versions through Delta Kernel. A version's time is its
 * commit time as Kernel reports it: the in-commit timestamp when the table records them, else the commit file's
 * modification time (to the second on S3). Resolving an instant reads the commit info of every version still in the
 * log.
 *
 * <p>Code reading it inside a Flink task should call it with the connector's class loader as the thread's context
 * class loader, as {@link DeltaSourceReader} does, so that Hadoop's shared S3A pool threads never keep a job's.
 */
public final class DeltaTable implements LakehouseTable {
    private final Engine engine;
    private final Table table;
    private final TableAddress address;

    private DeltaTable(Engine engine, Table table, TableAddress address) {
        this.engine = engine;
        this.table = table;
        this.address = address;
    }

    /**
     * @param path the table's directory: a local path or a URI ({@code file:}, {@code s3://bucket/key})
     * @param options the storage options ({@link DeltaEngines})
     * @throws IllegalArgumentException when there is no Delta table at {@code path}
     */
    public static DeltaTable open(String path, Map<String, String> options) {
        Engine engine = DeltaEngines.create(options);
        Table table = Table.forPath(engine, path);
        DeltaTable opened = new DeltaTable(engine, table, new TableAddress(TableFormat.DELTA, path, AsOf.latest()));
        opened.latest(); // fails now, not at the first read, when there is no table
        return opened;
    }

    /** The engine the table is read with, for what only Delta Kernel can do. */
    public Engine engine() {
        return engine;
    }

    /** The table's fully qualified path, as Kernel resolved it. */
    public String path() {
        return table.getPath(engine);
    }

    @Override
    public TableAddress address() {
        return address;
    }

    @Override
    public List<TableVersion> history() {
        DeltaLog log = new DeltaLog(engine, path());
        return log.versions(log.earliestVersion(), latest().getVersion());
    }

    @Override
    public TableVersion resolve(AsOf asOf) {
        long latest = latest().getVersion();
        DeltaLog log = new DeltaLog(engine, path());
        switch (asOf.kind()) {
            case VERSION:
                long earliest = log.earliestVersion();
                if (asOf.version() < earliest || asOf.version() > latest) {
                    throw new IllegalArgumentException(address + " has no version " + asOf.version()
                            + ": its versions are " + earliest + " to " + latest);
                }
                return log.versions(asOf.version(), asOf.version()).get(0);
            case TIMESTAMP:
                TableVersion current = null;
                for (TableVersion version : log.versions(log.earliestVersion(), latest)) {
                    if (!version.committedAt().isAfter(asOf.timestamp())) {
                        current = version;
                    }
                }
                if (current == null) {
                    throw new IllegalArgumentException(address + " had no version yet at " + asOf.timestamp()
                            + ": its first readable version was committed later");
                }
                return current;
            case REFERENCE:
                throw new IllegalArgumentException(address + ": Delta tables have no tags or branches ('"
                        + asOf.reference() + "'); give a version number or an instant");
            default:
                return log.versions(latest, latest).get(0);
        }
    }

    @Override
    public StreamSchema schema(TableVersion version) {
        return DeltaSchemas.toSiddhi(address.name(), snapshot(version.id()).getSchema());
    }

    @Override
    public Stream<Object[]> rows(TableVersion version) {
        Snapshot snapshot = snapshot(version.id());
        DeltaSchemas.toSiddhi(address.name(), snapshot.getSchema()); // refuses column types without a counterpart
        DeltaRowCursor cursor = new DeltaRowCursor(engine, DeltaScanFiles.of(engine, snapshot), 0, 0);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED), false)
                .onClose(cursor::close);
    }

    /** The snapshot of {@code version}, which {@link #resolve} returned. */
    Snapshot snapshot(long version) {
        try {
            return table.getSnapshotAsOfVersion(engine, version);
        } catch (TableNotFoundException e) {
            throw notFound(e);
        }
    }

    /** The number of the table's latest version. */
    long latestVersion() {
        return latest().getVersion();
    }

    private Snapshot latest() {
        try {
            return table.getLatestSnapshot(engine);
        } catch (TableNotFoundException e) {
            throw notFound(e);
        }
    }

    private IllegalArgumentException notFound(TableNotFoundException e) {
        return new IllegalArgumentException("there is no Delta table at '" + address.name() + "' (no _delta_log"
                + " with commits there)", e);
    }

    /** See {@link DeltaCompaction}. */
    @Override
    public Compaction compact() {
        DeltaCompaction.Result result = new DeltaCompaction(engine, table).run();
        return new Compaction(result.filesRewritten(), result.filesWritten(),
                result.version() < 0 ? null : resolve(AsOf.version(result.version())));
    }

    /** See {@link DeltaExpiry}. */
    @Override
    public Expiry expire(Instant olderThan) {
        return new DeltaExpiry(this, table).run(olderThan);
    }

    @Override
    public void close() {
        // the default engine holds no resources of its own; Hadoop's file systems are cached per JVM
    }
}
