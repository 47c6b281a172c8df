package org.siddhiql.connectors.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
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
}
