package org.siddhiql.benchmarks;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
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
import org.siddhiql.cli.SiddhiCli;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.lakehouse.iceberg.IcebergCatalogs;
import org.siddhiql.lakehouse.iceberg.IcebergSchemas;
import picocli.CommandLine;

/**
 * Replay against live on the same events, in one run: rows/s writing the events into an Iceberg table with Iceberg's
 * generic Parquet writer; rows/s landing them from that table into a new Iceberg table and a new Delta table through
 * our sinks ({@code replay --sinks} of a copying app: read, sort, the app, the sink, one commit at the end); then per
 * app events/s of {@code bin/siddhi run --events} (the live path, over an events
 * file) and of {@code bin/siddhi replay} from the table, both in-process and timed end to end (reading the input,
 * the job on a local MiniCluster, writing the outputs), and a check that both wrote the same outputs. Not a test: see
 * this module's README.
 */
public final class ReplayBenchmark {
    private static final String STREAM = "define stream S (symbol string, price double, volume long, ts long);\n";
    private static final Map<String, String> APPS = Map.of(
            "window group-by", STREAM + "@info(name='totals')\n"
                    + "from S#window.length(100) select symbol, sum(volume) as total group by symbol "
                    + "insert into Totals;\n",
            "pattern within", STREAM + "@info(name='drops')\n"
                    + "from every e1=S[price > 95.0] -> e2=S[symbol == e1.symbol and price < e1.price] within 1 sec\n"
                    + "select e1.symbol as symbol, e1.price as high, e2.price as low insert into Drops;\n");
    private static final int SYMBOLS = 100;
    private static final int COMMITS = 4;

