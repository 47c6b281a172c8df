package org.siddhiql.connectors.kafka;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.siddhiql.connectors.map.SinkMapper;
import org.siddhiql.runtime.event.Event;

/** A stream's events to records of one topic by its sink mapper, without a key (Kafka's partitioner spreads them). */
final class KafkaRecordSerializer implements KafkaRecordSerializationSchema<Event> {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final SinkMapper mapper;

    KafkaRecordSerializer(String topic, SinkMapper mapper) {
        this.topic = topic;
        this.mapper = mapper;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(Event event, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(topic, null, mapper.toBytes(event));
    }
}
