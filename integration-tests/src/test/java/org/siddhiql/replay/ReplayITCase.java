package org.siddhiql.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.catalog.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.lakehouse.AsOf;
import org.siddhiql.lakehouse.iceberg.IcebergCatalogs;
import org.siddhiql.lakehouse.iceberg.IcebergTable;
import org.siddhiql.testing.s3.S3Server;
import org.siddhiql.testing.s3.S3ServerExtension;

/**
 * Replay equals live: each app under {@code replay/} runs live ({@code run --events}) over its events, the events
 * are landed in Iceberg tables (one per stream, three commits), and {@code replay} from the tables must write the
 * very same output files. A replay from the snapshots of the second commit must equal a live run over the events
 * committed by then. The same with Delta tables written by Kernel, and with Iceberg tables on S3.
 */
class ReplayITCase {
    private static final Path CASES = Path.of("src/test/resources/replay");
    private static final int COMMITS = 3;

    /** One MiniCluster for all runs: the CLI picks it up as the context environment. */
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4)
                    .build());

    @RegisterExtension
    static final S3ServerExtension S3 = new S3ServerExtension();

    @TempDir
    Path work;

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(CASES)) {
            return dirs.map(dir -> dir.getFileName().toString()).sorted().collect(Collectors.toList()).stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void replayEqualsLive(String name) throws Exception {
        checkReplayEqualsLive(name, Map.of("warehouse", work.resolve("warehouse").toString()), 1, 4);
    }

    /**
     * The same from the tables of a JDBC catalog whose files lie on S3 (s3proxy): the options reach the source task,
     * which opens the tables again.
     */
    @Test
    void replaysFromTablesOnS3() throws Exception {
        S3.createBucket("lake");
        checkReplayEqualsLive("absence", Map.of("catalog.type", "jdbc",
                "uri", "jdbc:h2:file:" + work.resolve("catalog"), "warehouse", "s3://lake/warehouse",
                "endpoint", S3.endpoint().toString(), "path.style.access", "true",
                "aws.access.key", S3Server.ACCESS_KEY, "aws.secret.key", S3Server.SECRET_KEY), 1);
    }

    private void checkReplayEqualsLive(String name, Map<String, String> options, int... parallelisms)
            throws Exception {
        Path app = CASES.resolve(name).resolve("app.siddhi");
        AppPlan plan = new AppCompiler().compile(Files.readString(app));
        List<JsonNode> events = EventTables.read(CASES.resolve(name).resolve("events.jsonl"));
        List<Map<String, Long>> snapshots = new ArrayList<>();
        Catalog catalog = IcebergCatalogs.loader(options).loadCatalog();
        try {
            EventTables tables = new EventTables(catalog, plan);
            for (int commit = 0; commit < COMMITS; commit++) {
                snapshots.add(tables.commit(events.subList(prefix(events, commit), prefix(events, commit + 1))));
            }
        } finally {
            ((Closeable) catalog).close(); // Hadoop and JDBC catalogs are
        }

        compare(name, events, snapshots, stream -> "iceberg:" + EventTables.tableName(stream), options, parallelisms);
    }

    /** The same from Delta tables, read at their latest version, then at that of the second commit. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void replaysFromDeltaTables(String name) throws Exception {
        List<JsonNode> events = EventTables.read(CASES.resolve(name).resolve("events.jsonl"));
        Path root = work.resolve("delta");
        DeltaEventTables tables = new DeltaEventTables(root,
                new AppCompiler().compile(Files.readString(CASES.resolve(name).resolve("app.siddhi"))));
        List<Map<String, Long>> versions = new ArrayList<>();
        for (int commit = 0; commit < COMMITS; commit++) {
            versions.add(tables.commit(events.subList(prefix(events, commit), prefix(events, commit + 1))));
        }
        compare(name, events, versions, stream -> DeltaEventTables.address(root, stream), Map.of(), 1);
    }

    /**
     * Live over all events against replay from the tables' latest versions, then live over the events of the first
     * two commits against replay at the versions of the second commit.
     *
     * @param versions each table's version after each commit
     * @param address the table address of a stream, without a version
     */
    private void compare(String name, List<JsonNode> events, List<Map<String, Long>> versions,
            Function<String, String> address, Map<String, String> options, int... parallelisms) throws Exception {
        Path app = CASES.resolve(name).resolve("app.siddhi");
        for (int parallelism : parallelisms) {
            Map<String, List<String>> live = live(app, events, "live-p" + parallelism, parallelism);
            assertTrue(live.values().stream().anyMatch(lines -> !lines.isEmpty()), name + ": no output at all");
            Map<String, List<String>> replay = replay(app, options, from(versions.get(COMMITS - 1), address, false),
                    "replay-p" + parallelism, parallelism);
            assertEquals(ordered(live, parallelism), ordered(replay, parallelism), name + " p=" + parallelism);
        }

        List<JsonNode> committedByTwo = events.subList(0, prefix(events, 2));
        assertEquals(live(app, committedByTwo, "live-prefix", 1),
                replay(app, options, from(versions.get(1), address, true), "replay-prefix", 1),
                name + " at the second commit");
    }

    /** The --from of each stream; with {@code pinned}, at the given version rather than the latest. */
    private static List<String> from(Map<String, Long> versions, Function<String, String> address, boolean pinned) {
        List<String> from = new ArrayList<>();
        versions.forEach((stream, version) -> from.add(stream + "=" + address.apply(stream)
                + (pinned ? "@" + version : "")));
        return from;
    }

    /**
     * Events of the same time on different streams are replayed in --from order, which must be the order they had
     * live for the outputs to agree; each stream may take its event time from an attribute of its own.
     */
    @Test
    void tiesFollowTheFromOrder() throws Exception {
        Path app = Files.writeString(work.resolve("ties.siddhi"), """
                define stream Orders (id string, placed long);
                define stream Payments (id string, paid long);
                @info(name = 'paidAtOnce')
                from every o=Orders -> p=Payments[id == o.id] within 1 sec
                select o.id, o.placed, p.paid
                insert into Paid;
                """);
        List<JsonNode> events = new ArrayList<>();
        for (String line : List.of(
                "{\"stream\":\"Orders\",\"ts\":1000,\"data\":[\"a\",1000]}",
                "{\"stream\":\"Payments\",\"ts\":1000,\"data\":[\"a\",1000]}",
                "{\"stream\":\"Orders\",\"ts\":2500,\"data\":[\"b\",2500]}",
                "{\"stream\":\"Orders\",\"ts\":3000,\"data\":[\"c\",3000]}",
                "{\"stream\":\"Payments\",\"ts\":3000,\"data\":[\"c\",3000]}",
                "{\"stream\":\"Payments\",\"ts\":3200,\"data\":[\"b\",3200]}")) {
            events.add(new ObjectMapper().readTree(line));
        }
        Path warehouse = work.resolve("warehouse");
        Catalog catalog = IcebergCatalogs.loader(Map.of("warehouse", warehouse.toString())).loadCatalog();
        try {
            new EventTables(catalog, new AppCompiler().compile(Files.readString(app))).commit(events);
        } finally {
            ((Closeable) catalog).close();
        }
        Map<String, List<String>> live = live(app, events, "live", 1);
        assertEquals(List.of("{\"ts\":1000,\"data\":[\"a\",1000,1000]}", "{\"ts\":3000,\"data\":[\"c\",3000,3000]}",
                "{\"ts\":3200,\"data\":[\"b\",2500,3200]}"), live.get("Paid.jsonl"));
        CliCall replay = CliCall.of("replay", app.toString(), "--from", "Orders=iceberg:db.orders",
                "--from", "Payments=iceberg:db.payments", "--event-time", "Orders.placed", "--event-time",
                "Payments.paid", "--option", "warehouse=" + warehouse, "--out", work.resolve("replay").toString());
        assertEquals(0, replay.exitCode(), replay.err());
        assertEquals(live, outputs(work.resolve("replay")));
    }

    /**
     * With {@code --sinks}, an output stream with an iceberg {@code @sink} goes to its table, committed when the
     * replay ends, and holds what the live run wrote to the stream's file.
     */
    @Test
    void writesOutputsToTheirTableSinks() throws Exception {
        Path warehouse = work.resolve("warehouse");
        Path app = Files.writeString(work.resolve("heavy.siddhi"), """
                define stream Trades (symbol string, price double, volume long, ts long);
                @sink(type = 'iceberg', table = 'out.heavy', warehouse = '%s')
                define stream Heavy (symbol string, total long, trades long);
                @info(name = 'heavySymbols')
                from Trades
                select symbol, sum(volume) as total, count() as trades
                group by symbol
                having total > 400
                insert into Heavy;
                """.formatted(warehouse));
        List<JsonNode> events = EventTables.read(CASES.resolve("group-by-having").resolve("events.jsonl"));
        Catalog catalog = IcebergCatalogs.loader(Map.of("warehouse", warehouse.toString())).loadCatalog();
        try {
            new EventTables(catalog, new AppCompiler().compile(Files.readString(app))).commit(events);
        } finally {
            ((Closeable) catalog).close();
        }
        List<String> live = live(app, events, "live", 1).get("Heavy.jsonl");
        assertTrue(live.size() > 3, "the live run selects heavy symbols");

        cli("replay", app.toString(), "--from", "Trades=iceberg:" + EventTables.tableName("Trades"), "--event-time",
                "ts", "--option", "warehouse=" + warehouse, "--sinks", "--out", work.resolve("replay").toString());
        assertEquals(Map.of(), outputs(work.resolve("replay")), "no file for a stream that goes to its table");
        List<String> table;
        try (IcebergTable heavy = IcebergTable.open("out.heavy", Map.of("warehouse", warehouse.toString()));
                Stream<Object[]> rows = heavy.rows(heavy.resolve(AsOf.latest()))) {
            table = rows.map(row -> "{\"data\":" + Arrays.asList(row).stream().map(value -> value instanceof String
                    ? "\"" + value + "\"" : String.valueOf(value)).collect(Collectors.joining(",", "[", "]")) + "}")
                    .sorted().collect(Collectors.toList());
        }
        assertEquals(live.stream().map(line -> line.replaceFirst("\"ts\":\\d+,", "")).sorted()
                .collect(Collectors.toList()), table);
    }

    /** Where commit {@code index} starts: the events are split in {@link #COMMITS} parts of about equal size. */
    private static int prefix(List<JsonNode> events, int index) {
        return events.size() * index / COMMITS;
    }

    /** Above parallelism 1 the order of lines between keys is not defined: compare them sorted. */
    private static Map<String, List<String>> ordered(Map<String, List<String>> output, int parallelism) {
        if (parallelism == 1) {
            return output;
        }
        Map<String, List<String>> sorted = new TreeMap<>();
        output.forEach((stream, lines) -> sorted.put(stream, lines.stream().sorted().collect(Collectors.toList())));
        return sorted;
    }

    private Map<String, List<String>> live(Path app, List<JsonNode> events, String run, int parallelism)
            throws IOException {
        Path file = work.resolve(run + ".jsonl");
        Files.write(file, events.stream().map(JsonNode::toString).collect(Collectors.toList()));
        Path out = work.resolve(run);
        cli("run", app.toString(), "--events", file.toString(), "--out", out.toString(),
                "--parallelism", Integer.toString(parallelism));
        return outputs(out);
    }

    private Map<String, List<String>> replay(Path app, Map<String, String> options, List<String> from, String run,
            int parallelism) throws IOException {
        List<String> args = new ArrayList<>(List.of("replay", app.toString()));
        from.forEach(table -> args.addAll(List.of("--from", table)));
        Path out = work.resolve(run);
        options.forEach((key, value) -> args.addAll(List.of("--option", key + "=" + value)));
        args.addAll(List.of("--event-time", "ts", "--out", out.toString(), "--parallelism",
                Integer.toString(parallelism)));
        cli(args.toArray(String[]::new));
        return outputs(out);
    }

    private static void cli(String... args) {
        CliCall call = CliCall.of(args);
        assertEquals(0, call.exitCode(), String.join(" ", args) + ": " + call.err());
    }

    /** Each output file's lines, by file name. */
    private static Map<String, List<String>> outputs(Path dir) throws IOException {
        Map<String, List<String>> files = new TreeMap<>();
        try (Stream<Path> listed = Files.list(dir)) {
            for (Path file : listed.collect(Collectors.toList())) {
                files.put(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
