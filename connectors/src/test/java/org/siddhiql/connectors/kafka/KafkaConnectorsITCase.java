package org.siddhiql.connectors.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.connector.MapSpec;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.ConnectedApp;
import org.siddhiql.connectors.map.Mappers;
import org.siddhiql.connectors.map.SinkMapper;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.testing.kafka.KafkaBrokerExtension;
import org.siddhiql.testing.kafka.TopicReader;

/** A SiddhiQL app reading JSON events from a real Kafka topic and writing its results to another, on a MiniCluster. */
class KafkaConnectorsITCase {
    private static final int EVENTS = 1000;

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    private static final InMemoryReporter METRICS = InMemoryReporter.create();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .setConfiguration(METRICS.addToConfiguration(new Configuration()))
                    .build());

    private static String app(String in, String out) {
        return "@app:name('BigTrades')\n"
                + "@source(type='kafka', topic.list='" + in + "', bootstrap.servers='" + KAFKA.bootstrapServers()
                + "', group.id='" + in + "-app', threading.option='single.thread', @map(type='json'))\n"
                + "define stream Trades (symbol string, price double, volume long);\n"
                + "@sink(type='kafka', topic='" + out + "', bootstrap.servers='" + KAFKA.bootstrapServers()
                + "', @map(type='json'))\n"
                + "define stream BigTrades (symbol string, total double);\n"
                + "from Trades[volume >= 5] select symbol, price * volume as total insert into BigTrades;\n";
    }

    /**
     * Every event i has volume i % 10; every 100th record is malformed (truncated JSON, or a string for the long
     * volume): it is counted and logged, and the job goes on.
     */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void filtersAndProjectsEventsFromTopicToTopic(int parallelism) throws Exception {
        String in = "trades-p" + parallelism;
        String out = "big-trades-p" + parallelism;
        KAFKA.createTopics(Map.of(in, 1, out, 1));
        List<String> expected = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = KAFKA.producer()) {
            for (int i = 0; i < EVENTS; i++) {
                double price = i + 0.25;
                long volume = i % 10;
                String event = "{\"event\":{\"symbol\":\"S" + i % 3 + "\",\"price\":" + price + ",\"volume\":"
                        + volume + "}}";
                producer.send(new ProducerRecord<>(in, event.getBytes(UTF_8)));
                if (volume >= 5) {
                    expected.add("{\"event\":{\"symbol\":\"S" + i % 3 + "\",\"total\":" + price * volume + "}}");
                }
                if (i % 100 == 50) {
                    producer.send(new ProducerRecord<>(in, "{\"event\":{\"symbol\":\"S".getBytes(UTF_8)));
                    producer.send(new ProducerRecord<>(in,
                            "{\"symbol\":\"X\",\"price\":1.0,\"volume\":\"many\"}".getBytes(UTF_8)));
                }
            }
        }

        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        env.getConfig().disableGenericTypes();
        env.enableCheckpointing(500);
        ConnectedApp.addTo(env, new AppCompiler().compile(app(in, out)), parallelism);
        JobClient job = env.executeAsync("BigTrades");
        List<String> actual;
        try {
            actual = consume(out, expected.size());
            assertEquals(2 * EVENTS / 100, unmappedRecords(job.getJobID()));
        } finally {
            job.cancel().get();
        }

        if (parallelism > 1) {
            // the filter runs in parallel into one partition: the order across its subtasks is not defined
            expected.sort(null);
            actual.sort(null);
        }
        assertEquals(expected, actual);
    }

    /**
     * With {@code @OnError(action='STREAM')} on the source's stream, records that do not map go on to its fault stream,
     * whose reader here sinks them with their errors; the mapped records go through as ever.
     */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void unmappedRecordsGoToTheFaultStreamOfAStreamWithOnErrorStream(int parallelism) throws Exception {
        String in = "orders-p" + parallelism;
        String out = "rejected-p" + parallelism;
        String accepted = "accepted-p" + parallelism;
        KAFKA.createTopics(Map.of(in, 1, out, 1, accepted, 1));
        List<String> records = List.of("{\"event\":{\"item\":\"a\",\"quantity\":1}}",
                "{\"event\":{\"item\":\"b\",\"quantity\":\"two\"}}",
                "{\"event\":{\"item\":\"c\",\"quantity\":3}}",
                "{\"event\":{\"item\":\"d\"}}");
        try (KafkaProducer<byte[], byte[]> producer = KAFKA.producer()) {
            for (String record : records) {
                producer.send(new ProducerRecord<>(in, record.getBytes(UTF_8)));
            }
        }
        String app = "@app:name('Orders')\n"
                + "@OnError(action='STREAM')\n"
                + "@source(type='kafka', topic.list='" + in + "', bootstrap.servers='" + KAFKA.bootstrapServers()
                + "', group.id='" + in + "-app', @map(type='json'))\n"
                + "define stream Orders (item string, quantity long);\n"
                + "@sink(type='kafka', topic='" + out + "', bootstrap.servers='" + KAFKA.bootstrapServers()
                + "', @map(type='json'))\n"
                + "define stream Rejected (item string, error object);\n"
                + "@sink(type='kafka', topic='" + accepted + "', bootstrap.servers='" + KAFKA.bootstrapServers()
                + "', @map(type='json'))\n"
                + "define stream Accepted (item string, quantity long);\n"
                + "from !Orders select item, _error as error insert into Rejected;\n"
                + "from Orders select item, quantity insert into Accepted;\n";

        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        env.getConfig().disableGenericTypes();
        env.enableCheckpointing(200);
        ConnectedApp.addTo(env, new AppCompiler().compile(app), parallelism);
        JobClient job = env.executeAsync("Orders");
        List<String> rejected;
        List<String> acceptedRecords;
        try {
            rejected = consume(out, 2);
            acceptedRecords = consume(accepted, 2);
            assertEquals(2, unmappedRecords(job.getJobID()));
        } finally {
            job.cancel().get();
        }

        String error = "org.siddhiql.connectors.MappingException: the record at " + in;
        assertEquals(List.of(
                "{\"event\":{\"item\":null,\"error\":\"" + error + "-0@1 does not map: attribute 'quantity' is "
                        + "long but the record has \\\"two\\\"\"}}",
                "{\"event\":{\"item\":null,\"error\":\"" + error + "-0@3 does not map: attribute 'quantity' is "
                        + "missing\"}}"), rejected);
        // the fault stream's reader runs in the sequential operator, in order; Accepted's query may run in parallel
        acceptedRecords.sort(null);
        assertEquals(List.of("{\"event\":{\"item\":\"a\",\"quantity\":1}}",
                "{\"event\":{\"item\":\"c\",\"quantity\":3}}"), acceptedRecords);
    }

    /**
     * Avro records in, text records out through a {@code @payload} template, over the real broker: the Avro record
     * cut short goes to the fault stream with its error, the ones around it are written.
     */
    @Test
    void avroRecordsInTextPayloadsOut() throws Exception {
        String in = "avro-trades";
        String out = "text-trades";
        String rejected = "avro-rejected";
        KAFKA.createTopics(Map.of(in, 1, out, 1, rejected, 1));
        String schema = "{\"type\":\"record\",\"name\":\"Trade\",\"fields\":["
                + "{\"name\":\"symbol\",\"type\":\"string\"},{\"name\":\"volume\",\"type\":\"long\"}]}";
        StreamSchema trades = new StreamSchema("Trades", List.of("symbol", "volume"),
                List.of(AttributeType.STRING, AttributeType.LONG));
        SinkMapper avro = Mappers.sink(new SinkSpec("Trades", "kafka", Map.of(),
                new MapSpec("avro", Map.of("schema.def", schema)), 1, 1), trades);
        byte[] truncated = avro.toBytes(new Event(0, new Object[] {"CUT", 1L}));
        try (KafkaProducer<byte[], byte[]> producer = KAFKA.producer()) {
            producer.send(new ProducerRecord<>(in, avro.toBytes(new Event(0, new Object[] {"IBM", 100L}))));
            producer.send(new ProducerRecord<>(in, Arrays.copyOf(truncated, truncated.length - 1)));
            producer.send(new ProducerRecord<>(in, avro.toBytes(new Event(0, new Object[] {"HP", 7L}))));
        }
        String servers = KAFKA.bootstrapServers();
        String app = "@app:name('AvroToText')\n"
                + "@OnError(action='STREAM')\n"
                + "@source(type='kafka', topic.list='" + in + "', bootstrap.servers='" + servers + "', group.id='"
                + in + "-app', @map(type='avro', schema.def=\"\"\"" + schema + "\"\"\"))\n"
                + "define stream Trades (symbol string, volume long);\n"
                + "@sink(type='kafka', topic='" + out + "', bootstrap.servers='" + servers + "',\n"
                + "      @map(type='text', @payload('{{symbol}} traded {{volume}}')))\n"
                + "define stream Traded (symbol string, volume long);\n"
                + "@sink(type='kafka', topic='" + rejected + "', bootstrap.servers='" + servers + "',\n"
                + "      @map(type='keyvalue', @payload(why='error')))\n"
                + "define stream Rejected (error object);\n"
                + "from Trades select * insert into Traded;\n"
                + "from !Trades select _error as error insert into Rejected;\n";

        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(1);
        env.enableCheckpointing(200);
        ConnectedApp.addTo(env, new AppCompiler().compile(app), 1);
        JobClient job = env.executeAsync("AvroToText");
        List<String> traded;
        List<String> faults;
        try {
            traded = consume(out, 2);
            faults = consume(rejected, 1);
        } finally {
            job.cancel().get();
        }
        assertEquals(List.of("IBM traded 100", "HP traded 7"), traded);
        assertEquals(List.of("{\"why\":\"org.siddhiql.connectors.MappingException: the record at " + in
                + "-0@1 does not map: not an Avro record of schema.def: the bytes end within the record\"}"), faults);
    }

    private static long unmappedRecords(JobID job) {
        return METRICS.findMetrics(job, "unmappedRecords").values().stream()
                .mapToLong(counter -> ((Counter) counter).getCount())
                .sum();
    }

    /** The topic's records until {@code count} arrived, and a further second to see any surplus. */
    private static List<String> consume(String topic, int count) {
        try (TopicReader reader = KAFKA.reader(topic)) {
            reader.readUntil(count, Duration.ofSeconds(90));
            return reader.readFor(Duration.ofSeconds(1));
        }
    }
}
