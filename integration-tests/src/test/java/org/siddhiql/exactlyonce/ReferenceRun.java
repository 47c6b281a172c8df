package org.siddhiql.exactlyonce;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.connectors.ConnectedApp;
import org.siddhiql.testing.kafka.KafkaBrokerExtension;

/**
 * The output of {@link SensorAudit} without failures: the app runs on a MiniCluster in this JVM over all readings,
 * which are in its input topic before it starts, with the same connectors and checkpointing as the runs under test.
 */
final class ReferenceRun {
    static final String NAME = "ReferenceAudit";

    private ReferenceRun() {
    }

    static CommittedOutput run(KafkaBrokerExtension kafka, Path files, int events, Duration timeout)
            throws Exception {
        String input = NAME + "-readings";
        createTopics(kafka, NAME, input);
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            new Readings().send(producer, input, events);
        }
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(1);
        env.getConfig().disableGenericTypes();
        env.enableCheckpointing(500);
        ConnectedApp.addTo(env, new AppCompiler().compile(SensorAudit.app(NAME, input, kafka.bootstrapServers(),
                files)), 1);
        JobClient job = env.executeAsync(NAME);
        try (OutputWatch watch = new OutputWatch(kafka, NAME, files)) {
            return watch.awaitComplete(events, timeout);
        } finally {
            job.cancel().get();
        }
    }

    /** The input topic and the output topics of run {@code name}, one partition each. */
    static void createTopics(KafkaBrokerExtension kafka, String name, String input) {
        Map<String, Integer> topics = new HashMap<>(Map.of(input, 1));
        SensorAudit.OUTPUT_NAMES.forEach(output -> topics.put(SensorAudit.topic(name, output), 1));
        kafka.createTopics(topics);
    }
}
