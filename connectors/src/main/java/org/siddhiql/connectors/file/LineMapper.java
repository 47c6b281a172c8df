package org.siddhiql.connectors.file;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.util.Collector;
import org.siddhiql.connectors.map.RecordMapping;
import org.siddhiql.flink.operator.TaggedEvent;

/**
 * Lines of one stream's files to its events, by the stream's {@link RecordMapping}: each line is a record. An
 * unmapped line is named by its first characters (Flink's line format does not say which file it came from).
 */
final class LineMapper extends RichFlatMapFunction<String, TaggedEvent> {
    private static final long serialVersionUID = 1L;
    private static final int NAMED_CHARS = 100;

    private final RecordMapping mapping;

    LineMapper(RecordMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public void open(OpenContext context) {
        mapping.open(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void flatMap(String line, Collector<TaggedEvent> out) {
        mapping.map(line, () -> "the line '" + (line.length() > NAMED_CHARS ? line.substring(0, NAMED_CHARS) + "..."
                : line) + "'", out::collect);
    }
}
