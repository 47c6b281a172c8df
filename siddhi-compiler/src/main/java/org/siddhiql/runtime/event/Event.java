package org.siddhiql.runtime.event;

import java.util.Arrays;
import org.siddhiql.compiler.expression.Row;

/**
 * One event: a timestamp, attribute values in schema order, and its role inside a query. Immutable by convention:
 * the data array is never written after construction, so derived events may share it. Not final only so that a
 * pattern's match can travel to the selector as an event that reads several streams (see MatchEvent).
 */
public class Event implements Row {
    private final long timestamp;
    private final Object[] data;
    private final EventType type;

    public Event(long timestamp, Object[] data) {
        this(timestamp, data, EventType.CURRENT);
    }

    public Event(long timestamp, Object[] data, EventType type) {
        this.timestamp = timestamp;
        this.data = data;
        this.type = type;
    }

    @Override
    public long timestamp() {
        return timestamp;
    }

    /** The attribute values; callers must not modify the array. */
    public Object[] data() {
        return data;
    }

    public Object get(int index) {
        return data[index];
    }

    @Override
    public Object get(int streamIndex, int attributeIndex) {
        return data[attributeIndex];
    }

    @Override
    public long timestamp(int streamIndex) {
        return timestamp;
    }

    public EventType type() {
        return type;
    }

    public Event withType(EventType newType) {
        return newType == type ? this : new Event(timestamp, data, newType);
    }

    public Event withTimestamp(long newTimestamp) {
        return newTimestamp == timestamp ? this : new Event(newTimestamp, data, type);
    }

    public Event with(long newTimestamp, EventType newType) {
        return new Event(newTimestamp, data, newType);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Event)) {
            return false;
        }
        Event other = (Event) o;
        return timestamp == other.timestamp && type == other.type && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Long.hashCode(timestamp) + type.hashCode()) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return (type == EventType.CURRENT ? "" : type + " ") + timestamp + " " + Arrays.toString(data);
    }
}
