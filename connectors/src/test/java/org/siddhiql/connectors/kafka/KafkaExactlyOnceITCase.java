package org.siddhiql.connectors.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.compiler.connector.SourceSpec;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.connectors.map.RecordMapping;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.flink.operator.TimeMode;
import org.siddhiql.flink.translate.FlinkTranslator;
import org.siddhiql.flink.typeutils.TaggedEventTypeInfo;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.testing.kafka.KafkaBrokerExtension;
import org.siddhiql.testing.kafka.TopicReader;

/**
 * A job whose Kafka sink is exactly-once fails once mid-stream, after a checkpoint, and restarts from it: a
 * {@code read_committed} reader of the output topic sees exactly what a run without the failure writes. The failed
 * attempt's records after the checkpoint were written in a transaction that the restart aborts, and the source
 * replays them from the checkpoint's offsets.
 */
class KafkaExactlyOnceITCase {
    private static final int EVENTS = 600;
    private static final int FAIL_AT = EVENTS * 3 / 4;

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    private static String app(String in, String out) {
        return "@app:name('Totals')\n"
                + "@source(type='kafka', topic.list='" + in + "', bootstrap.servers='" + KAFKA.bootstrapServers()
                + "', group.id='" + in + "-app', @map(type='json'))\n"
                + "define stream Trades (symbol string, price double, volume long);\n"
                + "@sink(type='kafka', topic='" + out + "', bootstrap.servers='" + KAFKA.bootstrapServers()
                + "', @map(type='json'))\n"
                + "define stream Totals (symbol string, total double);\n"
                + "from Trades select symbol, price * volume as total insert into Totals;\n";
    }

    /**
     * The first half of the input is produced, and its output read committed, so a checkpoint has completed; then the
     * second half, in the middle of which the job fails once.
     */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void aFailureMidStreamNeitherDuplicatesNorLosesOutput(int parallelism) throws Exception {
        String in = "eos-trades-p" + parallelism;
        String out = "eos-totals-p" + parallelism;
        KAFKA.createTopics(Map.of(in, 1, out, 1));
        FailOnce.reset();
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
        config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ZERO);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        env.getConfig().disableGenericTypes();
        env.enableCheckpointing(100);
        addFailingOnce(env, new AppCompiler().compile(app(in, out)), parallelism);

        List<String> expected = new ArrayList<>();
        List<String> actual;
        JobClient job = env.executeAsync("Totals");
        try (KafkaProducer<byte[], byte[]> producer = KAFKA.producer();
                TopicReader reader = KAFKA.reader(out)) {
            produce(producer, in, 0, EVENTS / 2, expected);
            reader.readUntil(expected.size(), Duration.ofSeconds(90));
            produce(producer, in, EVENTS / 2, EVENTS, expected);
            reader.readUntil(expected.size(), Duration.ofSeconds(90));
            actual = new ArrayList<>(reader.readFor(Duration.ofSeconds(2)));
        } finally {
            job.cancel().get();
        }

        assertTrue(FailOnce.FAILED.get(), "the job did not fail: the test proves nothing");
        if (parallelism > 1) {
            expected.sort(null);
            actual.sort(null);
        }
        assertEquals(expected, actual);
    }

    /**
     * What {@code ConnectedApp} builds for this app, with a function before the sink that fails once: the app's one
     * source, its query, and the exactly-once sink with the prefix {@code ConnectedApp} would give it.
     */
    private static void addFailingOnce(StreamExecutionEnvironment env, AppPlan plan, int parallelism) {
        TaggedEventTypeInfo type = new TaggedEventTypeInfo(new ArrayList<>(plan.streams().values()));
        List<String> streamNames = new ArrayList<>(plan.streams().keySet());
        SourceSpec source = plan.sources().get(0);
        RecordMapping mapping = new RecordMapping(source, plan.stream(source.stream()),
                streamNames.indexOf(source.stream()), -1);
        DataStream<TaggedEvent> input = env.fromSource(KafkaConnectors.source(source, mapping, type),
                WatermarkStrategy.noWatermarks(), "kafka source").setParallelism(1);
        DataStream<Event> totals = FlinkTranslator.translate(plan, input, Set.of(source.stream()),
                TimeMode.PROCESSING_TIME, parallelism).get("Totals");
        SinkSpec sink = plan.sinks().get(0);
        totals.map(new FailOnce()).returns(totals.getType())
                .sinkTo(KafkaConnectors.sink(sink, plan.stream(sink.stream()), true, "Totals-siddhi-sink-Totals-0"));
    }

    /**
     * Throws once, at the {@value #FAIL_AT}th event it sees. Static, as its subtasks and their restarts share the
     * MiniCluster's JVM.
     */
    private static final class FailOnce implements MapFunction<Event, Event> {
        static final AtomicBoolean FAILED = new AtomicBoolean();
        static final AtomicInteger SEEN = new AtomicInteger();

        static void reset() {
            FAILED.set(false);
            SEEN.set(0);
        }

        @Override
        public Event map(Event event) {
            if (SEEN.incrementAndGet() >= FAIL_AT && FAILED.compareAndSet(false, true)) {
                throw new IllegalStateException("failing once, as the test asks");
            }
            return event;
        }
    }

    /** Trades {@code from} until {@code to}, and the output each should have. */
    private static void produce(KafkaProducer<byte[], byte[]> producer, String topic, int from, int to,
            List<String> expected) {
        for (int i = from; i < to; i++) {
            String event = "{\"event\":{\"symbol\":\"S" + i + "\",\"price\":" + (i + 0.5) + ",\"volume\":2}}";
            producer.send(new ProducerRecord<>(topic, event.getBytes(UTF_8)));
            expected.add("{\"event\":{\"symbol\":\"S" + i + "\",\"total\":" + (i + 0.5) * 2 + "}}");
        }
        producer.flush();
    }
}
