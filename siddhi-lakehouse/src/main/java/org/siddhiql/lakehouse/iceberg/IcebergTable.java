package org.siddhiql.lakehouse.iceberg;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.util.SnapshotUtil;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.lakehouse.AsOf;
import org.siddhiql.lakehouse.Compaction;
import org.siddhiql.lakehouse.Expiry;
import org.siddhiql.lakehouse.LakehouseTable;
import org.siddhiql.lakehouse.TableAddress;
import org.siddhiql.lakehouse.TableFormat;
import org.siddhiql.lakehouse.TableVersion;

/** An Iceberg table in a catalog, read at its snapshots. */
public final class IcebergTable implements LakehouseTable {
    private final Catalog catalog;
    private final Table table;
    private final TableAddress address;

    private IcebergTable(Catalog catalog, Table table, TableAddress address) {
        this.catalog = catalog;
        this.table = table;
        this.address = address;
    }

    /**
     * Opens table {@code identifier} ({@code namespace.table}) of the catalog the connector options name
     * ({@link IcebergCatalogs}).
     *
     * @throws IllegalArgumentException when the catalog has no such table
     */
    public static IcebergTable open(String identifier, Map<String, String> options) {
        Catalog catalog = IcebergCatalogs.loader(options).loadCatalog();
        try {
            Table table = catalog.loadTable(TableIdentifier.parse(identifier));
            return new IcebergTable(catalog, table, new TableAddress(TableFormat.ICEBERG, identifier, AsOf.latest()));
        } catch (NoSuchTableException e) {
            closeQuietly(catalog);
            throw new IllegalArgumentException("Iceberg table '" + identifier + "' does not exist in catalog "
                    + catalog.name(), e);
        }
    }

    /** The Iceberg table itself, for what only Iceberg can do (maintenance, scans with filters). */
    public Table table() {
        return table;
    }

    @Override
    public TableAddress address() {
        return address;
    }

    @Override
    public List<TableVersion> history() {
        return oldestFirst(table).stream().map(IcebergTable::version).collect(Collectors.toList());
    }

    /** Commit order: by sequence number, then (format v1 has none) commit time. */
    static final Comparator<Snapshot> COMMIT_ORDER = Comparator.comparingLong(Snapshot::sequenceNumber)
            .thenComparingLong(Snapshot::timestampMillis);

    static List<Snapshot> oldestFirst(Table table) {
        return StreamSupport.stream(table.snapshots().spliterator(), false)
                .sorted(COMMIT_ORDER)
                .collect(Collectors.toList());
    }

    @Override
    public TableVersion resolve(AsOf asOf) {
        Snapshot snapshot;
        switch (asOf.kind()) {
            case VERSION:
                snapshot = table.snapshot(asOf.version());
                if (snapshot == null) {
                    throw new IllegalArgumentException(address + " has no snapshot " + asOf.version());
                }
                break;
            case TIMESTAMP:
                Long id = SnapshotUtil.nullableSnapshotIdAsOfTime(table, asOf.timestamp().toEpochMilli());
                if (id == null) {
                    throw new IllegalArgumentException(address + " had no snapshot yet at " + asOf.timestamp());
                }
                snapshot = table.snapshot(id);
                break;
            case REFERENCE:
                SnapshotRef ref = table.refs().get(asOf.reference());
                if (ref == null) {
                    throw new IllegalArgumentException(address + " has no tag or branch '" + asOf.reference() + "'");
                }
                snapshot = table.snapshot(ref.snapshotId());
                break;
            default:
                snapshot = table.currentSnapshot();
                if (snapshot == null) {
                    throw new IllegalArgumentException(address + " has no snapshot: nothing was committed to it");
                }
        }
        return version(snapshot);
    }

    @Override
    public StreamSchema schema(TableVersion version) {
        return IcebergSchemas.toSiddhi(address.name(), icebergSchema(version));
    }

    @Override
    public Stream<Object[]> rows(TableVersion version) {
        Schema schema = icebergSchema(version);
        int width = schema.columns().size();
        CloseableIterable<Record> records = IcebergGenerics.read(table).useSnapshot(version.id()).build();
        return StreamSupport.stream(records.spliterator(), false)
                .map(record -> {
                    Object[] row = new Object[width];
                    for (int i = 0; i < width; i++) {
                        row[i] = record.get(i);
                    }
                    return row;
                })
                .onClose(() -> closeQuietly(records));
    }

    private Schema icebergSchema(TableVersion version) {
        Integer schemaId = table.snapshot(version.id()).schemaId();
        return schemaId == null ? table.schema() : table.schemas().get(schemaId);
    }

    static TableVersion version(Snapshot snapshot) {
        return new TableVersion(snapshot.snapshotId(), Instant.ofEpochMilli(snapshot.timestampMillis()),
                snapshot.operation() == null ? "unknown" : snapshot.operation(), snapshot.summary());
    }

    /** See {@link IcebergMaintenance#compact}. */
    @Override
    public Compaction compact() {
        return IcebergMaintenance.compact(table);
    }

    /** See {@link IcebergMaintenance#expire}. */
    @Override
    public Expiry expire(Instant olderThan) {
        return IcebergMaintenance.expire(table, olderThan);
    }

    @Override
    public void close() {
        closeQuietly(catalog);
    }

    private static void closeQuietly(Object resource) {
        if (resource instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
