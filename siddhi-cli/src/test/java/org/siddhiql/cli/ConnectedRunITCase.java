package org.siddhiql.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.apache.flink.runtime.state.IncrementalKeyedStateHandle;
import org.apache.flink.runtime.state.KeyedStateHandle;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.testing.kafka.KafkaBrokerExtension;

/**
 * {@code bin/siddhi run} of an app with a Kafka {@code @source} and {@code @sink}: cancelled after a first batch of
 * events, resumed from its retained checkpoint after a second batch, it writes what one uninterrupted run writes.
 *
 * <p>The app's sliding window sums each symbol's prices over the last eight trades, so totals after the restart
 * depend on the window's content restored from the checkpoint, not only on the source's offsets. The sink is
 * at-least-once: what the first run wrote after its last checkpoint would be written again. The first run is
 * cancelled only after a checkpoint whose barrier followed every event of the first batch, so here nothing is written
 * twice, and the test asserts exactly the uninterrupted run's records, in order, with no duplicates: a restart that
 * lost the window would write other totals, one that read the topic again from its start would repeat records.
 */
class ConnectedRunITCase {
    private static final int FIRST_BATCH = 30;
    private static final int SECOND_BATCH = 30;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    Path dir;

    private String app() {
        return "@app:name('Totals')\n"
                + "@source(type='kafka', topic.list='trades', bootstrap.servers='" + KAFKA.bootstrapServers()
                + "', group.id='totals', threading.option='single.thread', @map(type='json'))\n"
                + "define stream Trades (seq long, symbol string, price double);\n"
                + "@sink(type='kafka', topic='totals', bootstrap.servers='" + KAFKA.bootstrapServers()
                + "', @map(type='json'))\n"
                + "define stream Totals (seq long, symbol string, total double);\n"
                + "from Trades#window.length(8) select seq, symbol, sum(price) as total group by symbol\n"
                + "insert into Totals;\n"
                + "from Trades[price > 50.0] select seq, symbol insert into Expensive;\n";
    }

    @Test
    void resumesFromTheRetainedCheckpointWithoutLosingOutput() throws Exception {
        KAFKA.createTopics(Map.of("trades", 1, "totals", 1));
        Path app = Files.writeString(dir.resolve("totals.siddhi"), app(), UTF_8);
        Path checkpoints = dir.resolve("checkpoints");
        List<String> expected = uninterruptedRun(app);
        assertEquals(FIRST_BATCH + SECOND_BATCH, expected.size());

        produce(0, FIRST_BATCH);
        Path live = dir.resolve("live");
        BackgroundRun firstRun = start(app, "--checkpoint-dir", checkpoints.toString(), "--out", live.toString());
        try (Output output = new Output()) {
            assertEquals(expected.subList(0, FIRST_BATCH), output.awaitDistinct(FIRST_BATCH));
            // the next checkpoint may have started before the last outputs; the one after it follows all events
            awaitCheckpointAfter(checkpoints, latestCheckpointNumber(checkpoints) + 1);
            CliRun cancelled = firstRun.cancel();
            assertEquals(0, cancelled.exitCode(), cancelled.err());
            Path restart = restartPoint(cancelled.err());
            assertTrue(restart.startsWith(checkpoints), restart.toString());
            assertTrue(keyedStateIsIncremental(restart), "RocksDB's incremental snapshots of keyed state: " + restart);

            produce(FIRST_BATCH, SECOND_BATCH);
            BackgroundRun secondRun = start(app, "--checkpoint-dir", checkpoints.toString(),
                    "--from-savepoint", restart.toString(), "--out", live.toString());
            List<String> distinct = output.awaitDistinct(FIRST_BATCH + SECOND_BATCH);
            CliRun resumed = secondRun.cancel();
            assertEquals(0, resumed.exitCode(), resumed.err());

            assertEquals(expected, distinct);
            assertEquals(expected, output.all(), "no record written twice");
            // a stream without @sink is written as by run --events (appended, not part of checkpoints)
            assertEquals(dataOf(dir.resolve("replay").resolve("Expensive.jsonl")),
                    dataOf(live.resolve("Expensive.jsonl")).stream().distinct().toList());
        }
    }

    private static List<String> dataOf(Path jsonLines) throws IOException {
        List<String> data = new ArrayList<>();
        for (String line : Files.readAllLines(jsonLines, UTF_8)) {
            data.add(JSON.readTree(line).get("data").toString());
        }
        return data;
    }

