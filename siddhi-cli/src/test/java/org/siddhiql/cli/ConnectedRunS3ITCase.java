package org.siddhiql.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.testing.kafka.KafkaBrokerExtension;
import org.siddhiql.testing.kafka.TopicReader;
import org.siddhiql.testing.s3.S3Server;
import org.siddhiql.testing.s3.S3ServerExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code bin/siddhi run --checkpoint-dir s3://...} against a real S3 API (s3proxy): the run's RocksDB checkpoints are
 * objects in the bucket, and a second run resumes from one of them with the window state and the source offsets it
 * holds, so the two runs together write what one uninterrupted run writes.
 */
class ConnectedRunS3ITCase {
    private static final int BATCH = 20;
    private static final Pattern METADATA = Pattern.compile("runs/([0-9a-f]{32})/chk-(\\d+)/_metadata");

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @RegisterExtension
    static final S3ServerExtension S3 = new S3ServerExtension();

    @TempDir
    Path dir;

    /** Each symbol's total over its last four trades: the totals after a restart need the restored window. */
    private String app() {
        return "@app:name('S3Totals')\n"
                + "@source(type='kafka', topic.list='s3-trades', bootstrap.servers='" + KAFKA.bootstrapServers()
                + "', group.id='s3-totals', @map(type='json'))\n"
                + "define stream Trades (seq long, symbol string, price double);\n"
                + "@sink(type='kafka', topic='s3-totals', bootstrap.servers='" + KAFKA.bootstrapServers()
                + "', @map(type='json'))\n"
                + "define stream Totals (seq long, symbol string, total double);\n"
                + "partition with (symbol of Trades)\n"
                + "begin\n"
                + "  from Trades#window.length(4) select seq, symbol, sum(price) as total insert into Totals;\n"
                + "end;\n";
    }

    @Test
    void checkpointsToS3AndResumesFromThere() throws Exception {
        KAFKA.createTopics(Map.of("s3-trades", 1, "s3-totals", 1));
        S3.createBucket("checkpoints");
        Path app = Files.writeString(dir.resolve("totals.siddhi"), app(), UTF_8);
        List<String> run = new ArrayList<>(List.of("run", app.toString(), "--checkpoint-interval", "300ms",
                "--checkpoint-dir", "s3://checkpoints/runs", "--out", dir.resolve("out").toString()));
        S3.flinkOptions().forEach((key, value) -> run.add("-D" + key + "=" + value));

        try (TopicReader totals = KAFKA.reader("s3-totals"); S3Client s3 = S3.client()) {
            produce(0, BATCH);
            BackgroundRun first = BackgroundRun.start(run);
            assertEquals(BATCH, first.awaitOutput(totals, BATCH).size());
            // the checkpoint after the next one follows every event of the batch
            long seen = latestCheckpoint(s3).number();
            Checkpoint after;
            do {
                Thread.sleep(100);
                after = latestCheckpoint(s3);
            } while (after.number() < seen + 2);
            CliRun cancelled = first.cancel();
            assertEquals(0, cancelled.exitCode(), cancelled.err());
            Checkpoint restart = latestCheckpoint(s3);
            assertTrue(cancelled.err().contains("restart with --from-savepoint s3://checkpoints/runs/"
                    + restart.job() + "/chk-<latest>"), cancelled.err());
            assertFalse(keys(s3, "runs/" + restart.job() + "/shared/").isEmpty(),
                    "RocksDB's incremental checkpoints share their SST files under shared/");

            produce(BATCH, BATCH);
            List<String> resumedRun = new ArrayList<>(run);
            resumedRun.addAll(List.of("--from-savepoint", restart.uri()));
            BackgroundRun second = BackgroundRun.start(resumedRun);
            List<String> all = second.awaitOutput(totals, 2 * BATCH);
            List<String> more = totals.readFor(Duration.ofSeconds(1));
            CliRun resumed = second.cancel();
            assertEquals(0, resumed.exitCode(), resumed.err());

            assertEquals(expectedTotals(), more);
            assertEquals(2 * BATCH, all.size());
            for (CliRun cli : List.of(cancelled, resumed)) {
                assertFalse((cli.out() + cli.err()).contains(S3Server.SECRET_KEY), "the secret key was printed");
            }
        }
    }

    /** Trade {@code seq}: three symbols in turn; price seq + 0.5. */
    private static String trade(int seq) {
        return "{\"event\":{\"seq\":" + seq + ",\"symbol\":\"S" + seq % 3 + "\",\"price\":" + (seq + 0.5) + "}}";
    }

    /** What one uninterrupted run writes: each trade's symbol's price sum over its last four trades. */
    private static List<String> expectedTotals() {
        List<String> totals = new ArrayList<>();
        for (int seq = 0; seq < 2 * BATCH; seq++) {
            double total = 0;
            for (int earlier = seq; earlier >= 0 && earlier > seq - 12; earlier -= 3) {
                total += earlier + 0.5;
            }
            totals.add("{\"event\":{\"seq\":" + seq + ",\"symbol\":\"S" + seq % 3 + "\",\"total\":" + total + "}}");
        }
        return totals;
    }

    private static void produce(int from, int count) {
        try (KafkaProducer<byte[], byte[]> producer = KAFKA.producer()) {
            for (int seq = from; seq < from + count; seq++) {
                producer.send(new ProducerRecord<>("s3-trades", trade(seq).getBytes(UTF_8)));
            }
        }
    }

    private record Checkpoint(String job, long number) {
        String uri() {
            return "s3://checkpoints/runs/" + job + "/chk-" + number;
        }
    }

    /** The newest completed checkpoint in the bucket (its {@code _metadata} is written last), or chk-0. */
    private static Checkpoint latestCheckpoint(S3Client s3) {
        Checkpoint latest = new Checkpoint("", 0);
        for (String key : keys(s3, "runs/")) {
            Matcher metadata = METADATA.matcher(key);
            if (metadata.matches() && Long.parseLong(metadata.group(2)) > latest.number()) {
                latest = new Checkpoint(metadata.group(1), Long.parseLong(metadata.group(2)));
            }
        }
        return latest;
    }

    private static List<String> keys(S3Client s3, String prefix) {
        return s3.listObjectsV2Paginator(request -> request.bucket("checkpoints").prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .toList();
    }

    /** {@code bin/siddhi run ...} on a background thread, as from a terminal. */
    private record BackgroundRun(Thread thread, CompletableFuture<CliRun> result) {
        static BackgroundRun start(List<String> args) {
            CompletableFuture<CliRun> result = new CompletableFuture<>();
            Thread thread = new Thread(() -> result.complete(CliRun.of(args.toArray(String[]::new))), "siddhi run");
            thread.setDaemon(true);
            thread.start();
            return new BackgroundRun(thread, result);
        }

        /** The records of the output topic once there are {@code count}; fails at once if the run ends. */
        List<String> awaitOutput(TopicReader output, int count) {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            List<String> records = output.readFor(Duration.ZERO);
            while (records.size() < count && System.nanoTime() < deadline) {
                if (result.isDone()) {
                    throw new AssertionError("the run ended: " + result.join().err());
                }
                records = output.readFor(Duration.ofMillis(200));
            }
            return records;
        }

        /** Interrupts the run, as its shutdown hook cancels it on Ctrl-C, and waits for it to end. */
        CliRun cancel() throws Exception {
            thread.interrupt();
            return result.get(60, TimeUnit.SECONDS);
        }
    }
}
