package org.siddhiql.flink.operator;

import org.apache.flink.api.common.functions.MapFunction;
import org.siddhiql.runtime.event.Event;

/** Tags the events of one stream with its index, for a {@link QueryGraphOperator}. */
public final class StreamTagger implements MapFunction<Event, TaggedEvent> {
    private static final long serialVersionUID = 1L;

    private final int stream;

    public StreamTagger(int stream) {
        this.stream = stream;
    }

    @Override
    public TaggedEvent map(Event event) {
        return new TaggedEvent(stream, event);
    }
}
