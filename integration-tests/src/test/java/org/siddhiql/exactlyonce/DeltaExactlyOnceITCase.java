package org.siddhiql.exactlyonce;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.kernel.exceptions.TableNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.cli.cluster.LocalCluster;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.connectors.ConnectedApp;
import org.siddhiql.lakehouse.delta.DeltaRows;
import org.siddhiql.testing.kafka.KafkaBrokerExtension;

/**
 * Exactly-once into Delta tables under failure, on a real cluster: {@code exactly-once/sensor-audit-delta.siddhi}
 * (readings landed as they come, a windowed group-by, a pattern; each into its own Delta table) is submitted to a
 * JobManager process and runs in a TaskManager process, reading readings produced at a steady rate, checkpointing
 * every second. Three times while rows are being committed the TaskManager is killed with SIGKILL and a new one
 * started; once every reading is consumed, each table holds exactly the rows of a run without failures (a MiniCluster
 * in this JVM over the same readings), as a multiset: nothing lost, nothing twice.
 *
 * <p>The run without failures also measures how fast the sink writes: rows committed to the three tables per second,
 * from the job's start to the last commit. {@code -Ddeltaexactlyonce.events=N} and {@code -Ddeltaexactlyonce.rate=N}
 * (readings per second) change the load.
 */
class DeltaExactlyOnceITCase {
    private static final int EVENTS = Integer.getInteger("deltaexactlyonce.events", 30_000);
    private static final int RATE = Integer.getInteger("deltaexactlyonce.rate", 500);
    private static final int KILLS = 3;
    private static final List<String> TABLES = List.of("readings", "stats", "rises");
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final Duration QUIET = Duration.ofSeconds(3);

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    static Path temp;

    @Test
    void killedTaskManagersNeitherLoseNorDuplicateDeltaRows() throws Exception {
        Map<String, List<List<Object>>> reference = runWithoutFailures();

        String name = "DeltaAudit";
        String input = name + "-readings";
        KAFKA.createTopics(Map.of(input, 1));
        Path tables = temp.resolve(name);
        Path app = Files.writeString(temp.resolve(name + ".siddhi"), app(name, input, tables), UTF_8);
        Path clusterDir = temp.resolve("cluster");
        long start = System.nanoTime();
        try (LocalCluster cluster = LocalCluster.builder(clusterDir).slots(1).start()) {
            String job = ClusterRuns.submit(app, cluster.restAddress(),
                    temp.resolve("checkpoints").toUri().toString());
            JobStatus status = new JobStatus(cluster.restAddress(), job);
            AtomicInteger produced = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> producer = CompletableFuture.runAsync(
                    () -> ClusterRuns.produce(KAFKA, input, EVENTS, RATE, produced, stop));
            try {
                int taskManager = cluster.taskManagers().iterator().next();
                for (int kill = 1; kill <= KILLS; kill++) {
                    // spaced over the readings landed: a quarter, half, three quarters of them
                    int landed = (int) ClusterRuns.awaitMore("readings", () -> rows(tables.resolve("readings")).size(),
                            EVENTS / (KILLS + 1) * kill - 1, producer, TIMEOUT, 250);
                    long killed = System.nanoTime();
                    cluster.killTaskManager(taskManager);
                    taskManager = cluster.startTaskManager();
                    long running = status.awaitRunningAgain(TIMEOUT);
                    // a kill after the last commit has nothing more to wait for
                    int more = landed < EVENTS ? (int) ClusterRuns.awaitMore("readings",
                            () -> rows(tables.resolve("readings")).size(), landed, producer, TIMEOUT, 250) : landed;
                    System.out.printf("delta exactly-once: TaskManager killed at %d of %d readings produced, %d"
                                    + " landed; all tasks running again after %d ms, new rows committed after %d ms"
                                    + " (%d landed)%n", produced.get(), EVENTS, landed,
                            (running - killed) / 1_000_000, (System.nanoTime() - killed) / 1_000_000, more);
                }
                producer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                Map<String, List<List<Object>>> committed = awaitComplete(name, tables);
                int referenced = TABLES.stream().mapToInt(t -> DeltaRows.dataFiles(tables.resolve(t).toString()))
                        .sum();
                System.out.printf("delta exactly-once: %s committed in %d s with %d TaskManager kills; %d Parquet"
                                + " files in the tables' logs, %d more on disk from attempts that failed before"
                                + " their commit (invisible to readers)%n", counts(committed),
                        (System.nanoTime() - start) / 1_000_000_000, KILLS, referenced,
                        parquetFiles(tables) - referenced);
                for (String table : TABLES) {
                    assertEquals(multiset(reference.get(table)), multiset(committed.get(table)), table);
                }
            } finally {
                stop.set(true); // a failed test leaves no producer writing into the broker that closes after it
            }
        }
    }

