package org.siddhiql.lakehouse.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.lakehouse.AsOf;
import org.siddhiql.lakehouse.TableVersion;

class IcebergTableTest {
    private static final StreamSchema TRADES = new StreamSchema("Trades", List.of("symbol", "price", "volume"),
            List.of(AttributeType.STRING, AttributeType.DOUBLE, AttributeType.LONG));

    @TempDir
    Path warehouse;

    @Test
    void readsEachSnapshotAsCommitted() throws Exception {
        Map<String, String> options = Map.of("warehouse", warehouse.toString());
        Catalog catalog = IcebergCatalogs.loader(options).loadCatalog();
        Table table = catalog.createTable(TableIdentifier.parse("db.trades"), IcebergSchemas.toIceberg(TRADES, Set.of()),
                PartitionSpec.unpartitioned());
        append(table, "a", new Object[] {"IBM", 75.5, 100L});
        append(table, "b", new Object[] {"WSO2", 57.0, 10L}, new Object[] {"ORCL", 12.25, 7L});

        try (IcebergTable read = IcebergTable.open("db.trades", options)) {
            List<TableVersion> history = read.history();
            assertEquals(2, history.size());
            assertEquals(TRADES.renamed("db.trades"), read.schema(history.get(0)));
            assertEquals(Set.of(List.of("IBM", 75.5, 100L)), rows(read, history.get(0)));
            assertEquals(Set.of(List.of("IBM", 75.5, 100L), List.of("WSO2", 57.0, 10L), List.of("ORCL", 12.25, 7L)),
                    rows(read, read.resolve(AsOf.latest())));
            assertEquals(history.get(0), read.resolve(AsOf.version(history.get(0).id())));
            assertEquals(history.get(0), read.resolve(AsOf.timestamp(history.get(0).committedAt())));
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> read.resolve(AsOf.version(42)));
            assertEquals("iceberg:db.trades has no snapshot 42", unknown.getMessage());
        }
    }

    private static Set<List<Object>> rows(IcebergTable table, TableVersion version) {
        try (Stream<Object[]> rows = table.rows(version)) {
            return rows.map(List::of).collect(Collectors.toSet());
        }
    }

    private static void append(Table table, String file, Object[]... rows) throws Exception {
        OutputFile out = table.io().newOutputFile(table.location() + "/data/" + file + ".parquet");
        DataWriter<Record> writer = new GenericAppenderFactory(table.schema())
                .newDataWriter(table.encryption().encrypt(out), FileFormat.PARQUET, null);
        try (writer) {
            for (Object[] values : rows) {
                Record record = GenericRecord.create(table.schema());
                for (int i = 0; i < values.length; i++) {
                    record.set(i, values[i]);
                }
                writer.write(record);
            }
        }
        DataFile dataFile = writer.toDataFile();
        table.newAppend().appendFile(dataFile).commit();
    }
}
