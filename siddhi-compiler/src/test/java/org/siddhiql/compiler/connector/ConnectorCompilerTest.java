package org.siddhiql.compiler.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.plan.AppPlan;

class ConnectorCompilerTest {
    private static final String QUERY = "from Trades[price > 10.0] select symbol, price insert into Big;\n";

    private static AppPlan compile(String app) {
        return new AppCompiler().compile(app);
    }

    private static CompileException error(String app) {
        return assertThrows(CompileException.class, () -> compile(app));
    }

    @Test
    void kafkaSourceAndSinkBecomeSpecsWithSiddhisOptionNames() {
        AppPlan plan = compile("@source(type='kafka', topic.list='trades', bootstrap.servers='127.0.0.1:9092',\n"
                + "        group.id='g1', threading.option='single.thread', @map(type='json'))\n"
                + "define stream Trades (symbol string, price double);\n"
                + "@sink(type='Kafka', topic='big', bootstrap.servers='127.0.0.1:9092',\n"
                + "      @map(type='json'))\n"
                + "define stream Big (symbol string, price double);\n"
                + QUERY);

        assertEquals(List.of(new SourceSpec("Trades", "kafka", Map.of("topic.list", "trades",
                "bootstrap.servers", "127.0.0.1:9092", "group.id", "g1", "threading.option", "single.thread"),
                new MapSpec("json", Map.of()), 1, 1)), plan.sources());
        assertEquals(List.of(new SinkSpec("Big", "kafka", Map.of("topic", "big", "bootstrap.servers",
                "127.0.0.1:9092"), new MapSpec("json", Map.of()), 4, 1)), plan.sinks());
        assertEquals("@sink(type='kafka', bootstrap.servers='127.0.0.1:9092', topic='big', @map(type='json')) Big",
                plan.sinks().get(0).toString());
    }

    @Test
    void anAppWithoutConnectorsHasNone() {
        AppPlan plan = compile("define stream Trades (symbol string, price double);\n" + QUERY);
        assertEquals(List.of(), plan.sources());
        assertEquals(List.of(), plan.sinks());
    }

    @Test
    void specsSurviveJavaSerialization() throws Exception {
        SourceSpec spec = new SourceSpec("S", "kafka", Map.of("topic.list", "t"),
                new MapSpec("json", Map.of("fail.on.missing.attribute", "false")), 3, 5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(spec);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(spec, in.readObject());
        }
    }

    @Test
    void anUnknownConnectorTypeIsNamedWithItsPosition() {
        CompileException e = error("define stream In (a int);\n"
                + "  @source(type='carrierPigeon', @map(type='json'))\n"
                + "define stream Trades (symbol string, price double);\n" + QUERY);
        assertEquals("2:3: @source of stream 'Trades' has unknown type 'carrierPigeon': supported types are"
                + " 'delta', 'file', 'http', 'iceberg', 'inmemory', 'kafka', 's3'", e.getMessage());
    }

    @Test
    void aMissingRequiredOptionIsNamed() {
        CompileException e = error("@source(type='kafka', topic.list='trades', @map(type='json'))\n"
                + "define stream Trades (symbol string, price double);\n" + QUERY);
        assertEquals("1:1: @source of stream 'Trades' (type 'kafka') misses required options "
                + "'bootstrap.servers', 'group.id'", e.getMessage());
    }

    @Test
    void anUnknownOptionIsRejectedRatherThanIgnored() {
        CompileException e = error("define stream Trades (symbol string, price double);\n"
                + "@sink(type='kafka', topic='big', bootstrap.servers='b:1', partition.no='3', @map(type='json'))\n"
                + "define stream Big (symbol string, price double);\n" + QUERY);
        assertEquals("2:59: @sink of stream 'Big' (type 'kafka') has unknown option 'partition.no': it takes "
                + "'bootstrap.servers', 'delivery.guarantee', 'optional.configuration', 'topic'", e.getMessage());
    }

    @Test
    void optionalConfigurationTakesKeyValuePairs() {
        CompileException e = error("@sink(type='kafka', topic='big', bootstrap.servers='b:1',\n"
                + "      optional.configuration='acks:all,linger.ms', @map(type='json'))\n"
                + "define stream Trades (symbol string, price double);\n" + QUERY);
        assertEquals("2:7: @sink of stream 'Trades' has entry 2 of optional.configuration not in 'key:value' form: "
                + "it takes 'key:value' pairs separated by commas", e.getMessage());
    }

    @Test
    void deliveryGuaranteeIsExactlyOnceOrAtLeastOnce() {
        AppPlan plan = compile("define stream Trades (symbol string, price double);\n"
                + "@sink(type='kafka', topic='big', bootstrap.servers='b:1', delivery.guarantee='at_least_once',\n"
                + "      @map(type='json'))\n"
                + "define stream Big (symbol string, price double);\n" + QUERY);
        assertEquals("at_least_once", plan.sinks().get(0).option("delivery.guarantee"));

        CompileException e = error("@sink(type='kafka', topic='big', bootstrap.servers='b:1',\n"
                + "      delivery.guarantee='none', @map(type='json'))\n"
                + "define stream Trades (symbol string, price double);\n" + QUERY);
        assertEquals("2:7: @sink of stream 'Trades' has delivery.guarantee 'none': it takes 'at_least_once', "
                + "'exactly_once'", e.getMessage());
    }

    @Test
    void aConnectorWithoutMapPassesThroughWhereItCarriesObjects() {
        AppPlan plan = compile("@sink(type='log')\n"
                + "define stream Trades (symbol string, price double);\n" + QUERY);
        assertEquals(new MapSpec("passthrough", Map.of()), plan.sinks().get(0).map());

        CompileException missing = error("@sink(type='kafka', topic='big', bootstrap.servers='b:1')\n"
                + "define stream Trades (symbol string, price double);\n" + QUERY);
        assertEquals("1:1: @sink of stream 'Trades' (type 'kafka') cannot map passthrough (the default without @map):"
                + " it maps 'avro', 'csv', 'json', 'keyvalue', 'text'", missing.getMessage());

        CompileException unknown = error("@sink(type='kafka', topic='big', bootstrap.servers='b:1', "
                + "@map(type='xml'))\ndefine stream Trades (symbol string, price double);\n" + QUERY);
        assertEquals("1:59: @map of @sink of stream 'Trades' has unknown type 'xml': supported types are 'avro', "
                + "'csv', 'json', 'keyvalue', 'passthrough', 'text'", unknown.getMessage());
    }
}
