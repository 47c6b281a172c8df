package org.siddhiql.exactlyonce;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.cli.cluster.LocalCluster;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.connectors.ConnectedApp;
import org.siddhiql.testing.kafka.KafkaBrokerExtension;

/**
 * Exactly-once into Iceberg under failure, on a real cluster: {@code sensor-lake.siddhi} (readings landed as they are,
 * a windowed group-by, a pattern) is submitted to a JobManager process and runs in a TaskManager process, reading
 * readings produced at a steady rate from Kafka and writing three Iceberg tables, committing on checkpoints every
 * second. Three times while rows are committed, the TaskManager is killed with SIGKILL and a new one started; once
 * every reading has landed, each table holds exactly the rows a run without failures (on a MiniCluster in this JVM)
 * committed: nothing lost, nothing twice.
 *
 * <p>It prints the rows per table, the recovery time per kill, and the rows per second the run without failures wrote
 * to Iceberg (with every reading already in Kafka, so the job runs as fast as it can). {@code -Dicebergeo.events=N}
 * and {@code -Dicebergeo.rate=N} (readings per second) change the load.
 */
class IcebergExactlyOnceITCase {
    private static final int EVENTS = Integer.getInteger("icebergeo.events", 40_000);
    private static final int RATE = Integer.getInteger("icebergeo.rate", 2_000);
    private static final int KILLS = 3;
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    Path temp;

    @Test
    void killedTaskManagersNeitherLoseNorDuplicateCommittedRows() throws Exception {
        Map<String, Long> expected;
        Map<String, List<String>> expectedRows;
        try (LakeTables reference = new LakeTables(temp.resolve("reference-warehouse"))) {
            expected = runWithoutFailures(reference);
            expectedRows = reference.rows();
        }

        String name = "LakeUnderKills";
        String input = name + "-readings";
        KAFKA.createTopics(Map.of(input, 1));
        Path app = Files.writeString(temp.resolve(name + ".siddhi"),
                app(name, input, temp.resolve("warehouse")), UTF_8);
        Path clusterDir = temp.resolve("cluster");
        long start = System.nanoTime();
        try (LocalCluster cluster = LocalCluster.builder(clusterDir).slots(1).start();
                LakeTables tables = new LakeTables(temp.resolve("warehouse"))) {
            String job = ClusterRuns.submit(app, cluster.restAddress(),
                    temp.resolve("checkpoints").toUri().toString());
            JobStatus status = new JobStatus(cluster.restAddress(), job);
            AtomicInteger produced = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> producer = CompletableFuture.runAsync(
                    () -> ClusterRuns.produce(KAFKA, input, EVENTS, RATE, produced, stop));
            try {
                long all = expected.values().stream().mapToLong(Long::longValue).sum();
                int taskManager = cluster.taskManagers().iterator().next();
                for (int kill = 1; kill <= KILLS; kill++) {
                    // spaced over the output: a quarter, half, three quarters of the rows the run must commit
                    long committed = ClusterRuns.awaitMore("rows", tables::total, all / (KILLS + 1) * kill - 1,
                            producer, TIMEOUT, 200);
                    long killed = System.nanoTime();
                    cluster.killTaskManager(taskManager);
                    taskManager = cluster.startTaskManager();
                    long running = status.awaitRunningAgain(TIMEOUT);
                    long more = ClusterRuns.awaitMore("rows", tables::total, committed, producer, TIMEOUT, 200);
                    System.out.printf("iceberg exactly-once: TaskManager killed at %d of %d readings produced, %d of"
                                    + " %d rows committed; all tasks running again after %d ms, new rows committed"
                                    + " after %d ms (%d rows)%n", produced.get(), EVENTS, committed, all,
                            (running - killed) / 1_000_000, (System.nanoTime() - killed) / 1_000_000, more);
                }
                producer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                Map<String, Long> counts = tables.awaitComplete(EVENTS, TIMEOUT);
                System.out.printf("iceberg exactly-once: %s rows in %d s with %d TaskManager kills%n", counts,
                        (System.nanoTime() - start) / 1_000_000_000, KILLS);
                assertEquals(expected, counts);
                Map<String, List<String>> rows = tables.rows();
                for (String table : LakeTables.TABLES) {
                    assertEquals(expectedRows.get(table), rows.get(table), table); // equal as multisets
                }
            } finally {
                stop.set(true); // a failed test leaves no producer writing into the broker that closes after it
            }
        }
    }

    /**
     * The app over all readings, already in Kafka, on a MiniCluster in this JVM with checkpoints every 500 ms; prints
     * the rows per second it wrote to Iceberg, from the job's start until its last commit.
     */
    private Map<String, Long> runWithoutFailures(LakeTables tables) throws Exception {
        String name = "LakeReference";
        String input = name + "-readings";
        KAFKA.createTopics(Map.of(input, 1));
        try (KafkaProducer<byte[], byte[]> producer = KAFKA.producer()) {
            new Readings().send(producer, input, EVENTS);
        }
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(1);
        env.getConfig().disableGenericTypes(); // as the job jar's SiddhiJob: Iceberg's sink must do without Kryo
        env.enableCheckpointing(500);
        ConnectedApp.addTo(env, new AppCompiler().compile(app(name, input, temp.resolve("reference-warehouse"))), 1);
        long start = System.nanoTime();
        JobClient job = env.executeAsync(name);
        try {
            long firstCommit = 0;
            long firstRows = 0;
            long lastCommit = start;
            long rows = 0;
            while (tables.counts().get("lake.readings") < EVENTS) {
                assertTrue(System.nanoTime() - start < TIMEOUT.toNanos(), "the reference run did not complete");
                long now = tables.total();
                if (now != rows) {
                    rows = now;
                    lastCommit = System.nanoTime();
                    if (firstCommit == 0) {
                        firstCommit = lastCommit;
                        firstRows = rows;
                    }
                }
                Thread.sleep(100);
            }
            Map<String, Long> counts = tables.awaitComplete(EVENTS, TIMEOUT);
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            if (total != rows) {
                lastCommit = System.nanoTime(); // the last checkpoint's stats and rises came after the readings
            }
            double seconds = (lastCommit - start) / 1e9;
            double committing = (lastCommit - firstCommit) / 1e9;
            System.out.printf("iceberg exactly-once: the run without failures committed %s rows (%d in all, from %d"
                    + " readings) in %.1f s from the job's start: %.0f rows/s written to Iceberg; %.0f rows/s from"
                    + " its first commit to its last%n", counts, total, EVENTS, seconds, total / seconds,
                    (total - firstRows) / committing);
            assertTrue(counts.get("lake.stats") > EVENTS / 10 && counts.get("lake.rises") > EVENTS / 20,
                    "too few rows to prove much: " + counts);
            return counts;
        } finally {
            job.cancel().get();
        }
    }

    private String app(String name, String input, Path warehouse) {
        try (InputStream in = getClass().getResourceAsStream("/exactly-once/sensor-lake.siddhi")) {
            return new String(in.readAllBytes(), UTF_8)
                    .replace("${name}", name)
                    .replace("${input}", input)
                    .replace("${kafka}", KAFKA.bootstrapServers())
                    .replace("${warehouse}", warehouse.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
