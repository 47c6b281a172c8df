package org.siddhiql.lakehouse.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableUtil;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.connectors.ConnectedApp;
import org.siddhiql.lakehouse.AsOf;
import org.siddhiql.lakehouse.TableVersion;
import org.siddhiql.testing.s3.S3Server;
import org.siddhiql.testing.s3.S3ServerExtension;

/**
 * SiddhiQL apps writing Iceberg tables through {@code @sink(type='iceberg')}, as a user runs them (compiler,
 * {@link ConnectedApp}, a MiniCluster), read back with {@link IcebergTable}. The jobs refuse Kryo as the CLI's do.
 */
class IcebergSinkITCase {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    @RegisterExtension
    static final S3ServerExtension S3 = new S3ServerExtension();

    @TempDir
    Path dir;

    /** Trades from a CSV file, their turnover (price * volume) to the table; {@code sink} holds the sink options. */
    private String app(String input, String sink, String totals) {
        return "@app:name('Turnover')\n"
                + "@source(type='file', file.uri='" + input + "', tailing='false', @map(type='csv'))\n"
                + "define stream Trades (symbol string, price double, volume long);\n"
                + sink + "\n"
                + "define stream Totals (" + totals + ");\n"
                + "from Trades[volume > 0] select symbol, price * volume as turnover"
                + (totals.contains("volume") ? ", volume" : "") + " insert into Totals;\n";
    }

    private static final String TOTALS = "symbol string, turnover double, volume long";

    private String hadoopSink(String more) {
        return "@sink(type='iceberg', table='db.totals', warehouse='" + dir.resolve("warehouse") + "'" + more + ")";
    }

    private Map<String, String> hadoopCatalog() {
        return Map.of("warehouse", dir.resolve("warehouse").toString());
    }

    private Path csv(String name, String lines) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static StreamExecutionEnvironment environment(int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(parallelism);
        env.getConfig().disableGenericTypes(); // as bin/siddhi's jobs: a Kryo fallback would fail here
        return env;
    }