    /** The tables of the app over all readings, already in Kafka, on a MiniCluster; prints the rate of the sink. */
    private static Map<String, List<List<Object>>> runWithoutFailures() throws Exception {
        String name = "DeltaReference";
        String input = name + "-readings";
        KAFKA.createTopics(Map.of(input, 1));
        try (KafkaProducer<byte[], byte[]> producer = KAFKA.producer()) {
            new Readings().send(producer, input, EVENTS);
        }
        Path tables = temp.resolve(name);
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(1);
        env.getConfig().disableGenericTypes();
        env.enableCheckpointing(1000);
        ConnectedApp.addTo(env, new AppCompiler().compile(app(name, input, tables)), 1);
        long start = System.currentTimeMillis();
        JobClient job = env.executeAsync(name);
        Map<String, List<List<Object>>> committed;
        try {
            committed = awaitComplete(name, tables);
        } finally {
            job.cancel().get();
        }
        long lastCommit = TABLES.stream().mapToLong(table -> lastCommitTime(tables.resolve(table))).max()
                .orElseThrow();
        int rows = committed.values().stream().mapToInt(List::size).sum();
        System.out.printf("delta exactly-once: the run without failures committed %s; %d rows in %d ms from the"
                        + " job's start to its last commit: %d rows/s written to Delta%n", counts(committed), rows,
                lastCommit - start, rows * 1000L / Math.max(1, lastCommit - start));
        for (String table : TABLES) {
            assertTrue(committed.get(table).size() > EVENTS / 100, "too few rows in " + table + " to prove much");
        }
        return committed;
    }

    private static String app(String name, String input, Path tables) throws IOException {
        try (InputStream in = DeltaExactlyOnceITCase.class
                .getResourceAsStream("/exactly-once/sensor-audit-delta.siddhi")) {
            return new String(in.readAllBytes(), UTF_8)
                    .replace("${name}", name)
                    .replace("${input}", input)
                    .replace("${kafka}", KAFKA.bootstrapServers())
                    .replace("${tables}", tables.toString());
        }
    }

    /**
     * Waits until run {@code name} has consumed every reading (its consumer group committed that offset, as the
     * source does when a checkpoint completes), the readings table holds them all, and no table changes for a few
     * seconds; returns the tables' rows.
     */
    private static Map<String, List<List<Object>>> awaitComplete(String name, Path tables) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Map<String, List<List<Object>>> last = null;
        long quietSince = System.nanoTime();
        while (true) {
            Map<String, List<List<Object>>> now = new LinkedHashMap<>();
            for (String table : TABLES) {
                now.put(table, rows(tables.resolve(table)));
            }
            boolean complete = consumed(name) >= EVENTS && now.get("readings").size() >= EVENTS;
            if (!complete || !counts(now).equals(last == null ? null : counts(last))) {
                quietSince = System.nanoTime();
                last = now;
            } else if (System.nanoTime() - quietSince > QUIET.toNanos()) {
                return now;
            }
            assertTrue(System.nanoTime() < deadline, "run " + name + " did not complete: " + counts(now));
            Thread.sleep(500);
        }
    }

    private static List<List<Object>> rows(Path table) {
        try {
            return DeltaRows.latest(table.toString());
        } catch (TableNotFoundException e) {
            return List.of(); // not created yet
        }
    }

    private static long lastCommitTime(Path table) {
        return DeltaRows.commitTime(table.toString(), DeltaRows.version(table.toString()));
    }

    private static long consumed(String group) throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                    .mapToLong(OffsetAndMetadata::offset).sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading the offsets of group " + group, e.getCause());
        }
    }

    private static String counts(Map<String, List<List<Object>>> tables) {
        return tables.entrySet().stream().map(e -> e.getValue().size() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }

    private static Map<List<Object>, Integer> multiset(List<List<Object>> rows) {
        Map<List<Object>, Integer> counts = new HashMap<>();
        rows.forEach(row -> counts.merge(row, 1, Integer::sum));
        return counts;
    }

    private static long parquetFiles(Path tables) throws IOException {
        try (Stream<Path> files = Files.walk(tables)) {
            return files.filter(file -> file.toString().endsWith(".parquet")).count();
        }
    }
}
