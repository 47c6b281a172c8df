package org.siddhiql.connectors.kafka;

import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.siddhiql.connectors.json.JsonEventReader;
import org.siddhiql.connectors.MappingException;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.fault.ProcessingError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka records of one stream to its events, tagged with the stream's index. In processing time an event's timestamp
 * is the moment it is read, as in Siddhi. A record that does not map is counted in the {@code unmappedRecords} metric
 * and follows the stream's {@code @OnError}: with {@code action='STREAM'} it goes on to the fault stream {@code !S} as
 * an event whose attributes are null (none mapped) and whose {@code _error} says why and where the record is;
 * otherwise it is logged with its topic, partition and offset. Either way the source moves on.
 *
 * <p>Siddhi itself hands unmapped records to its error store rather than to {@code !S}; a fault stream is the place
 * this engine offers for them, so an app can count, route or sink them like any other fault.
 */
final class JsonRecordDeserializer implements KafkaRecordDeserializationSchema<TaggedEvent> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(JsonRecordDeserializer.class);

    private final String stream;
    private final int streamIndex;
    private final int faultStreamIndex;
    private final int attributes;
    private final JsonEventReader reader;
    private final TypeInformation<TaggedEvent> type;
    private transient Counter unmapped;

    /**
     * @param faultStreamIndex the index of the fault stream {@code !S} among the app's streams, or -1 when the stream
     *     has no fault stream (its unmapped records are logged)
     * @param attributes the number of the stream's attributes
     */
    JsonRecordDeserializer(String stream, int streamIndex, int faultStreamIndex, int attributes,
            JsonEventReader reader, TypeInformation<TaggedEvent> type) {
        this.stream = stream;
        this.streamIndex = streamIndex;
        this.faultStreamIndex = faultStreamIndex;
        this.attributes = attributes;
        this.reader = reader;
        this.type = type;
    }

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        unmapped = context.getMetricGroup().addGroup("stream", stream).counter("unmappedRecords");
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<TaggedEvent> out) {
        long now = System.currentTimeMillis();
        try {
            for (Object[] data : reader.read(record.value())) {
                out.collect(new TaggedEvent(streamIndex, new Event(now, data)));
            }
        } catch (MappingException e) {
            unmapped.inc();
            if (faultStreamIndex >= 0) {
                Object[] data = new Object[attributes + 1];
                data[attributes] = new ProcessingError(MappingException.class.getName(), "the record at "
                        + record.topic() + "-" + record.partition() + "@" + record.offset() + " does not map: "
                        + e.getMessage());
                out.collect(new TaggedEvent(faultStreamIndex, new Event(now, data)));
                return;
            }
            LOG.warn("Dropped the record at {}-{}@{} for stream '{}': {}", record.topic(), record.partition(),
                    record.offset(), stream, e.getMessage());
        }
    }

    @Override
    public TypeInformation<TaggedEvent> getProducedType() {
        return type;
    }
}
