package org.siddhiql.connectors.map;

import java.io.Serializable;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.siddhiql.compiler.connector.SourceSpec;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.MappingException;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.runtime.event.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source's records to events of its stream, tagged with the stream's index, for every connector. In processing
 * time an event's timestamp is the moment it is read, as in Siddhi.
 *
 * <p>A record that does not map is counted in the metric {@code unmappedRecords} (group {@code stream=<name>}) and
 * follows the stream's {@code @OnError}: with {@code action='STREAM'} it goes on to the fault stream {@code !S} as an
 * event whose attributes are null (none mapped) and whose {@code _error} says which record and why; otherwise it is
 * logged at WARN. Either way the source moves on: nothing is dropped silently. (Siddhi hands such records to its
 * error store; a fault stream is the place this engine offers for them, so an app can count, route or sink them.)
 */
public final class RecordMapping implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RecordMapping.class);

    /** The counter of records that did not map, in the group {@code stream=<name>} of the source's metrics. */
    public static final String UNMAPPED_RECORDS = "unmappedRecords";

    private final String stream;
    private final int streamIndex;
    private final int faultStreamIndex;
    private final int attributes;
    private final SourceMapper mapper;
    private transient Counter unmapped;

    /**
     * @param streamIndex the index of the spec's stream among the app's streams, which tags its events
     * @param faultStreamIndex the index of its fault stream {@code !S}, or -1 when it has none (the stream has no
     *     {@code @OnError(action='STREAM')}): then unmapped records are logged
     */
    public RecordMapping(SourceSpec spec, StreamSchema schema, int streamIndex, int faultStreamIndex) {
        this(spec.stream(), streamIndex, faultStreamIndex, schema.size(), Mappers.source(spec, schema));
    }

    RecordMapping(String stream, int streamIndex, int faultStreamIndex, int attributes, SourceMapper mapper) {
        this.stream = stream;
        this.streamIndex = streamIndex;
        this.faultStreamIndex = faultStreamIndex;
        this.attributes = attributes;
        this.mapper = mapper;
    }

    /** Registers the metric in the metric group of the task that maps. */
    public void open(MetricGroup metrics) {
        unmapped = metrics.addGroup("stream", stream).counter(UNMAPPED_RECORDS);
    }

    /**
     * Emits the record's events, or its fault event.
     *
     * @param record what the connector read: bytes, a line, or an object published within the JVM
     * @param which names the record for messages, such as {@code the record at trades-0@17}; asked only on failure
     */
    public void map(Object record, Supplier<String> which, Consumer<TaggedEvent> out) {
        String rejection = mapOrReject(record, which, out);
        if (rejection != null) {
            LOG.warn("Dropped {} for stream '{}': it does not map: {}", which.get(), stream, rejection);
        }
    }

    /**
     * As {@link #map}, but a record that does not map and has no fault stream to go to is neither emitted nor
     * logged: the mapper's reason is returned, for a connector that hands it back to the record's sender (the http
     * source answers 400 with it). It is counted in {@code unmappedRecords} all the same.
     *
     * @return null when the record's events or its fault event were emitted, else why the record does not map
     */
    public String mapOrReject(Object record, Supplier<String> which, Consumer<TaggedEvent> out) {
        long now = System.currentTimeMillis();
        List<Object[]> events;
        try {
            events = mapper.map(record);
        } catch (MappingException e) {
            unmapped.inc();
            if (faultStreamIndex < 0) {
                return e.getMessage();
            }
            out.accept(new TaggedEvent(faultStreamIndex, new Event(now,
                    FaultRecords.faultData(attributes, which.get(), e))));
            return null;
        }
        for (Object[] data : events) {
            out.accept(new TaggedEvent(streamIndex, new Event(now, data)));
        }
        return null;
    }
}
