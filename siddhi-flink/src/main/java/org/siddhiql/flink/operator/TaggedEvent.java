package org.siddhiql.flink.operator;

import org.siddhiql.runtime.event.Event;

/** An input event with the index of the stream it belongs to, as read from a mixed input such as an events file. */
public final class TaggedEvent {
    private final int stream;
    private final Event event;
    private final String key;

    public TaggedEvent(int stream, Event event) {
        this(stream, event, null);
    }

    /** An event on its way to a partition: {@code key} is the partition key (a value, or a range's label). */
    public TaggedEvent(int stream, Event event, String key) {
        this.stream = stream;
        this.event = event;
        this.key = key;
    }

    /** The partition key, or null outside partitions. */
    public String key() {
        return key;
    }

    public int stream() {
        return stream;
    }

    public Event event() {
        return event;
    }
}
