package org.siddhiql.connectors.kafka;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.siddhiql.connectors.map.RecordMapping;
import org.siddhiql.flink.operator.TaggedEvent;

/**
 * Kafka records of one stream to its events, by the stream's {@link RecordMapping}: the record's value is what is
 * mapped, its key and headers are not read. An unmapped record is named by its topic, partition and offset.
 */
final class KafkaRecordDeserializer implements KafkaRecordDeserializationSchema<TaggedEvent> {
    private static final long serialVersionUID = 1L;

    private final RecordMapping mapping;
    private final TypeInformation<TaggedEvent> type;

    KafkaRecordDeserializer(RecordMapping mapping, TypeInformation<TaggedEvent> type) {
        this.mapping = mapping;
        this.type = type;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        mapping.open(context.getMetricGroup());
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<TaggedEvent> out) {
        mapping.map(record.value(), () -> "the record at " + record.topic() + "-" + record.partition() + "@"
                + record.offset(), out::collect);
    }

    @Override
    public TypeInformation<TaggedEvent> getProducedType() {
        return type;
    }
}
