package org.siddhiql.connectors.inmemory;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.siddhiql.connectors.map.SinkMapper;
import org.siddhiql.runtime.event.Event;

/**
 * {@code @sink(type='inMemory', topic='...')}: each event, mapped to its mapper's object (the event itself with
 * {@code passThrough}, a string with json or text, a map with keyvalue), published on a topic of the
 * {@link InMemoryBroker} of the JVM the writer runs in, synchronously to the topic's subscribers. Within one JVM only;
 * after a failure the events replayed since the last checkpoint are published again (at least once).
 */
public final class InMemorySink implements Sink<Event> {
    private static final long serialVersionUID = 1L;

    private final String topic;
    private final SinkMapper mapper;

    public InMemorySink(String topic, SinkMapper mapper) {
        this.topic = topic;
        this.mapper = mapper;
    }

    @Override
    @SuppressWarnings("deprecation") // the abstract method of Flink 1.20's Sink
    public SinkWriter<Event> createWriter(InitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(Event event, Context context) {
                InMemoryBroker.publish(topic, mapper.toObject(event));
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public void close() {
            }
        };
    }
}
