package org.siddhiql.connectors.map;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.connector.MapSpec;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.ConnectedApp;
import org.siddhiql.connectors.inmemory.InMemoryBroker;
import org.siddhiql.runtime.event.Event;

/**
 * Malformed records in every mapper reach the fault stream {@code !Trades} with the error, and the job keeps
 * running: per mapper, an app reads good and bad records interleaved from an inMemory topic on a MiniCluster; the
 * bad ones arrive on the fault stream with an {@code _error} that says what is wrong, the good ones after them are
 * still processed, and each bad one is counted in {@code unmappedRecords}.
 */
class MalformedRecordsITCase {
    private static final InMemoryReporter METRICS = InMemoryReporter.create();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1)
                    .setConfiguration(METRICS.addToConfiguration(new Configuration()))
                    .build());

    private static final StreamSchema TRADES = new StreamSchema("Trades", List.of("symbol", "price", "volume"),
            List.of(AttributeType.STRING, AttributeType.DOUBLE, AttributeType.LONG));
    private static final String ERROR = "org.siddhiql.connectors.MappingException: a message on topic '";

    /** Each good record's event, as the Accepted stream passes it through. */
    private static final List<String> ACCEPTED = List.of("[A, 1.5, 10]", "[D, 2.5, 20]", "[E, 3.0, 30]");

    @Test
    void json() throws Exception {
        String map = "@map(type='json', enclosing.element='$.trades',"
                + " @attributes(symbol='$.s', price='$.p.last', volume='$.v'))";
        List<Object> records = List.of(
                bytes("{\"trades\":[{\"s\":\"A\",\"p\":{\"last\":1.5},\"v\":10}]}"),
                bytes("{\"trades\":[{\"s\":\"B\",\"p\":{\"la"),
                bytes("{\"trades\":[{\"s\":\"C\",\"p\":{\"last\":\"high\"},\"v\":1}]}"),
                bytes("{\"trades\":[{\"s\":\"D\",\"p\":{\"last\":2.5},\"v\":20},"
                        + "{\"s\":\"E\",\"p\":{\"last\":3},\"v\":30}]}"),
                bytes("{\"trades\":[{\"s\":\"F\",\"p\":{\"last\":4.0}}]}"),
                bytes("{\"batch\":[]}"));
        assertFaults("json", map, records, List.of(
                "not JSON at column 29: Unexpected end-of-input in field name",
                "attribute 'price' is double but the record has \"high\"",
                "attribute 'volume' is missing at $.v",
                "the record has no enclosing element $.trades"));
    }

    @Test
    void csv() throws Exception {
        List<Object> records = List.of(bytes("A,1.5,10"), bytes("\"B,2.0,5"), bytes("C,x,1"),
                bytes("D,2.5,20"), bytes("X,1.0"), bytes("E,\"3.0\",30"), bytes("Y,\"1\"\"\",1"));
        assertFaults("csv", "@map(type='csv')", records, List.of(
                "the quote at column 1 is not closed",
                "attribute 'price' is double but the record has 'x'",
                "attribute 'volume' is missing: the line has 2 fields",
                "attribute 'price' is double but the record has '1\"'"));
    }

    @Test
    void text() throws Exception {
        String map = "@map(type='text', regex.T='(\\w+) @ ([-0-9.]+) x ([0-9]+)',"
                + " @attributes(symbol='T[1]', price='T[2]', volume='T[3]'))";
        List<Object> records = List.of(bytes("A @ 1.5 x 10"), bytes("garbage"), bytes("B @ 1.2.3 x 4"),
                bytes("D @ 2.5 x 20"), "E @ 3.0 x 30", bytes("F @ 1.0 x 99999999999999999999"));
        assertFaults("text", map, records, List.of(
                "attribute 'symbol' is missing: regex.T does not match the record",
                "attribute 'price' is double but the record has '1.2.3'",
                "attribute 'volume' is long but the record has '99999999999999999999'"));
    }

    @Test
    void keyValue() throws Exception {
        List<Object> records = List.of(
                trade("A", 1.5, 10L),
                trade("B", 2.0, "ten"),
                Map.of("symbol", "C", "volume", 3L),
                trade("D", 2.5, 20),
                bytes("{\"symbol\":\"X\",\"price\":"),
                bytes("{\"symbol\":\"E\",\"price\":3,\"volume\":30}"),
                "not a map");
        assertFaults("keyvalue", "@map(type='keyvalue')", records, List.of(
                "attribute 'volume' is long but the record has 'ten'",
                "attribute 'price' is missing: the record has no key 'price'",
                "not a JSON object of keys and values at column 23: Unexpected end-of-input within/between Object"
                        + " entries",
                "not a JSON object of keys and values at column 1: Unrecognized token 'not': was expecting (JSON"
                        + " String, Number, Array, Object or token 'null', 'true' or 'false')"));
    }

    @Test
    void avro() throws Exception {
        String schema = "{\"type\":\"record\",\"name\":\"Trade\",\"fields\":[{\"name\":\"symbol\",\"type\":\"string\"},"
                + "{\"name\":\"price\",\"type\":\"double\"},{\"name\":\"volume\",\"type\":\"long\"}]}";
        SinkMapper writer = Mappers.sink(new SinkSpec("Trades", "inmemory", Map.of(),
                new MapSpec("avro", Map.of("schema.def", schema)), 1, 1), TRADES);
        byte[] a = writer.toBytes(new Event(0, new Object[] {"A", 1.5, 10L}));
        byte[] d = writer.toBytes(new Event(0, new Object[] {"D", 2.5, 20L}));
        byte[] e = writer.toBytes(new Event(0, new Object[] {"E", 3.0, 30L}));
        List<Object> records = List.of(a, Arrays.copyOf(d, 5), bytes("{\"symbol\":\"B\"}"), d,
                Arrays.copyOf(e, e.length + 2), e, new byte[] {(byte) 0x81});
        assertFaults("avro", "@map(type='avro', schema.def=\"\"\"" + schema + "\"\"\")", records,
                List.of("not an Avro record of schema.def: the bytes end within the record",
                        "not an Avro record of schema.def: AvroRuntimeException: Malformed data. Length is negative:"
                                + " -62",
                        "not an Avro record of schema.def: bytes are left after the record",
                        "not an Avro record of schema.def: the bytes end within the record"));
    }

    @Test
    void passThrough() throws Exception {
        List<Object> records = List.of(
                new Object[] {"A", 1.5, 10L},
                new Object[] {"B", 2.0},
                new Object[] {"C", "2.0", 1L},
                new Event(7, new Object[] {"D", 2.5, 20}),
                "E,3.0,30",
                new Object[] {"E", 3.0, 30L});
        assertFaults("passThrough", "@map(type='passThrough')", records, List.of(
                "the record has 2 values but the stream has 3 attributes",
                "attribute 'price' is double but the record has '2.0'",
                "expected an Object[] or an Event, found a java.lang.String"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }

    private static Map<String, Object> trade(String symbol, double price, Object volume) {
        Map<String, Object> trade = new HashMap<>();
        trade.put("symbol", symbol);
        trade.put("price", price);
        trade.put("volume", volume);
        return trade;
    }

    /**
     * Runs the app of {@code map} over {@code records}, in order, and checks that Accepted passed exactly the good
     * records' events ({@link #ACCEPTED}) and the fault stream exactly {@code errors}, each naming the topic.
     */
    private static void assertFaults(String name, String map, List<Object> records, List<String> errors)
            throws Exception {
        String in = name + "-in";
        String app = "@app:name('Malformed" + name + "')\n"
                + "@OnError(action='STREAM')\n"
                + "@source(type='inMemory', topic='" + in + "', " + map + ")\n"
                + "define stream Trades (symbol string, price double, volume long);\n"
                + "@sink(type='inMemory', topic='" + name + "-accepted', @map(type='passThrough'))\n"
                + "define stream Accepted (symbol string, price double, volume long);\n"
                + "@sink(type='inMemory', topic='" + name + "-rejected', @map(type='passThrough'))\n"
                + "define stream Rejected (symbol string, error object);\n"
                + "from Trades select * insert into Accepted;\n"
                + "from !Trades select symbol, _error as error insert into Rejected;\n";
        List<String> accepted = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(1);
        env.getConfig().disableGenericTypes();
        ConnectedApp.addTo(env, new AppCompiler().compile(app), 1);
        try (InMemoryBroker.Subscription acceptedEvents = InMemoryBroker.subscribe(name + "-accepted",
                     event -> add(accepted, Arrays.toString(((Event) event).data())));
             InMemoryBroker.Subscription rejectedEvents = InMemoryBroker.subscribe(name + "-rejected",
                     event -> add(rejected, Arrays.toString(((Event) event).data())))) {
            JobClient job = env.executeAsync("Malformed " + name);
            try {
                InMemoryBroker.awaitSubscribers(in, 1, Duration.ofSeconds(60));
                for (Object record : records) {
                    InMemoryBroker.publish(in, record);
                }
                awaitSize(accepted, ACCEPTED.size());
                awaitSize(rejected, errors.size());
                Thread.sleep(500); // to see any surplus
                assertEquals(errors.size(), unmappedRecords(job.getJobID()));
            } finally {
                job.cancel().get();
            }
        }
        assertEquals(ACCEPTED, accepted);
        assertEquals(errors.stream().map(error -> "[null, " + ERROR + in + "' does not map: " + error + "]")
                .toList(), rejected);
    }

    private static void add(List<String> list, String value) {
        synchronized (list) {
            list.add(value);
        }
    }

    private static void awaitSize(List<String> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            synchronized (list) {
                if (list.size() >= size) {
                    return;
                }
            }
            Thread.sleep(20);
        }
    }

    private static long unmappedRecords(JobID job) {
        return METRICS.findMetrics(job, RecordMapping.UNMAPPED_RECORDS).values().stream()
                .mapToLong(counter -> ((Counter) counter).getCount())
                .sum();
    }
}
