package org.siddhiql.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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

/**
 * {@code bin/siddhi run --metrics-port}: a live app's per-query and per-stream metrics, scraped from Flink's
 * Prometheus reporter while the job runs, after four known events.
 */
class MetricsEndpointITCase {
    /** A metric line of the siddhiQuery or siddhiStream groups: name, the group's label, and value. */
    private static final Pattern SIDDHI_METRIC = Pattern.compile(
            "^(flink_taskmanager_job_task_operator_siddhi(?:Query|Stream)_\\w+)\\{.*?(siddhi(?:Query|Stream))=\"(\\w+)\""
                    + ".*\\} (\\S+)$");

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    Path dir;

    @Test
    void servesTheCountsOfEachQueryAndStream() throws Exception {
        KAFKA.createTopics(Map.of("trades", 1));
        try (KafkaProducer<byte[], byte[]> producer = KAFKA.producer()) {
            for (String trade : List.of("\"IBM\",\"price\":60.0", "\"WSO2\",\"price\":40.0",
                    "\"ORCL\",\"price\":70.0", "\"MSFT\",\"price\":80.0")) {
                String event = "{\"event\":{\"symbol\":" + trade + "}}";
                producer.send(new ProducerRecord<>("trades", event.getBytes(UTF_8)));
            }
        }
        Path app = Files.writeString(dir.resolve("metered.siddhi"), "@app:name('Metered')\n"
                + "@source(type='kafka', topic.list='trades', bootstrap.servers='" + KAFKA.bootstrapServers()
                + "', group.id='metered', threading.option='single.thread', @map(type='json'))\n"
                + "define stream Trades (symbol string, price double);\n"
                + "@info(name='expensive') from Trades[price > 50.0] select symbol, price insert into Expensive;\n"
                + "@info(name='lastTwo') from Trades#window.length(2) select symbol, sum(price) as total\n"
                + "insert into Totals;\n", UTF_8);
        int port = freePort();

        CompletableFuture<CliRun> result = new CompletableFuture<>();
        Thread run = new Thread(() -> result.complete(CliRun.of("run", app.toString(), "--metrics-port",
                String.valueOf(port), "--checkpoint-dir", dir.resolve("checkpoints").toString(),
                "--out", dir.resolve("out").toString())), "siddhi run");
        run.setDaemon(true);
        run.start();
        try {
            List<String> expected = List.of(
                    "siddhiQuery_errors expensive 0.0",
                    "siddhiQuery_errors lastTwo 0.0",
                    "siddhiQuery_eventsIn expensive 4.0",
                    "siddhiQuery_eventsIn lastTwo 4.0",
                    "siddhiQuery_eventsOut expensive 3.0",
                    "siddhiQuery_eventsOut lastTwo 4.0",
                    "siddhiQuery_latencyMs_count lastTwo 4.0",
                    "siddhiQuery_windowEvents lastTwo 2.0",
                    "siddhiStream_eventsIn Trades 4.0",
                    "siddhiStream_eventsOut Totals 4.0",
                    "siddhiStream_lateEvents Trades 0.0");
            assertEquals(expected, awaitMetrics(port, expected));
        } finally {
            run.interrupt(); // as Ctrl-C: the run cancels its job, and the cluster and its endpoint stop
            CliRun cancelled = result.get(60, TimeUnit.SECONDS);
            assertEquals(0, cancelled.exitCode(), cancelled.err());
        }
    }

    /**
     * Scrapes until the siddhi metrics equal {@code expected} (the job is still starting or reading), or a minute has
     * passed; returns the last scrape's, as "group_metric label value" lines, sorted.
     */
    private static List<String> awaitMetrics(int port, List<String> expected) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest scrape = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        List<String> metrics = List.of();
        while (System.nanoTime() < deadline && !metrics.equals(expected)) {
            Thread.sleep(200);
            try {
                metrics = siddhiMetrics(http.send(scrape, HttpResponse.BodyHandlers.ofString()).body());
            } catch (IOException notYetListening) {
                // the cluster starts its reporter after the run has begun
            }
        }
        return metrics;
    }

    private static List<String> siddhiMetrics(String exposition) {
        TreeSet<String> lines = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            Matcher metric = SIDDHI_METRIC.matcher(line);
            if (metric.matches() && !line.contains("quantile=")) {
                lines.add(metric.group(1).substring("flink_taskmanager_job_task_operator_".length()) + " "
                        + metric.group(3) + " " + metric.group(4));
            }
        }
        return List.copyOf(lines);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
