package org.siddhiql.beam.io;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.siddhiql.testing.kafka.KafkaBrokerExtension;

/**
 * The app and data of the Kafka round trips on each runner: trades in on one topic, as Siddhi's JSON, with one record
 * that is not JSON; price alerts out on one topic and as CSV files, running volume totals of the last three trades on
 * another. Filters and a length window: the outputs do not depend on when the events are read.
 */
final class KafkaRoundTrip {
    static final List<String> TRADES = List.of(
            trade("IBM", 75.5, 100), trade("WSO2", 155.0, 10), trade("IBM", 176.0, 200), "this is not json",
            trade("ORCL", 45.0, 40), trade("WSO2", 210.0, 5), trade("IBM", 90.0, 20));
    static final List<String> ALERTS = List.of(
            "{\"event\":{\"symbol\":\"WSO2\",\"price\":155.0}}",
            "{\"event\":{\"symbol\":\"IBM\",\"price\":176.0}}",
            "{\"event\":{\"symbol\":\"WSO2\",\"price\":210.0}}");
    static final List<String> ALERT_LINES = List.of("IBM,176.0", "WSO2,155.0", "WSO2,210.0"); // sorted
    static final List<String> TOTALS = List.of(
            total("IBM", 100), total("WSO2", 110), total("IBM", 310), total("ORCL", 250), total("WSO2", 245),
            total("IBM", 65));

    private final KafkaBrokerExtension kafka;
    private final String prefix;

    /** @param prefix of the topics and the group: each test its own */
    KafkaRoundTrip(KafkaBrokerExtension kafka, String prefix) {
        this.kafka = kafka;
        this.prefix = prefix;
    }

    String topic(String name) {
        return prefix + "-" + name;
    }

    String app(Path alertFiles) {
        String servers = kafka.bootstrapServers();
        return String.join("\n",
                "@app:name('Alerts')",
                "@source(type='kafka', topic.list='" + topic("trades") + "', bootstrap.servers='" + servers
                        + "', group.id='" + prefix + "', threading.option='single.thread', @map(type='json'))",
                "define stream Trades (symbol string, price double, volume long);",
                "@sink(type='kafka', topic='" + topic("alerts") + "', bootstrap.servers='" + servers
                        + "', @map(type='json'))",
                "@sink(type='file', file.uri='" + alertFiles.toUri() + "', @map(type='csv'))",
                "define stream Alerts (symbol string, price double);",
                "@sink(type='kafka', topic='" + topic("totals") + "', bootstrap.servers='" + servers
                        + "', @map(type='json'))",
                "define stream Totals (symbol string, total long);",
                "from Trades[price > 100.0] select symbol, price insert into Alerts;",
                "from Trades#window.length(3) select symbol, sum(volume) as total insert into Totals;");
    }

    /** Creates the topics (one partition each: one order) and writes the trades. */
    void produceTrades() throws Exception {
        kafka.createTopics(Map.of(topic("trades"), 1, topic("alerts"), 1, topic("totals"), 1));
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            for (String trade : TRADES) {
                producer.send(new ProducerRecord<>(topic("trades"), trade.getBytes(UTF_8))).get();
            }
        }
    }

    /**
     * The lines of the complete files in {@code directory}, sorted (each file holds a bundle, and bundles are written
     * in parallel), once there are {@code count}, or all there are at the timeout.
     */
    static List<String> awaitLines(Path directory, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> lines = lines(directory);
        while (lines.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
            lines = lines(directory);
        }
        return lines;
    }

    private static List<String> lines(Path directory) {
        List<String> lines = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return lines;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("part")).sorted().toList()) {
                lines.addAll(Files.readAllLines(file, UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        lines.sort(null);
        return lines;
    }

    private static String trade(String symbol, double price, long volume) {
        return "{\"event\":{\"symbol\":\"" + symbol + "\",\"price\":" + price + ",\"volume\":" + volume + "}}";
    }

    private static String total(String symbol, long total) {
        return "{\"event\":{\"symbol\":\"" + symbol + "\",\"total\":" + total + "}}";
    }
}
