package org.siddhiql.connectors.kafka;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.siddhiql.connectors.json.JsonEventReader;
import org.siddhiql.connectors.json.MappingException;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.runtime.event.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka records of one stream to its events, tagged with the stream's index. In processing time an event's timestamp
 * is the moment it is read, as in Siddhi. A record that does not map is counted in the {@code unmappedRecords} metric
 * and logged with its topic, partition and offset, and the source moves on.
 */
final class JsonRecordDeserializer implements KafkaRecordDeserializationSchema<TaggedEvent> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(JsonRecordDeserializer.class);

    private final String stream;
    private final int streamIndex;
    private final JsonEventReader reader;
    private final TypeInformation<TaggedEvent> type;
    private transient Counter unmapped;

    JsonRecordDeserializer(String stream, int streamIndex, JsonEventReader reader, TypeInformation<TaggedEvent> type) {
        this.stream = stream;
        this.streamIndex = streamIndex;
        this.reader = reader;
        this.type = type;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        unmapped = context.getMetricGroup().addGroup("stream", stream).counter("unmappedRecords");
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<TaggedEvent> out) {
        try {
            long now = System.currentTimeMillis();
            for (Object[] data : reader.read(record.value())) {
                out.collect(new TaggedEvent(streamIndex, new Event(now, data)));
            }
        } catch (MappingException e) {
            unmapped.inc();
            LOG.warn("Dropped the record at {}-{}@{} for stream '{}': {}", record.topic(), record.partition(),
                    record.offset(), stream, e.getMessage());
        }
    }

    @Override
    public TypeInformation<TaggedEvent> getProducedType() {
        return type;
    }
}
