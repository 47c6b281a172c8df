package org.siddhiql.connectors.kafka;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.siddhiql.compiler.connector.ConnectorSpec;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.compiler.connector.SourceSpec;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.json.JsonEventReader;
import org.siddhiql.connectors.json.JsonEventWriter;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.runtime.event.Event;

/**
 * {@code @source/@sink(type='kafka')} as Flink's {@link KafkaSource} and {@link KafkaSink}, with Siddhi's option names.
 *
 * <p>The source keeps its offsets in Flink's checkpoints (and commits them to the group on checkpoint, for
 * monitoring only); a new group starts at the earliest offset unless {@code optional.configuration} sets
 * {@code auto.offset.reset:latest}. The sink is at-least-once: it flushes on every checkpoint; exactly-once through
 * Kafka transactions is still to come.
 */
public final class KafkaConnectors {
    private KafkaConnectors() {
    }

    public static KafkaSource<TaggedEvent> source(SourceSpec spec, StreamSchema schema, int streamIndex,
            TypeInformation<TaggedEvent> type) {
        Properties properties = optionalConfiguration(spec);
        OffsetResetStrategy reset = "latest".equalsIgnoreCase(
                properties.getProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG))
                ? OffsetResetStrategy.LATEST : OffsetResetStrategy.EARLIEST;
        return KafkaSource.<TaggedEvent>builder()
                .setBootstrapServers(spec.option("bootstrap.servers"))
                .setTopics(list(spec.option("topic.list")))
                .setGroupId(spec.option("group.id"))
                .setProperties(properties)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(reset))
                .setDeserializer(new JsonRecordDeserializer(spec.stream(), streamIndex,
                        new JsonEventReader(schema, spec.map()), type))
                .build();
    }

    public static KafkaSink<Event> sink(SinkSpec spec, StreamSchema schema) {
        return KafkaSink.<Event>builder()
                .setBootstrapServers(spec.option("bootstrap.servers"))
                .setKafkaProducerConfig(optionalConfiguration(spec))
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setRecordSerializer(new JsonRecordSerializer(spec.option("topic"), new JsonEventWriter(schema)))
                .build();
    }

    /**
     * Siddhi's {@code optional.configuration='key1:value1,key2:value2'}: further Kafka client properties, such as
     * {@code security.protocol}; the compiler has checked the pairs.
     */
    static Properties optionalConfiguration(ConnectorSpec spec) {
        Properties properties = new Properties();
        String configuration = spec.option("optional.configuration");
        if (configuration == null) {
            return properties;
        }
        for (String entry : list(configuration)) {
            int colon = entry.indexOf(':');
            properties.setProperty(entry.substring(0, colon).trim(), entry.substring(colon + 1).trim());
        }
        return properties;
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