    private static void run(String app, int parallelism) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        ConnectedApp.addTo(env, new AppCompiler().compile(app), parallelism);
        env.execute();
    }

    /** The table's rows at its latest snapshot, sorted, as lists. */
    private static List<List<Object>> rows(String table, Map<String, String> catalog) {
        try (IcebergTable read = IcebergTable.open(table, catalog)) {
            return rows(read, read.resolve(AsOf.latest()));
        }
    }

    private static List<List<Object>> rows(IcebergTable table, TableVersion version) {
        try (Stream<Object[]> rows = table.rows(version)) {
            return rows.map(row -> new ArrayList<>(Arrays.asList(row)))
                    .sorted(Comparator.comparing(Object::toString))
                    .collect(Collectors.toList());
        }
    }

    @Test
    void appendsTheStreamsEventsAsRowsOfANewTable() throws Exception {
        Path trades = csv("trades.csv", "IBM,10.5,2\nORCL,4.0,0\nMSFT,2.25,4\nIBM,1.0,3\nSAP,3.0,1\n");
        run(app(trades.toString(), hadoopSink(""), TOTALS), 2);

        assertEquals(List.of(List.of("IBM", 21.0, 2L), List.of("IBM", 3.0, 3L), List.of("MSFT", 9.0, 4L),
                List.of("SAP", 3.0, 1L)), rows("db.totals", hadoopCatalog()));
        try (IcebergTable table = IcebergTable.open("db.totals", hadoopCatalog())) {
            assertEquals("table {\n  1: symbol: optional string\n  2: turnover: optional double\n"
                    + "  3: volume: optional long\n}", table.table().schema().toString());
            assertEquals(2, TableUtil.formatVersion(table.table()));
            assertEquals(1, table.history().size()); // a bounded job commits once, when its input ends
        }
    }

    /**
     * As bin/siddhi runs an app over a file: checkpoints on and a bounded input, which Iceberg's sink would end with
     * its last rows uncommitted, so the job is refused where it is built.
     */
    @Test
    void aBoundedJobWithCheckpointsIsRefusedAsItWouldLoseItsLastRows() throws Exception {
        StreamExecutionEnvironment env = environment(1);
        env.enableCheckpointing(10_000);
        AppPlan plan = new AppCompiler().compile(app(csv("trades.csv", "IBM,10.5,2\n").toString(), hadoopSink(""),
                TOTALS));
        CompileException error = assertThrows(CompileException.class, () -> ConnectedApp.addTo(env, plan, 1));
        assertEquals("4:1: @sink of stream 'Totals' (type 'iceberg'): its input is bounded and the job checkpoints,"
                + " and then Iceberg's Flink sink leaves the rows after the last checkpoint uncommitted when the input"
                + " ends; read the input as a stream (such as a watched directory, dir.polling.interval) or replay"
                + " it in batch", error.getMessage());
    }

    /** A watched directory with checkpoints: each file read becomes visible in the snapshot of the next checkpoint. */
    @Test
    void commitsWhatEachCheckpointWrote() throws Exception {
        Path input = Files.createDirectory(dir.resolve("in"));
        StreamExecutionEnvironment env = environment(1);
        env.enableCheckpointing(200);
        String app = "@app:name('Live')\n"
                + "@source(type='file', dir.uri='" + input + "', dir.polling.interval='100', tailing='false',"
                + " @map(type='csv'))\n"
                + "define stream Trades (symbol string, price double, volume long);\n"
                + hadoopSink("") + "\n"
                + "define stream Totals (" + TOTALS + ");\n"
                + "from Trades select symbol, price * volume as turnover, volume insert into Totals;\n";
        ConnectedApp.addTo(env, new AppCompiler().compile(app), 1);
        JobClient job = env.executeAsync();
        try {
            put(input, "a.csv", "A,1.5,2\nB,1.0,1\n");
            awaitRows("db.totals", 2);
            put(input, "b.csv", "C,2.0,5\n");
            awaitRows("db.totals", 3);
        } finally {
            job.cancel().get();
        }
        try (IcebergTable table = IcebergTable.open("db.totals", hadoopCatalog())) {
            List<TableVersion> appends = table.history().stream()
                    .filter(version -> !version.summary().getOrDefault("added-records", "0").equals("0"))
                    .collect(Collectors.toList());
            assertEquals(2, appends.size());
            assertEquals(List.of(List.of("A", 3.0, 2L), List.of("B", 1.0, 1L)), rows(table, appends.get(0)));
            assertEquals(List.of(List.of("A", 3.0, 2L), List.of("B", 1.0, 1L), List.of("C", 10.0, 5L)),
                    rows(table, appends.get(1)));
            for (TableVersion version : table.history()) {
                assertEquals("append", version.operation());
            }
        }
    }

    /** Writes a file where the watching source sees it only whole: hidden while written, then renamed. */
    private static void put(Path directory, String name, String lines) throws Exception {
        Path hidden = Files.writeString(directory.resolve("." + name), lines, StandardCharsets.UTF_8);
        Files.move(hidden, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private void awaitRows(String table, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            try (IcebergTable read = IcebergTable.open(table, hadoopCatalog())) {
                if (read.table().currentSnapshot() != null && rows(read, read.resolve(AsOf.latest())).size() >= count) {
                    return;
                }
            } catch (IllegalArgumentException notYetCreated) {
                // the job creates the table when it is built, so this does not last
            }
            Thread.sleep(100);
        }
        throw new AssertionError(table + " did not reach " + count + " rows within " + TIMEOUT);
    }

    @Test
    void aPrimaryKeyMakesTheSinkKeepTheLastRowOfEachKey() throws Exception {
        String sink = "@primaryKey('symbol')\n" + hadoopSink("");
        run(app(csv("one.csv", "IBM,10.0,1\nORCL,4.0,2\nIBM,11.0,1\n").toString(), sink, TOTALS), 1);
        assertEquals(List.of(List.of("IBM", 11.0, 1L), List.of("ORCL", 8.0, 2L)), rows("db.totals", hadoopCatalog()));

        run(app(csv("two.csv", "ORCL,5.0,2\nSAP,1.0,1\n").toString(), sink, TOTALS), 1);
        assertEquals(List.of(List.of("IBM", 11.0, 1L), List.of("ORCL", 10.0, 2L), List.of("SAP", 1.0, 1L)),
                rows("db.totals", hadoopCatalog()));
        try (IcebergTable table = IcebergTable.open("db.totals", hadoopCatalog())) {
            assertEquals(java.util.Set.of("symbol"), table.table().schema().identifierFieldNames());
            assertEquals("overwrite", table.history().get(1).operation()); // rows and equality deletes
        }
    }

    @Test
    void aStreamsNewAttributesBecomeNewColumns() throws Exception {
        run(app(csv("old.csv", "IBM,10.0,1\n").toString(), hadoopSink(""), "symbol string, turnover double"), 1);
        run(app(csv("new.csv", "SAP,2.0,3\n").toString(), hadoopSink(""), TOTALS), 1);

        assertEquals(List.of(Arrays.asList("IBM", 10.0, null), List.of("SAP", 6.0, 3L)),
                rows("db.totals", hadoopCatalog()));

        String mismatch = app(csv("bad.csv", "X,1.0,1\n").toString(), hadoopSink(""),
                "symbol string, turnover float, volume long");
        CompileException error = assertThrows(CompileException.class, () -> run(mismatch.replace(
                "price * volume as turnover", "convert(price * volume, 'float') as turnover"), 1));
        assertEquals("4:1: @sink of stream 'Totals' (type 'iceberg', table 'db.totals'): column 'turnover' of"
                + " Iceberg table siddhi.db.totals is double, but attribute 'turnover' of stream 'Totals' is float"
                + " (Iceberg float)", error.getMessage());
    }

    @Test
    void partitionsByTheNamedAttributes() throws Exception {
        run(app(csv("trades.csv", "IBM,10.0,1\nIBM,1.0,3\nSAP,2.0,3\n").toString(),
                hadoopSink(", partition.by='symbol, bucket[4](volume)', write.format='orc'"), TOTALS), 1);

        try (IcebergTable table = IcebergTable.open("db.totals", hadoopCatalog())) {
            assertEquals("[\n  1000: symbol: identity(1)\n  1001: volume_bucket: bucket[4](3)\n]",
                    table.table().spec().toString());
            assertEquals(List.of("symbol=IBM/volume_bucket=0.orc", "symbol=IBM/volume_bucket=3.orc",
                    "symbol=SAP/volume_bucket=3.orc"), dataFiles(table.table()));
        }
        assertEquals(List.of(List.of("IBM", 10.0, 1L), List.of("IBM", 3.0, 3L), List.of("SAP", 6.0, 3L)),
                rows("db.totals", hadoopCatalog()));
    }

    /** The partition and format of each data file: {@code symbol=IBM/volume_bucket=0.orc}. */
    private static List<String> dataFiles(Table table) throws Exception {
        List<String> files = new ArrayList<>();
        try (CloseableIterable<FileScanTask> tasks = table.newScan().planFiles()) {
            for (FileScanTask task : tasks) {
                DataFile file = task.file();
                files.add(table.spec().partitionToPath(file.partition()) + "." + file.format().name()
                        .toLowerCase(Locale.ROOT));
            }
        }
        files.sort(null);
        return files;
    }

    @Test
    void aJdbcCatalogInAnH2Database() throws Exception {
        String uri = "jdbc:h2:file:" + dir.resolve("catalog");
        String sink = "@sink(type='iceberg', catalog.type='jdbc', uri='" + uri + "', jdbc.user='sa',"
                + " jdbc.password='', warehouse='" + dir.resolve("jdbc-warehouse") + "', table='db.totals')";
        run(app(csv("trades.csv", "IBM,10.0,1\nSAP,2.0,3\n").toString(), sink, TOTALS), 1);

        Map<String, String> catalog = Map.of("catalog.type", "jdbc", "uri", uri, "jdbc.user", "sa",
                "jdbc.password", "", "warehouse", dir.resolve("jdbc-warehouse").toString());
        assertEquals(List.of(List.of("IBM", 10.0, 1L), List.of("SAP", 6.0, 3L)), rows("db.totals", catalog));
    }

    @Test
    void aWarehouseOnS3() throws Exception {
        S3.createBucket("lake");
        String uri = "jdbc:h2:file:" + dir.resolve("s3-catalog");
        String storage = "endpoint='" + S3.endpoint() + "', path.style.access='true', aws.access.key='"
                + S3Server.ACCESS_KEY + "', aws.secret.key='" + S3Server.SECRET_KEY + "'";
        String sink = "@sink(type='iceberg', catalog.type='jdbc', uri='" + uri + "', warehouse='s3://lake/wh',"
                + " table='db.totals', " + storage + ")";
        run(app(csv("trades.csv", "IBM,10.0,1\nSAP,2.0,3\n").toString(), sink, TOTALS), 1);

        Map<String, String> catalog = new HashMap<>(Map.of("catalog.type", "jdbc", "uri", uri,
                "warehouse", "s3://lake/wh", "endpoint", S3.endpoint().toString(), "path.style.access", "true",
                "aws.access.key", S3Server.ACCESS_KEY, "aws.secret.key", S3Server.SECRET_KEY));
        assertEquals(List.of(List.of("IBM", 10.0, 1L), List.of("SAP", 6.0, 3L)), rows("db.totals", catalog));
        try (var s3 = S3.client()) {
            long parquet = s3.listObjectsV2(r -> r.bucket("lake").prefix("wh/db/totals/data/")).contents().stream()
                    .filter(object -> object.key().endsWith(".parquet")).count();
            assertEquals(1, parquet);
        }
    }
}
