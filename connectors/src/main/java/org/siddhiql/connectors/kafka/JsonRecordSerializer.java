package org.siddhiql.connectors.kafka;

import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.siddhiql.connectors.json.JsonEventWriter;
import org.siddhiql.runtime.event.Event;

/** A stream's events to JSON records of one topic, without a key (Kafka's partitioner spreads them). */
final class JsonRecordSerializer implements KafkaRecordSerializationSchema<Event> {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final JsonEventWriter writer;

    JsonRecordSerializer(String topic, JsonEventWriter writer) {
        this.topic = topic;
        this.writer = writer;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(Event event, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(topic, null, writer.write(event.data()));
    }
}
