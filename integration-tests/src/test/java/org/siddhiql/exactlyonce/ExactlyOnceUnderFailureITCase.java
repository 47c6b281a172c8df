package org.siddhiql.exactlyonce;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.siddhiql.cli.cluster.LocalCluster;
import org.siddhiql.testing.kafka.KafkaBrokerExtension;
import org.siddhiql.testing.s3.S3ServerExtension;

/**
 * Exactly-once under failure, on a real cluster: {@link SensorAudit} (a windowed group-by, a pattern, a table) is
 * submitted to a JobManager process and runs in a TaskManager process, reading readings produced at a steady rate
 * and writing each output to a transactional Kafka topic and to part files, checkpointing every second. Three times
 * while output flows, the TaskManager is killed with SIGKILL and a new one started; once every reading is consumed,
 * what is committed (Kafka {@code read_committed}, committed part files) equals exactly what a run without failures
 * committed: nothing lost, nothing twice, each sensor's records in the same order. Once with checkpoints in a local
 * directory, once in s3:// on s3proxy.
 *
 * <p>It prints, per kill, the recovery time: from the kill to every task running again, and to the first output
 * committed after it. {@code -Dexactlyonce.events=N} and {@code -Dexactlyonce.rate=N} (readings per second) change the
 * load.
 */
class ExactlyOnceUnderFailureITCase {
    private static final int EVENTS = Integer.getInteger("exactlyonce.events", 200_000);
    private static final int RATE = Integer.getInteger("exactlyonce.rate", 5_000);
    private static final int KILLS = 3;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @RegisterExtension
    static final S3ServerExtension S3 = new S3ServerExtension();

    @TempDir
    static Path temp;

    private static CommittedOutput reference;

    @BeforeAll
    static void runWithoutFailures() throws Exception {
        long start = System.nanoTime();
        reference = ReferenceRun.run(KAFKA, temp.resolve("reference"), EVENTS, TIMEOUT);
        System.out.printf("exactly-once: the run without failures committed %s in %d s%n",
                OutputWatch.counts(reference), (System.nanoTime() - start) / 1_000_000_000);
        for (String output : SensorAudit.OUTPUT_NAMES) {
            assertTrue(reference.topics().get(output).size() > EVENTS / 100, "too little " + output + " to prove much");
        }
    }

    @ParameterizedTest(name = "checkpoints in {0}")
    @ValueSource(strings = {"local", "s3"})
    void killedTaskManagersNeitherLoseNorDuplicateCommittedOutput(String storage) throws Exception {
        String name = "Audit" + storage;
        String input = name + "-readings";
        ReferenceRun.createTopics(KAFKA, name, input);
        Path files = temp.resolve(name);
        Path app = Files.writeString(temp.resolve(name + ".siddhi"),
                SensorAudit.app(name, input, KAFKA.bootstrapServers(), files), UTF_8);
        Path clusterDir = temp.resolve("cluster-" + storage);
        LocalCluster.Builder builder = LocalCluster.builder(clusterDir).slots(1);
        String checkpoints = temp.resolve("checkpoints-" + storage).toUri().toString();
        if (storage.equals("s3")) {
            S3.createBucket("checkpoints");
            checkpoints = "s3://checkpoints/" + name;
            S3.flinkOptions().forEach(builder::set);
        }

        long start = System.nanoTime();
        try (LocalCluster cluster = start(builder, clusterDir);
                OutputWatch watch = new OutputWatch(KAFKA, name, files)) {
            String job = ClusterRuns.submit(app, cluster.restAddress(), checkpoints);
            JobStatus status = new JobStatus(cluster.restAddress(), job);
            AtomicInteger produced = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> producer = CompletableFuture.runAsync(
                    () -> ClusterRuns.produce(KAFKA, input, EVENTS, RATE, produced, stop));
            try {
                int taskManager = cluster.taskManagers().iterator().next();
                for (int kill = 1; kill <= KILLS; kill++) {
                    // spaced over the output: a quarter, half, three quarters of what the run must commit
                    long committed = ClusterRuns.awaitMore("output", watch::poll,
                            reference.topicRecords() / (KILLS + 1) * kill - 1, producer, TIMEOUT, 50);
                    long killed = System.nanoTime();
                    cluster.killTaskManager(taskManager);
                    taskManager = cluster.startTaskManager();
                    long running = status.awaitRunningAgain(TIMEOUT);
                    long more = ClusterRuns.awaitMore("output", watch::poll, committed, producer, TIMEOUT, 50);
                    System.out.printf("exactly-once (%s): TaskManager killed at %d of %d readings produced, %d of "
                                    + "%d records committed; all tasks running again after %d ms, new output "
                                    + "committed after %d ms (%d records)%n", storage, produced.get(), EVENTS,
                            committed, reference.topicRecords(), (running - killed) / 1_000_000,
                            (System.nanoTime() - killed) / 1_000_000, more);
                }
                producer.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                CommittedOutput committed = watch.awaitComplete(EVENTS, TIMEOUT);
                System.out.printf("exactly-once (%s): %s in %d s with %d TaskManager kills%n", storage,
                        OutputWatch.counts(committed), (System.nanoTime() - start) / 1_000_000_000, KILLS);
                committed.assertSameAs(reference);
            } finally {
                stop.set(true); // a failed test leaves no producer writing into the broker that closes after it
            }
        }
    }

    /** Starts the cluster in {@code dir}; if a process of it ends at once, the failure shows the end of its log. */
    private static LocalCluster start(LocalCluster.Builder builder, Path dir) throws Exception {
        try {
            return builder.start();
        } catch (IllegalStateException e) {
            StringBuilder message = new StringBuilder(e.getMessage());
            try (var outs = Files.list(dir.resolve("log"))) {
                for (Path out : outs.filter(file -> file.toString().endsWith(".out")).toList()) {
                    List<String> lines = Files.readAllLines(out, UTF_8);
                    message.append("\n--- ").append(out.getFileName()).append(":\n")
                            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
                }
            }
            throw new IllegalStateException(message.toString(), e);
        }
    }
}
