package org.siddhiql.connectors.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.connector.MapSpec;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.connectors.map.RecordMapping;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.flink.typeutils.TaggedEventTypeInfo;
import org.siddhiql.runtime.event.Event;

class KafkaConnectorsTest {
    @Test
    void optionalConfigurationBecomesClientProperties() {
        SinkSpec spec = new SinkSpec("Out", "kafka", Map.of("topic", "t", "bootstrap.servers", "b:1",
                "optional.configuration", "acks:all, linger.ms:5,client.id:a:b"), new MapSpec("json", Map.of()), 1, 1);
        Properties expected = new Properties();
        expected.putAll(Map.of("acks", "all", "linger.ms", "5", "client.id", "a:b"));
        assertEquals(expected, KafkaConnectors.optionalConfiguration(spec));
    }

    /**
     * SASL and SSL settings pass through {@code optional.configuration} into the clients' properties, with
     * {@code ${NAME}} references resolved when the connector is built; descriptions of the spec mask them.
     */
    @Test
    void saslAndSslOptionsReachTheKafkaClientsWithReferencesResolved() throws Exception {
        String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"app\""
                + " password=\"${siddhiql.test.kafka.password}\";";
        AppPlan plan = new AppCompiler().compile("@source(type='kafka', topic.list='t', bootstrap.servers='b:9093',"
                + " group.id='g', optional.configuration=\"\"\"security.protocol:SASL_SSL,sasl.mechanism:PLAIN,"
                + "sasl.jaas.config:" + jaas + ",ssl.truststore.location:/etc/trust.p12,"
                + "ssl.truststore.password:${siddhiql.test.trust.password}\"\"\", @map(type='json'))\n"
                + "define stream Trades (symbol string);\n"
                + "@sink(type='kafka', topic='out', bootstrap.servers='b:9093',"
                + " optional.configuration='security.protocol:SASL_SSL,sasl.jaas.config:${siddhiql.test.jaas}',"
                + " @map(type='json'))\n"
                + "define stream Out (symbol string);\n"
                + "from Trades select symbol insert into Out;\n");
        System.setProperty("siddhiql.test.kafka.password", "kafka-pw");
        System.setProperty("siddhiql.test.trust.password", "trust-pw");
        System.setProperty("siddhiql.test.jaas", "ScramLoginModule required;");
        Properties consumer;
        Properties producer;
        try {
            KafkaSource<TaggedEvent> source = KafkaConnectors.source(plan.sources().get(0),
                    new RecordMapping(plan.sources().get(0), plan.stream("Trades"), 0, -1),
                    new TaggedEventTypeInfo(new ArrayList<>(plan.streams().values())));
            consumer = clientProperties(source, "getConfiguration");
            KafkaSink<Event> sink = KafkaConnectors.sink(plan.sinks().get(0), plan.stream("Out"), false, "app-out");
            producer = clientProperties(sink, "getKafkaProducerConfig");
        } finally {
            System.clearProperty("siddhiql.test.kafka.password");
            System.clearProperty("siddhiql.test.trust.password");
            System.clearProperty("siddhiql.test.jaas");
        }
        assertEquals("SASL_SSL", consumer.getProperty("security.protocol"));
        assertEquals("PLAIN", consumer.getProperty("sasl.mechanism"));
        assertEquals(jaas.replace("${siddhiql.test.kafka.password}", "kafka-pw"),
                consumer.getProperty("sasl.jaas.config"));
        assertEquals("/etc/trust.p12", consumer.getProperty("ssl.truststore.location"));
        assertEquals("trust-pw", consumer.getProperty("ssl.truststore.password"));
        assertEquals("SASL_SSL", producer.getProperty("security.protocol"));
        assertEquals("ScramLoginModule required;", producer.getProperty("sasl.jaas.config"));
        assertFalse(plan.sources().get(0).toString().contains("kafka-pw"));
    }

    /**
     * The properties a Flink Kafka connector hands its clients. The connectors expose them only to their own
     * package, for tests; reading them is the one way to see what reaches the client without a SASL broker.
     */
    private static Properties clientProperties(Object connector, String accessor) throws Exception {
        Method method = connector.getClass().getDeclaredMethod(accessor);
        method.setAccessible(true);
        Object value = method.invoke(connector);
        Properties properties = new Properties();
        if (value instanceof Configuration configuration) {
            properties.putAll(configuration.toMap());
        } else {
            properties.putAll((Properties) value);
        }
        return properties;
    }

    @Test
    void deliveryIsExactlyOnceByDefaultWhenTheJobCheckpoints() {
        assertEquals(DeliveryGuarantee.EXACTLY_ONCE, KafkaConnectors.deliveryGuarantee(sink(Map.of()), true));
        assertEquals(DeliveryGuarantee.AT_LEAST_ONCE, KafkaConnectors.deliveryGuarantee(sink(Map.of()), false));
        assertEquals(DeliveryGuarantee.AT_LEAST_ONCE, KafkaConnectors.deliveryGuarantee(
                sink(Map.of("delivery.guarantee", "at_least_once")), true));
        assertEquals(DeliveryGuarantee.EXACTLY_ONCE, KafkaConnectors.deliveryGuarantee(
                sink(Map.of("delivery.guarantee", "exactly_once")), true));
    }

    @Test
    void exactlyOnceWithoutCheckpointsIsAnError() {
        CompileException e = assertThrows(CompileException.class, () -> KafkaConnectors.deliveryGuarantee(
                sink(Map.of("delivery.guarantee", "exactly_once")), false));
        assertEquals("4:2: @sink of stream 'Out' is exactly_once, which needs checkpointing: its transactions "
                + "commit on checkpoints", e.getMessage());
    }

    private static SinkSpec sink(Map<String, String> options) {
        Map<String, String> all = new HashMap<>(options);
        all.putAll(Map.of("topic", "t", "bootstrap.servers", "b:1"));
        return new SinkSpec("Out", "kafka", all, new MapSpec("json", Map.of()), 4, 2);
    }
}