    /** The same events replayed from a file by {@code run --events}, as [seq, symbol, total] JSON arrays. */
    private List<String> uninterruptedRun(Path app) throws IOException {
        List<String> lines = new ArrayList<>();
        for (int seq = 0; seq < FIRST_BATCH + SECOND_BATCH; seq++) {
            lines.add("{\"stream\":\"Trades\",\"ts\":" + (1000 + seq) + ",\"data\":" + trade(seq) + "}");
        }
        Path events = Files.write(dir.resolve("events.jsonl"), lines, UTF_8);
        Path out = dir.resolve("replay");
        CliRun replay = CliRun.of("run", app.toString(), "--events", events.toString(), "--out", out.toString());
        assertEquals(0, replay.exitCode(), replay.err());
        List<String> totals = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("Totals.jsonl"), UTF_8)) {
            totals.add(JSON.readTree(line).get("data").toString());
        }
        return totals;
    }

    /** Trade {@code seq}: symbols change every second trade, so a window of eight holds two to four of a symbol. */
    private static String trade(int seq) {
        return "[" + seq + ",\"S" + (seq / 2) % 3 + "\"," + (seq + 0.5) + "]";
    }

    private static void produce(int from, int count) {
        try (KafkaProducer<byte[], byte[]> producer = KAFKA.producer()) {
            for (int seq = from; seq < from + count; seq++) {
                JsonNode data;
                try {
                    data = JSON.readTree(trade(seq));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                String event = "{\"event\":{\"seq\":" + data.get(0) + ",\"symbol\":" + data.get(1) + ",\"price\":"
                        + data.get(2) + "}}";
                producer.send(new ProducerRecord<>("trades", event.getBytes(UTF_8)));
            }
        }
    }

    /** {@code bin/siddhi run APP ARGS...} on a background thread, as from a terminal. */
    private static BackgroundRun start(Path app, String... args) {
        List<String> command = new ArrayList<>(List.of("run", app.toString(), "--checkpoint-interval", "200ms"));
        command.addAll(List.of(args));
        CompletableFuture<CliRun> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> result.complete(CliRun.of(command.toArray(String[]::new))), "siddhi run");
        thread.setDaemon(true);
        thread.start();
        return new BackgroundRun(thread, result);
    }

    private record BackgroundRun(Thread thread, CompletableFuture<CliRun> result) {
        /** Interrupts the run, as its shutdown hook cancels it on Ctrl-C, and waits for it to end. */
        CliRun cancel() throws Exception {
            thread.interrupt();
            return result.get(60, TimeUnit.SECONDS);
        }
    }

    private static Path restartPoint(String err) {
        Matcher restart = Pattern.compile("restart with --from-savepoint (\\S+)").matcher(err);
        assertTrue(restart.find(), err);
        return Path.of(restart.group(1));
    }

    private static long latestCheckpointNumber(Path checkpoints) throws IOException {
        Optional<Path> latest = latestCheckpoint(checkpoints);
        return latest.map(chk -> Long.parseLong(chk.getFileName().toString().substring("chk-".length()))).orElse(0L);
    }

    /** Waits for a checkpoint newer than {@code number}: one taken after the outputs seen so far. */
    private static void awaitCheckpointAfter(Path checkpoints, long number) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (latestCheckpointNumber(checkpoints) <= number) {
            assertTrue(System.nanoTime() < deadline, "no checkpoint after chk-" + number);
            Thread.sleep(50);
        }
    }

    /** Whether the checkpoint has keyed state, all of it as incremental (RocksDB) snapshots. */
    private static boolean keyedStateIsIncremental(Path checkpoint) throws IOException {
        CheckpointMetadata metadata;
        try (DataInputStream in = new DataInputStream(Files.newInputStream(checkpoint.resolve("_metadata")))) {
            metadata = Checkpoints.loadCheckpointMetadata(in, ConnectedRunITCase.class.getClassLoader(),
                    checkpoint.toString());
        }
        List<KeyedStateHandle> keyed = metadata.getOperatorStates().stream()
                .flatMap(operator -> operator.getStates().stream())
                .flatMap(subtask -> subtask.getManagedKeyedState().stream())
                .toList();
        return !keyed.isEmpty() && keyed.stream().allMatch(IncrementalKeyedStateHandle.class::isInstance);
    }

    /** The newest completed checkpoint of the (first) job writing to {@code checkpoints}. */
    private static Optional<Path> latestCheckpoint(Path checkpoints) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return Optional.empty();
        }
        try (Stream<Path> jobs = Files.list(checkpoints)) {
            Optional<Path> job = jobs.findFirst();
            return job.isEmpty() ? Optional.empty() : ConnectedRun.latestCheckpoint(job.get());
        }
    }

    /** The sink topic, read from its start, each record as a [seq, symbol, total] JSON array. */
    private static final class Output implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "totals-reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        private final List<String> records = new ArrayList<>();

        Output() {
            consumer.subscribe(List.of("totals"));
        }

        /** The distinct records in order of first appearance, once there are {@code count}, and a second more. */
        List<String> awaitDistinct(int count) throws IOException {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (distinct().size() < count && System.nanoTime() < deadline) {
                poll();
            }
            long grace = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < grace) {
                poll();
            }
            return distinct();
        }

        List<String> all() {
            return records;
        }

        private List<String> distinct() {
            return new ArrayList<>(new LinkedHashSet<>(records));
        }

        private void poll() throws IOException {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                JsonNode event = JSON.readTree(new String(record.value(), UTF_8)).get("event");
                records.add(JSON.createArrayNode().add(event.get("seq")).add(event.get("symbol"))
                        .add(event.get("total")).toString());
            }
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
