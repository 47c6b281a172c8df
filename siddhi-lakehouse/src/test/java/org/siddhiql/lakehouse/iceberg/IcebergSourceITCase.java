package org.siddhiql.lakehouse.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.metrics.ScanReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.event.Event;

class IcebergSourceITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static final Schema TRADES = IcebergSchemas.toIceberg(new StreamSchema("Trades",
            List.of("symbol", "price", "volume"), List.of(AttributeType.STRING, AttributeType.DOUBLE,
                    AttributeType.LONG)), Set.of());

    @TempDir
    Path warehouse;

    private Table create(Map<String, String> options, PartitionSpec spec) {
        return IcebergCatalogs.loader(options).loadCatalog().createTable(TableIdentifier.parse("db.trades"), TRADES,
                spec);
    }

    private String app(Map<String, String> options, String sourceOptions, String queries) {
        return "@app:name('Trades')\n"
                + "@source(type='iceberg', table='db.trades', " + AppRuns.options(options) + sourceOptions + ")\n"
                + "define stream Trades (symbol string, price double, volume long);\n"
                + "define stream Out (symbol string, price double);\n"
                + queries;
    }

    @Test
    void theQueriesFilterSkipsTheFilesItExcludes() throws Exception {
        Map<String, String> options = Map.of("warehouse", warehouse.toString(),
                "optional.configuration", "metrics-reporter-impl:" + ScanReports.class.getName());
        Table table = create(options, PartitionSpec.builderFor(TRADES).identity("symbol").build());
        TableCommits.append(table, new Object[][] {{"IBM", 75.5, 100L}, {"IBM", 9.5, 10L}});
        TableCommits.append(table, new Object[][] {{"WSO2", 57.0, 20L}});
        TableCommits.append(table, new Object[][] {{"ORCL", 12.25, 7L}});
        TableCommits.append(table, new Object[][] {{"IBM", 80.0, 5L}});
        ScanReports.clear();

        List<List<Object>> out = AppRuns.run(app(options, "",
                "from Trades[symbol == 'IBM' and price > 10] select symbol, price insert into Out;\n"), "Out");
        assertEquals(List.of(List.of("IBM", 75.5), List.of("IBM", 80.0)), IcebergTimeTravelITCase.sorted(out));
        // the two IBM files are read; the WSO2 and ORCL files are skipped by their partition values
        assertEquals(2, dataFilesRead());

        out = AppRuns.run(app(options, "", "from Trades select symbol, price insert into Out;\n"), "Out");
        assertEquals(5, out.size());
        assertEquals(4, dataFilesRead());
    }

    /** The data files the last scan planned to read; a source plans one scan in batch mode. */
    private static long dataFilesRead() {
        List<ScanReport> scans = ScanReports.all();
        ScanReports.clear();
        assertEquals(1, scans.size());
        return scans.get(0).scanMetrics().resultDataFiles().value();
    }

    @Test
    void aStreamingSourceEmitsTheRowsOfEachNewSnapshot() throws Exception {
        Map<String, String> options = Map.of("warehouse", warehouse.toString());
        Table table = create(options, PartitionSpec.unpartitioned());
        TableCommits.append(table, new Object[][] {{"IBM", 75.5, 100L}});
        try (CloseableIterator<Event> out = AppRuns.start(app(options, ", mode='streaming', monitor.interval='100'",
                "from Trades select symbol, price insert into Out;\n"), "Out")) {
            assertEquals(List.of("IBM", 75.5), List.of(out.next().data()));
            TableCommits.append(table, new Object[][] {{"WSO2", 57.0, 20L}, {"ORCL", 12.25, 7L}});
            List<List<Object>> next = new ArrayList<>();
            next.add(List.of(out.next().data()));
            next.add(List.of(out.next().data()));
            assertEquals(List.of(List.of("ORCL", 12.25), List.of("WSO2", 57.0)), IcebergTimeTravelITCase.sorted(next));
        }
    }

    @Test
    void aStreamingSourceStartsAtTheSnapshotItIsGiven() throws Exception {
        Map<String, String> options = Map.of("warehouse", warehouse.toString());
        Table table = create(options, PartitionSpec.unpartitioned());
        TableCommits.append(table, new Object[][] {{"IBM", 75.5, 100L}});
        long second = TableCommits.append(table, new Object[][] {{"WSO2", 57.0, 20L}});
        try (CloseableIterator<Event> out = AppRuns.start(app(options, ", mode='streaming', monitor.interval='100',"
                + " start.snapshot.id='" + second + "'", "from Trades select symbol, price insert into Out;\n"), "Out")) {
            assertEquals(List.of("WSO2", 57.0), List.of(out.next().data()));
            TableCommits.append(table, new Object[][] {{"ORCL", 12.25, 7L}});
            assertEquals(List.of("ORCL", 12.25), List.of(out.next().data()));
        }
    }

    @Test
    void aStreamingSourceFollowsItsBranch() throws Exception {
        Map<String, String> options = Map.of("warehouse", warehouse.toString());
        Table table = create(options, PartitionSpec.unpartitioned());
        long first = TableCommits.append(table, new Object[][] {{"IBM", 75.5, 100L}});
        table.manageSnapshots().createBranch("audit", first).commit();
        try (CloseableIterator<Event> out = AppRuns.start(app(options, ", mode='streaming', monitor.interval='100',"
                + " branch='audit'", "from Trades select symbol, price insert into Out;\n"), "Out")) {
            assertEquals(List.of("IBM", 75.5), List.of(out.next().data()));
            // a commit to main is not on the branch; the one after it, to the branch, is
            TableCommits.append(table, new Object[][] {{"WSO2", 57.0, 20L}});
            table.newAppend().appendFile(TableCommits.dataFile(table, new Object[][] {{"ORCL", 12.25, 7L}}))
                    .toBranch("audit").commit();
            assertEquals(List.of("ORCL", 12.25), List.of(out.next().data()));
        }
    }

    @Test
    void anAttributeWithoutAColumnOfItsTypeIsNamed() {
        Map<String, String> options = Map.of("warehouse", warehouse.toString());
        create(options, PartitionSpec.unpartitioned());
        String wrongType = "@source(type='iceberg', table='db.trades', warehouse='" + warehouse + "')\n"
                + "define stream Trades (symbol string, price float);\n"
                + "define stream Out (symbol string, price float);\n"
                + "from Trades select symbol, price insert into Out;\n";
        assertEquals("1:1: @source of stream 'Trades': attribute 'price' is float but column 'price' of Iceberg table"
                + " 'db.trades' is double: declare the attribute as double",
                assertThrows(CompileException.class, () -> AppRuns.run(wrongType, "Out")).getMessage());
        String missing = wrongType.replace("price float", "bid double");
        assertEquals("1:1: @source of stream 'Trades': attribute 'bid' is not a column of Iceberg table 'db.trades',"
                + " which has symbol, price, volume",
                assertThrows(CompileException.class, () -> AppRuns.run(missing.replace("symbol, price", "symbol, bid"),
                        "Out")).getMessage());
        String noTable = wrongType.replace("db.trades", "db.quotes");
        assertEquals("1:1: @source of stream 'Trades': Iceberg table 'db.quotes' does not exist in catalog siddhi",
                assertThrows(CompileException.class, () -> AppRuns.run(noTable, "Out")).getMessage());
    }

    @Test
    void aSnapshotThatDoesNotExistIsNamed() throws Exception {
        Map<String, String> options = Map.of("warehouse", warehouse.toString());
        TableCommits.append(create(options, PartitionSpec.unpartitioned()), new Object[][] {{"IBM", 75.5, 100L}});
        String query = "from Trades select symbol, price insert into Out;\n";
        assertEquals("2:1: @source of stream 'Trades': iceberg:db.trades has no snapshot 42",
                assertThrows(CompileException.class, () -> AppRuns.run(app(options, ", snapshot.id='42'", query),
                        "Out")).getMessage());
        assertEquals("2:1: @source of stream 'Trades': iceberg:db.trades has no tag or branch 'v1'",
                assertThrows(CompileException.class, () -> AppRuns.run(app(options, ", tag='v1'", query),
                        "Out")).getMessage());
        assertEquals("2:1: @source of stream 'Trades': iceberg:db.trades had no snapshot yet at"
                + " 2020-01-01T00:00:00Z", assertThrows(CompileException.class, () -> AppRuns.run(app(options,
                        ", as.of.timestamp='2020-01-01T00:00:00Z'", query), "Out")).getMessage());
    }
}
