package org.siddhiql.lakehouse.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.kernel.exceptions.TableNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.ConnectedApp;
import org.siddhiql.connectors.inmemory.InMemoryBroker;

/**
 * An app whose output stream has {@code @sink(type='delta', partition.by=...)}, run on a MiniCluster with
 * checkpoints every 100 ms: what it commits, read back with Kernel, is exactly the stream's events; each table
 * version adds one checkpoint's files, and checkpoints without new events add none.
 */
class DeltaSinkITCase {
    private static final String TOPIC = "delta-sink-trades";
    private static final String APP = "@app:name('DeltaTrades')\n"
            + "@source(type='inMemory', topic='" + TOPIC + "')\n"
            + "define stream Trades (symbol string, venue string, price double, qty int);\n"
            + "@sink(type='delta', path='${table}', partition.by='venue')\n"
            + "define stream Fills (venue string, symbol string, notional double, qty long);\n"
            + "from Trades[qty > 0]\n"
            + "select venue, symbol, price * qty as notional, convert(qty, 'long') as qty\n"
            + "insert into Fills;\n";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4)
                    .build());

    @TempDir
    Path dir;

    @Test
    void eachCheckpointsEventsAreCommittedOnceAsOneVersion() throws Exception {
        String table = dir.resolve("fills").toString();
        AppPlan plan = new AppCompiler().compile(APP.replace("${table}", table));
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(2);
        env.enableCheckpointing(100);
        env.getConfig().disableGenericTypes();
        ConnectedApp.addTo(env, plan, 2);

        List<List<Object>> expected = new ArrayList<>();
        Map<Long, Integer> rowsByVersion = new HashMap<>();
        JobClient job = env.executeAsync("DeltaTrades");
        try {
            InMemoryBroker.awaitSubscribers(TOPIC, 1, TIMEOUT);
            for (int batch = 0; batch < 3; batch++) {
                for (int i = 0; i < 200; i++) {
                    int qty = i % 7 - 1; // -1 and 0 are filtered out
                    String venue = i % 3 == 0 ? "XNYS" : i % 3 == 1 ? "XNAS" : "XETR";
                    String symbol = "S" + batch + "-" + i;
                    double price = 10 + i * 0.25;
                    InMemoryBroker.publish(TOPIC, new Object[] {symbol, venue, price, qty});
                    if (qty > 0) {
                        expected.add(Arrays.asList(venue, symbol, price * qty, (long) qty));
                    }
                }
                awaitRows(table, expected.size());
                long version = DeltaRows.version(table);
                rowsByVersion.put(version, DeltaRows.latest(table).size());
            }
            long lastVersion = DeltaRows.version(table);
            Thread.sleep(1000); // ten checkpoints without events
            assertEquals(lastVersion, DeltaRows.version(table), "checkpoints without events commit nothing");
        } finally {
            job.cancel().get();
        }

        assertMultisetEquals(expected, DeltaRows.latest(table));
        // version 0 creates the table; every later one adds a checkpoint's files, so each has more rows
        long latest = DeltaRows.version(table);
        assertTrue(latest >= 3, "at least one version per batch, got " + latest);
        int previous = 0;
        for (long version = 1; version <= latest; version++) {
            int rows = DeltaRows.atVersion(table, version).size();
            assertTrue(rows > previous, "version " + version + " adds no rows");
            previous = rows;
        }
        rowsByVersion.forEach((version, rows) -> assertEquals(rows, DeltaRows.atVersion(table, version).size()));
        try (var venues = Files.list(Path.of(table))) {
            assertEquals(List.of("_delta_log", "venue=XETR", "venue=XNAS", "venue=XNYS"),
                    venues.map(p -> p.getFileName().toString()).sorted().toList());
        }

        // the committer of a restarted job, given the last checkpoint's files again, leaves the table as it is
        DeltaSinkSettings settings = new DeltaSinkSettings(table, Map.of(), plan.stream("Fills"), List.of("venue"),
                "DeltaTrades-siddhi-sink-Fills-0");
        DeltaTableCommitter committer = new DeltaTableCommitter(DeltaEngines.create(Map.of()), settings);
        OptionalLong committed = committer.lastTransactionVersion();
        assertTrue(committed.isPresent());
        DeltaDataFile again = new DeltaDataFile(Path.of(table, "venue=XNYS", "part-again.snappy.parquet")
                .toUri().toString(), 1, 1, List.of("XNYS"), null);
        assertEquals(OptionalLong.empty(), committer.commit(committed.getAsLong(), List.of(again)));
        assertEquals(latest, DeltaRows.version(table));
    }

    @Test
    void aBoundedRunWithoutCheckpointsCommitsOnceWhenItsInputEnds() throws Exception {
        String table = dir.resolve("bounded").toString();
        Path input = Files.writeString(dir.resolve("trades.jsonl"),
                "{\"event\":{\"symbol\":\"IBM\",\"venue\":\"XNYS\",\"price\":101.5,\"qty\":2}}\n"
                + "{\"event\":{\"symbol\":\"SAP\",\"venue\":\"XETR\",\"price\":99.0,\"qty\":0}}\n"
                + "{\"event\":{\"symbol\":\"MSFT\",\"venue\":\"XNAS\",\"price\":400.0,\"qty\":1}}\n");
        AppPlan plan = new AppCompiler().compile(APP.replace("${table}", table)
                .replace("@source(type='inMemory', topic='" + TOPIC + "')",
                        "@source(type='file', file.uri='" + input.toUri() + "', tailing='false', @map(type='json'))"));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.getConfig().disableGenericTypes();
        ConnectedApp.addTo(env, plan, 1);
        env.execute("DeltaTradesBounded");

        assertEquals(1, DeltaRows.version(table), "created, then all rows in one commit");
        assertMultisetEquals(List.of(Arrays.asList("XNYS", "IBM", 203.0, 2L), Arrays.asList("XNAS", "MSFT", 400.0,
                1L)), DeltaRows.latest(table));
    }

    @Test
    void anExistingTableOfOtherColumnsFailsTheAppAtItsSink() {
        String table = dir.resolve("other").toString();
        StreamSchema other = new StreamSchema("Fills", List.of("venue", "symbol"),
                List.of(AttributeType.STRING, AttributeType.STRING));
        new DeltaTableCommitter(DeltaEngines.create(Map.of()),
                new DeltaSinkSettings(table, Map.of(), other, List.of(), "other")).createOrCheckTable();
        AppPlan plan = new AppCompiler().compile(APP.replace("${table}", table));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        CompileException error = assertThrows(CompileException.class, () -> ConnectedApp.addTo(env, plan, 1));
        assertEquals("4:1: @sink of stream 'Fills' (type 'delta'): the Delta table at '" + table + "' has columns"
                + " [venue string, symbol string], but stream 'Fills' writes [venue string, symbol string,"
                + " notional double, qty long]", error.getMessage());
    }

    private static void awaitRows(String table, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        int rows = -1;
        while (System.nanoTime() < deadline) {
            try {
                if ((rows = DeltaRows.latest(table).size()) >= count) {
                    assertEquals(count, rows);
                    return;
                }
            } catch (TableNotFoundException e) {
                // the committer has not created it yet
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the table has " + rows + " rows, not " + count + ", after " + TIMEOUT);
    }

    private static void assertMultisetEquals(List<List<Object>> expected, List<List<Object>> actual) {
        Map<List<Object>, Integer> want = new HashMap<>();
        expected.forEach(row -> want.merge(row, 1, Integer::sum));
        Map<List<Object>, Integer> got = new HashMap<>();
        actual.forEach(row -> got.merge(row, 1, Integer::sum));
        assertEquals(want, got);
    }
}
