package org.siddhiql.connectors.kafka;

import java.time.Duration;
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
import org.apache.kafka.clients.producer.ProducerConfig;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.connector.ConnectorCompiler;
import org.siddhiql.compiler.connector.ConnectorSpec;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.compiler.connector.SourceSpec;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.map.Mappers;
import org.siddhiql.connectors.map.RecordMapping;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.runtime.event.Event;

/**
 * {@code @source/@sink(type='kafka')} as Flink's {@link KafkaSource} and {@link KafkaSink}, with Siddhi's option names.
 *
 * <p>The source keeps its offsets in Flink's checkpoints (and commits them to the group on checkpoint, for
 * monitoring only); a new group starts at the earliest offset unless {@code optional.configuration} sets
 * {@code auto.offset.reset:latest}. It reads {@code read_committed}, so it never sees what a transactional producer
 * (such as an exactly-once sink of another app) aborted.
 *
 * <p>The sink's {@code delivery.guarantee} is {@code exactly_once} or {@code at_least_once}; when the option is absent
 * it is exactly-once if the job checkpoints and at-least-once otherwise (without checkpoints a transaction would
 * never commit). Exactly-once writes each checkpoint interval in a Kafka transaction that commits when the checkpoint
 * completes, so readers with {@code read_committed} see results only after that, and never the output of a failed
 * attempt twice. At-least-once flushes on every checkpoint.
 */
public final class KafkaConnectors {
    private static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

    private KafkaConnectors() {
    }

    /** @param mapping the records' mapping to events of the spec's stream */
    public static KafkaSource<TaggedEvent> source(SourceSpec spec, RecordMapping mapping,
            TypeInformation<TaggedEvent> type) {
        Properties properties = optionalConfiguration(spec);
        OffsetResetStrategy reset = "latest".equalsIgnoreCase(
                properties.getProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG))
                ? OffsetResetStrategy.LATEST : OffsetResetStrategy.EARLIEST;
        return KafkaSource.<TaggedEvent>builder()
                .setBootstrapServers(spec.option("bootstrap.servers"))
                .setTopics(list(spec.option("topic.list")))
                .setGroupId(spec.option("group.id"))
                .setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .setProperties(properties)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(reset))
                .setDeserializer(new KafkaRecordDeserializer(mapping, type))
                .build();
    }

    /**
     * The sink of {@code spec}; {@code transactionalIdPrefix} names its transactions and must be unique among the
     * exactly-once sinks writing to the cluster and stable across restarts, so that a restarted job aborts the
     * transactions its failed attempt left open.
     */
    public static KafkaSink<Event> sink(SinkSpec spec, StreamSchema schema, boolean checkpointing,
            String transactionalIdPrefix) {
        DeliveryGuarantee guarantee = deliveryGuarantee(spec, checkpointing);
        Properties properties = optionalConfiguration(spec);
        // Flink's default of an hour exceeds the broker's default transaction.max.timeout.ms of 15 minutes, which
        // would refuse every transaction; a longer timeout needs that broker setting raised as well.
        properties.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG,
                String.valueOf(DEFAULT_TRANSACTION_TIMEOUT.toMillis()));
        return KafkaSink.<Event>builder()
                .setBootstrapServers(spec.option("bootstrap.servers"))
                .setKafkaProducerConfig(properties)
                .setDeliveryGuarantee(guarantee)
                .setTransactionalIdPrefix(transactionalIdPrefix)
                .setRecordSerializer(new KafkaRecordSerializer(spec.option("topic"),
                        Mappers.sink(spec, schema)))
                .build();
    }

    static DeliveryGuarantee deliveryGuarantee(SinkSpec spec, boolean checkpointing) {
        String option = spec.option(ConnectorCompiler.DELIVERY_GUARANTEE);
        if (option == null) {
            return checkpointing ? DeliveryGuarantee.EXACTLY_ONCE : DeliveryGuarantee.AT_LEAST_ONCE;
        }
        if (option.equals("exactly_once") && !checkpointing) {
            throw new CompileException(spec.line(), spec.column(), "@sink of stream '" + spec.stream()
                    + "' is exactly_once, which needs checkpointing: its transactions commit on checkpoints");
        }
        return option.equals("exactly_once") ? DeliveryGuarantee.EXACTLY_ONCE : DeliveryGuarantee.AT_LEAST_ONCE;
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
