package org.siddhiql.exactlyonce;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.siddhiql.testing.kafka.KafkaBrokerExtension;
import org.siddhiql.testing.kafka.TopicReader;

/** Watches what a run of {@link SensorAudit} named {@code name} has committed, while it runs. */
final class OutputWatch implements AutoCloseable {
    private static final Duration QUIET = Duration.ofSeconds(3);

    private final KafkaBrokerExtension kafka;
    private final String name;
    private final Path files;
    private final Map<String, TopicReader> readers = new LinkedHashMap<>();
    private final Map<String, List<String>> records = new LinkedHashMap<>();

    OutputWatch(KafkaBrokerExtension kafka, String name, Path files) {
        this.kafka = kafka;
        this.name = name;
        this.files = files;
        for (String output : SensorAudit.OUTPUT_NAMES) {
            readers.put(output, kafka.reader(SensorAudit.topic(name, output)));
            records.put(output, List.of());
        }
    }

    /** Reads what was committed since the last call; returns how many records all topics hold now. */
    int poll() {
        readers.forEach((output, reader) -> records.put(output, reader.readFor(Duration.ofMillis(100))));
        return records.values().stream().mapToInt(List::size).sum();
    }

    /**
     * Waits until the run has consumed all {@code events} of its input (its consumer group committed that offset, as
     * the source does when a checkpoint completes) and its committed output then stays the same for a few seconds,
     * each topic holding as many records as its part files hold lines.
     */
    CommittedOutput awaitComplete(int events, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (consumed() < events) {
            requireTime(deadline, "the run consumed " + consumed() + " of " + events + " readings");
            poll();
            Thread.sleep(200);
        }
        CommittedOutput last = null;
        long quietSince = System.nanoTime();
        while (true) {
            poll();
            CommittedOutput now = snapshot();
            boolean settled = now.equals(last) && now.topicRecords() > 0 && topicsMatchFiles(now);
            if (!settled) {
                quietSince = System.nanoTime();
                last = now;
            } else if (System.nanoTime() - quietSince > QUIET.toNanos()) {
                return now;
            }
            requireTime(deadline, "the run's output did not settle: " + counts(now));
            Thread.sleep(500);
        }
    }

    /** What is committed now. */
    CommittedOutput snapshot() throws IOException {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (String output : SensorAudit.OUTPUT_NAMES) {
            lines.put(output, CommittedOutput.committedLines(files.resolve(output)));
        }
        return new CommittedOutput(new LinkedHashMap<>(records), lines);
    }

    /** How many input records the run's consumer group has committed. */
    long consumed() throws InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            return admin.listConsumerGroupOffsets(name).partitionsToOffsetAndMetadata().get().values().stream()
                    .mapToLong(OffsetAndMetadata::offset).sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading the offsets of group " + name, e.getCause());
        }
    }

    private static boolean topicsMatchFiles(CommittedOutput output) {
        return SensorAudit.OUTPUT_NAMES.stream()
                .allMatch(o -> output.topics().get(o).size() == output.files().get(o).size());
    }

    static String counts(CommittedOutput output) {
        StringBuilder counts = new StringBuilder();
        for (String o : SensorAudit.OUTPUT_NAMES) {
            counts.append(o).append(": ").append(output.topics().get(o).size()).append(" in Kafka, ")
                    .append(output.files().get(o).size()).append(" in files; ");
        }
        return counts.toString();
    }

    private static void requireTime(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("timed out: " + what);
        }
    }

    @Override
    public void close() {
        readers.values().forEach(TopicReader::close);
    }
}
