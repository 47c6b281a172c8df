package org.siddhiql.beam.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.testing.kafka.KafkaBrokerExtension;
import org.siddhiql.testing.kafka.TopicReader;

/**
 * The Kafka and file round trip of {@link SiddhiConnectorsDirectTest} on Beam's FlinkRunner, in streaming mode at
 * parallelism 2 with checkpoints, on a Flink MiniCluster.
 */
class SiddhiConnectorsFlinkITCase {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    Path dir;

    @Test
    void readsKafkaRunsTheQueriesAndWritesKafkaAndFiles() throws Exception {
        KafkaRoundTrip trip = new KafkaRoundTrip(KAFKA, "flink");
        trip.produceTrades();
        Path alertFiles = dir.resolve("alerts");
        FlinkPipelineOptions options = PipelineOptionsFactory.as(FlinkPipelineOptions.class);
        options.setRunner(FlinkRunner.class);
        options.setFlinkMaster("[auto]"); // the MiniCluster
        options.setStreaming(true);
        options.setParallelism(2);
        options.setCheckpointingInterval(500L);
        options.setAttachedMode(false); // the Kafka source never ends: the test cancels the job
        Pipeline pipeline = Pipeline.create(options);
        pipeline.apply(SiddhiConnectors.of(trip.app(alertFiles)));
        PipelineResult result = pipeline.run();
        try (TopicReader alerts = KAFKA.reader(trip.topic("alerts"));
                TopicReader totals = KAFKA.reader(trip.topic("totals"))) {
            assertEquals(KafkaRoundTrip.ALERTS, alerts.readUntil(KafkaRoundTrip.ALERTS.size(), TIMEOUT));
            assertEquals(KafkaRoundTrip.TOTALS, totals.readUntil(KafkaRoundTrip.TOTALS.size(), TIMEOUT));
            assertEquals(KafkaRoundTrip.ALERT_LINES,
                    KafkaRoundTrip.awaitLines(alertFiles, KafkaRoundTrip.ALERT_LINES.size(), TIMEOUT));
            assertEquals(KafkaRoundTrip.ALERTS, alerts.readFor(Duration.ofSeconds(1)));
            assertEquals(KafkaRoundTrip.TOTALS, totals.readFor(Duration.ofSeconds(1)));
        } finally {
            result.cancel();
        }
    }
}
