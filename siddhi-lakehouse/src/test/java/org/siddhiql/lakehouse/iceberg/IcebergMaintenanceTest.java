package org.siddhiql.lakehouse.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.deletes.EqualityDeleteWriter;
import org.apache.iceberg.deletes.PositionDelete;
import org.apache.iceberg.deletes.PositionDeleteWriter;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.lakehouse.AsOf;
import org.siddhiql.lakehouse.Compaction;
import org.siddhiql.lakehouse.Expiry;

class IcebergMaintenanceTest {
    private static final Schema TRADES = IcebergSchemas.toIceberg(new StreamSchema("Trades",
            List.of("symbol", "price"), List.of(AttributeType.STRING, AttributeType.DOUBLE)), Set.of());

    @TempDir
    Path warehouse;

    private Map<String, String> options() {
        return Map.of("warehouse", warehouse.toString());
    }

    private Table create(PartitionSpec spec) {
        Catalog catalog = IcebergCatalogs.loader(options()).loadCatalog();
        return catalog.createTable(TableIdentifier.parse("db.trades"), TRADES, spec);
    }

    @Test
    void compactionRewritesEachPartitionsSmallFilesIntoOne() throws Exception {
        Table table = create(PartitionSpec.builderFor(TRADES).identity("symbol").build());
        TableCommits.append(table, new Object[][] {{"IBM", 1.0}, {"IBM", 2.0}});
        TableCommits.append(table, new Object[][] {{"IBM", 3.0}});
        TableCommits.append(table, new Object[][] {{"IBM", 4.0}});
        TableCommits.append(table, new Object[][] {{"WSO2", 5.0}});
        try (IcebergTable read = IcebergTable.open("db.trades", options())) {
            Set<List<Object>> before = rows(read);
            Compaction compaction = read.compact();
            assertEquals(3, compaction.filesRewritten());
            assertEquals(1, compaction.filesWritten());
            assertEquals("replace", compaction.version().operation());
            assertEquals(before, rows(read));
            assertEquals(Set.of(List.of("IBM", 1.0), List.of("IBM", 2.0), List.of("IBM", 3.0), List.of("IBM", 4.0),
                    List.of("WSO2", 5.0)), before);
            assertEquals(List.of(4L, 1L), recordsPerFile(read.table()));
            // nothing left to do: each partition has one file
            assertEquals(new Compaction(0, 0, null), read.compact());
        }
    }

    @Test
    void compactionLeavesOutTheRowsDeleteFilesDelete() throws Exception {
        Table table = create(PartitionSpec.unpartitioned());
        TableCommits.append(table, new Object[][] {{"IBM", 1.0}, {"WSO2", 2.0}});
        TableCommits.append(table, new Object[][] {{"IBM", 3.0}, {"ORCL", 4.0}});
        // an upsert sink's delete of every IBM row: an equality delete on symbol
        Schema key = TRADES.select("symbol");
        EqualityDeleteWriter<Record> deletes = new GenericAppenderFactory(TRADES, table.spec(),
                new int[] {TRADES.findField("symbol").fieldId()}, key, null)
                .newEqDeleteWriter(table.encryption().encrypt(table.io().newOutputFile(
                        table.location() + "/data/delete-ibm.parquet")), FileFormat.PARQUET, null);
        try (deletes) {
            deletes.write(GenericRecord.create(key).copy("symbol", "IBM"));
        }
        table.newRowDelta().addDeletes(deletes.toDeleteFile()).commit();
        try (IcebergTable read = IcebergTable.open("db.trades", options())) {
            assertEquals(Set.of(List.of("WSO2", 2.0), List.of("ORCL", 4.0)), rows(read));
            Compaction compaction = read.compact();
            assertEquals(2, compaction.filesRewritten());
            assertEquals(1, compaction.filesWritten());
            assertEquals(Set.of(List.of("WSO2", 2.0), List.of("ORCL", 4.0)), rows(read));
            assertEquals(List.of(2L), recordsPerFile(read.table()));
        }
    }

