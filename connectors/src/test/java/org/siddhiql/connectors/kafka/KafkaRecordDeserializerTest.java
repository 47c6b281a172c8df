package org.siddhiql.connectors.kafka;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.SimpleCounter;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.SimpleUserCodeClassLoader;
import org.apache.flink.util.UserCodeClassLoader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.connector.MapSpec;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.compiler.connector.SourceSpec;
import org.siddhiql.connectors.map.RecordMapping;
import org.siddhiql.connectors.MappingException;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.flink.typeutils.TaggedEventTypeInfo;
import org.siddhiql.runtime.fault.ProcessingError;

class KafkaRecordDeserializerTest {
    private static final StreamSchema TRADES = new StreamSchema("Trades", List.of("symbol", "volume"),
            List.of(AttributeType.STRING, AttributeType.LONG));
    private static final int TRADES_INDEX = 1;
    private static final int FAULTS_INDEX = 2;

    /** The deserializer's metrics: it counts in the one counter it asks for. */
    private static final class CountingContext implements DeserializationSchema.InitializationContext {
        final SimpleCounter unmapped = new SimpleCounter();

        @Override
        public MetricGroup getMetricGroup() {
            return new UnregisteredMetricsGroup() {
                @Override
                public MetricGroup addGroup(String key, String value) {
                    return this;
                }

                @Override
                public Counter counter(String name) {
                    return unmapped;
                }
            };
        }

        @Override
        public UserCodeClassLoader getUserCodeClassLoader() {
            return SimpleUserCodeClassLoader.create(getClass().getClassLoader());
        }
    }

    private static List<TaggedEvent> deserialize(int faultStreamIndex, CountingContext context, String... values) {
        SourceSpec spec = new SourceSpec("Trades", "kafka", Map.of(), new MapSpec("json", Map.of()), 1, 1);
        KafkaRecordDeserializer deserializer = new KafkaRecordDeserializer(
                new RecordMapping(spec, TRADES, TRADES_INDEX, faultStreamIndex),
                new TaggedEventTypeInfo(List.of(TRADES)));
        deserializer.open(context);
        List<TaggedEvent> events = new ArrayList<>();
        for (int offset = 0; offset < values.length; offset++) {
            deserializer.deserialize(new ConsumerRecord<>("trades", 3, offset, null, values[offset].getBytes(UTF_8)),
                    new ListCollector<>(events));
        }
        return events;
    }

    @Test
    void anUnmappedRecordGoesToTheFaultStreamWithItsErrorAndNullAttributes() {
        CountingContext context = new CountingContext();
        List<TaggedEvent> events = deserialize(FAULTS_INDEX, context,
                "{\"event\":{\"symbol\":\"IBM\",\"volume\":10}}", "{\"event\":{\"symbol\":\"IBM\",\"volume\":\"x\"}}",
                "{\"event\":{\"symbol\":\"IBM\"}}");

        assertEquals(List.of(TRADES_INDEX, FAULTS_INDEX, FAULTS_INDEX),
                events.stream().map(TaggedEvent::stream).toList());
        assertArrayEquals(new Object[] {"IBM", 10L}, events.get(0).event().data());
        assertArrayEquals(new Object[] {null, null, new ProcessingError(MappingException.class.getName(),
                "the record at trades-3@1 does not map: attribute 'volume' is long but the record has \"x\"")},
                events.get(1).event().data());
        assertArrayEquals(new Object[] {null, null, new ProcessingError(MappingException.class.getName(),
                "the record at trades-3@2 does not map: attribute 'volume' is missing")},
                events.get(2).event().data());
        assertEquals(2, context.unmapped.getCount());
    }

    @Test
    void withoutAFaultStreamAnUnmappedRecordIsCountedAndDropped() {
        CountingContext context = new CountingContext();
        List<TaggedEvent> events = deserialize(-1, context,
                "{\"event\":{\"symbol\":\"IBM\",\"volume\":\"x\"}}", "{\"event\":{\"symbol\":\"HP\",\"volume\":5}}");

        assertEquals(1, events.size());
        assertEquals(TRADES_INDEX, events.get(0).stream());
        assertArrayEquals(new Object[] {"HP", 5L}, events.get(0).event().data());
        assertEquals(1, context.unmapped.getCount());
    }
}