    private ReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("benchmark.events", 200_000);
        int rounds = Integer.getInteger("benchmark.rounds", 2);
        TempWork.in("replay-benchmark", work -> run(events, rounds, work));
    }

    private static void run(int events, int rounds, Path work) throws Exception {
        List<Object[]> rows = generate(events);
        Path eventsFile = work.resolve("events.jsonl");
        writeEventsFile(rows, eventsFile);
        Path warehouse = work.resolve("warehouse");
        double written = writeTable(rows, warehouse);
        System.out.printf("events per run: %,d; best of %d rounds; parallelism 1; %d symbols%n%n", events, rounds,
                SYMBOLS);
        System.out.printf("Iceberg generic writer, Parquet, %d commits   %,12.0f rows/s%n", COMMITS, written);
        Path deltaTable = work.resolve("delta-s");
        for (String sink : List.of("type = 'iceberg', table = 'landed.s', warehouse = '" + warehouse + "'",
                "type = 'delta', path = '" + deltaTable + "'")) {
            Path appFile = Files.writeString(work.resolve("land.siddhi"), STREAM + "@sink(" + sink + ")\n"
                    + "define stream Landed (symbol string, price double, volume long, ts long);\n"
                    + "from S select * insert into Landed;\n");
            double landed = events / seconds(() -> cli("replay", appFile.toString(), "--from", "S=iceberg:db.s",
                    "--event-time", "ts", "--option", "warehouse=" + warehouse, "--sinks"));
            System.out.printf("%-42s %,12.0f rows/s%n", "landed through our " + sink.substring(8, sink.indexOf("'", 8))
                    + " sink (replay --sinks)", landed);
        }
        for (Map.Entry<String, String> app : new java.util.TreeMap<>(APPS).entrySet()) {
            Path appFile = Files.writeString(work.resolve("app.siddhi"), app.getValue());
            double live = 0;
            double replay = 0;
            for (int round = 0; round < rounds; round++) {
                live = Math.max(live, events / seconds(() -> cli("run", appFile.toString(), "--events",
                        eventsFile.toString(), "--out", work.resolve("live").toString())));
                replay = Math.max(replay, events / seconds(() -> cli("replay", appFile.toString(), "--from",
                        "S=iceberg:db.s", "--event-time", "ts", "--option", "warehouse=" + warehouse, "--out",
                        work.resolve("replay").toString())));
            }
            boolean same = sameFiles(work.resolve("live"), work.resolve("replay"));
            double fromDelta = 0;
            for (int round = 0; round < rounds; round++) {
                fromDelta = Math.max(fromDelta, events / seconds(() -> cli("replay", appFile.toString(), "--from",
                        "S=delta:" + deltaTable, "--event-time", "ts", "--out", work.resolve("replay-delta").toString())));
            }
            boolean sameFromDelta = sameFiles(work.resolve("live"), work.resolve("replay-delta"));
            System.out.printf("%s%n  run --events (live path)                 %,12.0f events/s%n"
                    + "  replay from the Iceberg table            %,12.0f events/s   outputs identical: %s%n"
                    + "  replay from the Delta table              %,12.0f events/s   outputs identical: %s%n",
                    app.getKey(), live, replay, same, fromDelta, sameFromDelta);
        }
    }

    /** Trades on {@link #SYMBOLS} symbols, 1 ms apart. */
    private static List<Object[]> generate(int count) {
        Random random = new Random(42);
        List<Object[]> rows = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            rows.add(new Object[] {"S" + random.nextInt(SYMBOLS), Math.round(random.nextDouble() * 10000) / 100.0,
                (long) random.nextInt(1000), 1_000_000L + i});
        }
        return rows;
    }

    private static void writeEventsFile(List<Object[]> rows, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (Object[] row : rows) {
                out.write("{\"stream\":\"S\",\"ts\":" + row[3] + ",\"data\":[\"" + row[0] + "\"," + row[1] + ","
                        + row[2] + "," + row[3] + "]}\n");
            }
        }
    }

    /** @return rows/s of writing {@code rows} into a new table in {@link #COMMITS} commits of one data file each */
    private static double writeTable(List<Object[]> rows, Path warehouse) throws IOException {
        Catalog catalog = IcebergCatalogs.loader(Map.of("warehouse", warehouse.toString())).loadCatalog();
        try {
            Table table = catalog.createTable(TableIdentifier.parse("db.s"),
                    IcebergSchemas.toIceberg(new AppCompiler().compile(STREAM).stream("S"), Set.of()),
                    PartitionSpec.unpartitioned());
            long start = System.nanoTime();
            int per = (rows.size() + COMMITS - 1) / COMMITS;
            for (int from = 0; from < rows.size(); from += per) {
                DataWriter<Record> writer = new GenericAppenderFactory(table.schema()).newDataWriter(
                        table.encryption().encrypt(table.io().newOutputFile(table.locationProvider()
                                .newDataLocation(FileFormat.PARQUET.addExtension(UUID.randomUUID().toString())))),
                        FileFormat.PARQUET, null);
                try (writer) {
                    Record record = GenericRecord.create(table.schema());
                    for (Object[] row : rows.subList(from, Math.min(rows.size(), from + per))) {
                        for (int i = 0; i < row.length; i++) {
                            record.set(i, row[i]);
                        }
                        writer.write(record);
                    }
                }
                DataFile file = writer.toDataFile();
                table.newAppend().appendFile(file).commit();
            }
            return rows.size() / ((System.nanoTime() - start) / 1e9);
        } finally {
            ((Closeable) catalog).close();
        }
    }

    private interface Timed {
        void run() throws Exception;
    }

    private static double seconds(Timed timed) throws Exception {
        long start = System.nanoTime();
        timed.run();
        return (System.nanoTime() - start) / 1e9;
    }

    private static void cli(String... args) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new SiddhiCli());
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", args) + " exited with " + exit + ": " + err);
        }
    }

    private static boolean sameFiles(Path a, Path b) throws IOException {
        try (var files = Files.list(a)) {
            for (Path file : files.toList()) {
                if (Files.mismatch(file, b.resolve(file.getFileName())) != -1) {
                    return false;
                }
            }
        }
        return true;
    }
}