    @Test
    void compactionLeavesOutTheRowsPositionDeletesDelete() throws Exception {
        Table table = create(PartitionSpec.unpartitioned());
        DataFile first = TableCommits.dataFile(table, new Object[][] {{"IBM", 1.0}, {"WSO2", 2.0}});
        table.newAppend().appendFile(first).commit();
        TableCommits.append(table, new Object[][] {{"ORCL", 3.0}});
        PositionDeleteWriter<Record> deletes = new GenericAppenderFactory(TRADES, table.spec())
                .newPosDeleteWriter(table.encryption().encrypt(table.io().newOutputFile(
                        table.location() + "/data/delete-first-row.parquet")), FileFormat.PARQUET, null);
        try (deletes) {
            deletes.write(PositionDelete.<Record>create().set(first.location(), 0L));
        }
        table.newRowDelta().addDeletes(deletes.toDeleteFile()).commit();
        try (IcebergTable read = IcebergTable.open("db.trades", options())) {
            assertEquals(Set.of(List.of("WSO2", 2.0), List.of("ORCL", 3.0)), rows(read));
            Compaction compaction = read.compact();
            assertEquals(2, compaction.filesRewritten());
            assertEquals(1, compaction.filesWritten());
            assertEquals(Set.of(List.of("WSO2", 2.0), List.of("ORCL", 3.0)), rows(read));
            assertEquals(List.of(2L), recordsPerFile(read.table()));
        }
    }

    @Test
    void expiryKeepsTheCurrentSnapshotAndTheLastOfEachFlinkSink() throws Exception {
        Table table = create(PartitionSpec.unpartitioned());
        long a1 = TableCommits.append(table, new Object[][] {{"IBM", 1.0}}, "flink.job-id", "job-a",
                "flink.operator-id", "sink", "flink.max-committed-checkpoint-id", "1");
        long a2 = TableCommits.append(table, new Object[][] {{"IBM", 2.0}}, "flink.job-id", "job-a",
                "flink.operator-id", "sink", "flink.max-committed-checkpoint-id", "2");
        long b1 = TableCommits.append(table, new Object[][] {{"WSO2", 3.0}}, "flink.job-id", "job-b",
                "flink.operator-id", "sink", "flink.max-committed-checkpoint-id", "1");
        long other = TableCommits.append(table, new Object[][] {{"ORCL", 4.0}});
        long tagged = TableCommits.append(table, new Object[][] {{"ORCL", 5.0}});
        table.manageSnapshots().createTag("release", tagged).commit();
        long current = TableCommits.append(table, new Object[][] {{"ORCL", 6.0}});
        try (IcebergTable read = IcebergTable.open("db.trades", options())) {
            Expiry expiry = read.expire(Instant.now().plusSeconds(60));
            assertEquals(new Expiry(List.of(a1, other), List.of(a2, b1)), expiry);
            assertEquals(List.of(a2, b1, tagged, current),
                    read.history().stream().map(v -> v.id()).collect(Collectors.toList()));
            assertEquals(Set.of(List.of("IBM", 1.0), List.of("IBM", 2.0), List.of("WSO2", 3.0), List.of("ORCL", 4.0),
                    List.of("ORCL", 5.0), List.of("ORCL", 6.0)), rows(read));
            // nothing older than the first commit
            assertEquals(new Expiry(List.of(), List.of()), read.expire(Instant.EPOCH));
        }
    }

    @Test
    void anEmptyTableHasNothingToDo() {
        create(PartitionSpec.unpartitioned());
        try (IcebergTable read = IcebergTable.open("db.trades", options())) {
            assertNull(read.compact().version());
            assertEquals(new Expiry(List.of(), List.of()), read.expire(Instant.now()));
        }
    }

    private static Set<List<Object>> rows(IcebergTable table) {
        try (Stream<Object[]> rows = table.rows(table.resolve(AsOf.latest()))) {
            return rows.map(List::of).collect(Collectors.toSet());
        }
    }

    /** Record counts of the current snapshot's data files, largest first. */
    private static List<Long> recordsPerFile(Table table) throws Exception {
        table.refresh();
        try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
            return StreamSupport.stream(tasks.spliterator(), false).map(t -> t.file().recordCount())
                    .sorted((a, b) -> Long.compare(b, a)).collect(Collectors.toList());
        }
    }
}
