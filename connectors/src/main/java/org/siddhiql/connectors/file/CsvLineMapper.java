package org.siddhiql.connectors.file;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.siddhiql.connectors.csv.CsvEventReader;
import org.siddhiql.connectors.MappingException;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.runtime.event.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lines of one stream's files to its events, tagged with the stream's index. In processing time an event's timestamp
 * is the moment it is read, as in Siddhi. A line that does not map is counted in the {@code unmappedRecords} metric
 * and logged with the reason, and reading goes on.
 */
final class CsvLineMapper extends RichFlatMapFunction<String, TaggedEvent> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(CsvLineMapper.class);
    private static final int LOGGED_CHARS = 200;

    private final String stream;
    private final int streamIndex;
    private final CsvEventReader reader;
    private transient Counter unmapped;

    CsvLineMapper(String stream, int streamIndex, CsvEventReader reader) {
        this.stream = stream;
        this.streamIndex = streamIndex;
        this.reader = reader;
    }

    @Override
    public void open(OpenContext context) {
        unmapped = getRuntimeContext().getMetricGroup().addGroup("stream", stream).counter("unmappedRecords");
    }

    @Override
    public void flatMap(String line, Collector<TaggedEvent> out) {
        try {
            out.collect(new TaggedEvent(streamIndex, new Event(System.currentTimeMillis(), reader.read(line))));
        } catch (MappingException e) {
            unmapped.inc();
            LOG.warn("Dropped a line for stream '{}': {}: {}", stream, e.getMessage(),
                    line.length() > LOGGED_CHARS ? line.substring(0, LOGGED_CHARS) + "..." : line);
        }
    }
}
