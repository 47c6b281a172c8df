package org.siddhiql.beam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricNameFilter;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.testing.kafka.KafkaBrokerExtension;
import org.siddhiql.testing.kafka.TopicReader;

/** An app with Kafka and file connectors on Beam's DirectRunner, against a real broker. */
class SiddhiConnectorsDirectTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    Path dir;

    @Test
    void readsKafkaRunsTheQueriesAndWritesKafkaAndFiles() throws Exception {
        KafkaRoundTrip trip = new KafkaRoundTrip(KAFKA, "direct");
        trip.produceTrades();
        Path alertFiles = dir.resolve("alerts");
        DirectOptions options = PipelineOptionsFactory.as(DirectOptions.class);
        options.setRunner(DirectRunner.class);
        options.setBlockOnRun(false); // the Kafka source never ends: the test cancels the run
        Pipeline pipeline = Pipeline.create(options);
        pipeline.apply(SiddhiConnectors.of(trip.app(alertFiles)));
        PipelineResult result = pipeline.run();
        try (TopicReader alerts = KAFKA.reader(trip.topic("alerts"));
                TopicReader totals = KAFKA.reader(trip.topic("totals"))) {
            assertEquals(KafkaRoundTrip.ALERTS, alerts.readUntil(KafkaRoundTrip.ALERTS.size(), TIMEOUT));
            assertEquals(KafkaRoundTrip.TOTALS, totals.readUntil(KafkaRoundTrip.TOTALS.size(), TIMEOUT));
            assertEquals(KafkaRoundTrip.ALERT_LINES,
                    KafkaRoundTrip.awaitLines(alertFiles, KafkaRoundTrip.ALERT_LINES.size(), TIMEOUT));
            // nothing more: the record that is not JSON was dropped (and logged), not mapped to something
            assertEquals(KafkaRoundTrip.ALERTS, alerts.readFor(Duration.ofSeconds(1)));
            assertEquals(KafkaRoundTrip.TOTALS, totals.readFor(Duration.ofSeconds(1)));
            assertEquals(1L, unmappedRecords(result, "Trades"));
        } finally {
            result.cancel();
        }
    }

    private static long unmappedRecords(PipelineResult result, String stream) {
        List<MetricResult<Long>> counters = new java.util.ArrayList<>();
        result.metrics().queryMetrics(MetricsFilter.builder()
                        .addNameFilter(MetricNameFilter.named("stream=" + stream, "unmappedRecords")).build())
                .getCounters().forEach(counters::add);
        return counters.stream().mapToLong(MetricResult::getAttempted).sum();
    }
}
