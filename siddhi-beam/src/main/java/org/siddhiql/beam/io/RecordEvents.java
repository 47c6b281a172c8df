package org.siddhiql.beam.io;

import java.io.Serializable;
import java.util.List;
import java.util.function.Supplier;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn.OutputReceiver;
import org.joda.time.Instant;
import org.siddhiql.beam.runtime.SequencedEvent;
import org.siddhiql.connectors.MappingException;
import org.siddhiql.connectors.map.FaultRecords;
import org.siddhiql.connectors.map.SourceMapper;
import org.siddhiql.runtime.event.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A source's records to events of its stream by the source's {@code @map}, as the Flink backend maps them, stamped
 * with the moment they were read. (The graph runs on the processing-time clock: it processes events as they arrive
 * and stamps them again then, so neither stamp nor sequence number decides anything there.)
 *
 * <p>A record that does not map is counted in the Beam counter {@code unmappedRecords} of namespace
 * {@code stream=<name>} and follows the stream's {@code @OnError}: with {@code action='STREAM'} it goes on to the
 * fault stream {@code !S} ({@link FaultRecords}); otherwise it is logged at WARN. Either way the source moves on.
 */
final class RecordEvents implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RecordEvents.class);

    private final String stream;
    private final int streamIndex;
    private final int faultStreamIndex;
    private final int attributes;
    private final SourceMapper mapper;
    private final Counter unmapped;

    /**
     * @param streamIndex the index of the stream among the graph's input streams
     * @param faultStreamIndex that of its fault stream {@code !S}, or -1 when it has none: then unmapped records are
     *     logged
     */
    RecordEvents(String stream, int streamIndex, int faultStreamIndex, int attributes, SourceMapper mapper) {
        this.stream = stream;
        this.streamIndex = streamIndex;
        this.faultStreamIndex = faultStreamIndex;
        this.attributes = attributes;
        this.mapper = mapper;
        this.unmapped = Metrics.counter("stream=" + stream, "unmappedRecords");
    }

    /**
     * Emits the record's events, or its fault event.
     *
     * @param which names the record for messages, such as {@code the record at trades-0@17}; asked only on failure
     */
    void map(Object record, Supplier<String> which, OutputReceiver<SequencedEvent> out) {
        Instant now = Instant.now();
        List<Object[]> events;
        try {
            events = mapper.map(record);
        } catch (MappingException e) {
            unmapped.inc();
            if (faultStreamIndex < 0) {
                LOG.warn("Dropped {} for stream '{}': it does not map: {}", which.get(), stream, e.getMessage());
                return;
            }
            Event fault = new Event(now.getMillis(), FaultRecords.faultData(attributes, which.get(), e));
            out.outputWithTimestamp(new SequencedEvent(faultStreamIndex, 0, fault), now);
            return;
        }
        for (Object[] data : events) {
            out.outputWithTimestamp(new SequencedEvent(streamIndex, 0,
                    new Event(now.getMillis(), data)), now);
        }
    }
}
