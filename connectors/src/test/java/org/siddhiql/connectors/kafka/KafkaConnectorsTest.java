package org.siddhiql.connectors.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.connector.MapSpec;
import org.siddhiql.compiler.connector.SinkSpec;

class KafkaConnectorsTest {
    @Test
    void optionalConfigurationBecomesClientProperties() {
        SinkSpec spec = new SinkSpec("Out", "kafka", Map.of("topic", "t", "bootstrap.servers", "b:1",
                "optional.configuration", "acks:all, linger.ms:5,client.id:a:b"), new MapSpec("json", Map.of()), 1, 1);
        Properties expected = new Properties();
        expected.putAll(Map.of("acks", "all", "linger.ms", "5", "client.id", "a:b"));
        assertEquals(expected, KafkaConnectors.optionalConfiguration(spec));
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
