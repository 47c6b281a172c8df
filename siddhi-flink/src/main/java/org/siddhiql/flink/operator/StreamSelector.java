package org.siddhiql.flink.operator;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.siddhiql.runtime.event.Event;

/** The events of one stream out of a tagged input. */
public final class StreamSelector extends ProcessFunction<TaggedEvent, Event> {
    private static final long serialVersionUID = 1L;

    private final int stream;

    public StreamSelector(int stream) {
        this.stream = stream;
    }

    @Override
    public void processElement(TaggedEvent tagged, Context ctx, Collector<Event> out) {
        if (tagged.stream() == stream) {
            out.collect(tagged.event());
        }
    }
}
