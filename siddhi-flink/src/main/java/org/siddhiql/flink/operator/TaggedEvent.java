package org.siddhiql.flink.operator;

import org.siddhiql.runtime.event.Event;

/** An input event with the index of the stream it belongs to, as read from a mixed input such as an events file. */
public final class TaggedEvent {
    private final int stream;
    private final Event event;

    public TaggedEvent(int stream, Event event) {
        this.stream = stream;
        this.event = event;
    }

    public int stream() {
        return stream;
    }

    public Event event() {
        return event;
    }
}
