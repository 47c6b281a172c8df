package org.siddhiql.beam.io;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.io.kafka.KafkaIO;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.siddhiql.beam.runtime.SequencedEvent;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.connector.ConnectorCompiler;
import org.siddhiql.compiler.connector.ConnectorSpec;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.compiler.connector.SourceSpec;

/**
 * {@code @source/@sink(type='kafka')} as Beam's {@link KafkaIO}, with the option names of the Flink backend's Kafka
 * connector: {@code bootstrap.servers}, {@code topic.list} (comma-separated), {@code group.id}, {@code topic} and
 * {@code optional.configuration='key:value,...'} for further client properties.
 *
 * <p>The source reads {@code read_committed}, from the group's committed offsets, or, for a new group, from the
 * earliest offset unless {@code optional.configuration} sets {@code auto.offset.reset:latest}; it commits its offsets
 * to the group when the runner finalizes a checkpoint ({@code commitOffsetsInFinalize}), and on the FlinkRunner keeps
 * them in Flink's checkpoints. The record's value is mapped; its key and headers are not read.
 *
 * <p>The sink writes each event as a record value, at least once; {@code delivery.guarantee='exactly_once'} is
 * rejected (KafkaIO's exactly-once sink is not wired up here).
 */
final class KafkaTransforms {
    private KafkaTransforms() {
    }

    static PCollection<SequencedEvent> read(PBegin begin, SourceSpec spec, RecordEvents mapping, String name) {
        KafkaCheckpointTrust.ensure(); // runners that checkpoint in this JVM (the DirectRunner, an embedded Flink)
        Map<String, Object> consumer = new HashMap<>();
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, spec.option("group.id"));
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.putAll(optionalConfiguration(spec));
        return begin
                .apply(name, KafkaIO.<byte[], byte[]>read()
                        .withBootstrapServers(spec.option("bootstrap.servers"))
                        .withTopics(list(spec.option("topic.list")))
                        .withKeyDeserializer(ByteArrayDeserializer.class)
                        .withValueDeserializer(ByteArrayDeserializer.class)
                        .withConsumerConfigUpdates(consumer)
                        .withReadCommitted()
                        .commitOffsetsInFinalize())
                .apply(name + " mapping", ParDo.of(new MapRecords(mapping)));
    }

    /** @throws CompileException at the sink's annotation when it asks for exactly-once delivery */
    static void requireAtLeastOnce(SinkSpec spec) {
        if ("exactly_once".equals(spec.option(ConnectorCompiler.DELIVERY_GUARANTEE))) {
            throw new CompileException(spec.line(), spec.column(), "@sink of stream '" + spec.stream()
                    + "' is exactly_once, which the Beam engine's Kafka sink does not offer: it writes at least once");
        }
    }

    static KafkaIO.Write<Void, byte[]> write(SinkSpec spec) {
        requireAtLeastOnce(spec);
        return KafkaIO.<Void, byte[]>write()
                .withBootstrapServers(spec.option("bootstrap.servers"))
                .withTopic(spec.option("topic"))
                .withValueSerializer(ByteArraySerializer.class)
                .withProducerConfigUpdates(optionalConfiguration(spec));
    }

    /** Siddhi's {@code optional.configuration='key1:value1,key2:value2'}; the compiler has checked the pairs. */
    private static Map<String, Object> optionalConfiguration(ConnectorSpec spec) {
        Map<String, Object> properties = new HashMap<>();
        String configuration = spec.option("optional.configuration");
        if (configuration != null) {
            for (String entry : list(configuration)) {
                int colon = entry.indexOf(':');
                properties.put(entry.substring(0, colon).trim(), entry.substring(colon + 1).trim());
            }
        }
        return properties;
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** Kafka records to events; an unmapped record is named by its topic, partition and offset. */
    private static final class MapRecords extends DoFn<KafkaRecord<byte[], byte[]>, SequencedEvent> {
        private static final long serialVersionUID = 1L;
        private final RecordEvents mapping;

        MapRecords(RecordEvents mapping) {
            this.mapping = mapping;
        }

        /** On each worker that runs the source: this step is fused with it. */
        @Setup
        public void setup() {
            KafkaCheckpointTrust.ensure();
        }

        @ProcessElement
        public void process(@Element KafkaRecord<byte[], byte[]> record, OutputReceiver<SequencedEvent> out) {
            mapping.map(record.getKV().getValue(), () -> "the record at " + record.getTopic() + "-"
                    + record.getPartition() + "@" + record.getOffset(), out);
        }
    }
}
