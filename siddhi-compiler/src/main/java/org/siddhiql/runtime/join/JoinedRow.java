package org.siddhiql.runtime.join;

import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;

/**
 * A pair on its way to the selector: the left event in slot 0 and the right one in slot 1, either null for an outer
 * join's unmatched side (its attributes then read null). It carries the timestamp and type of the triggering side's
 * event as it left that side's window. It never leaves the query: the selector makes ordinary events of it.
 */
final class JoinedRow extends Event {
    private final Event left;
    private final Event right;

    JoinedRow(Event left, Event right, long timestamp, EventType type) {
        super(timestamp, new Object[0], type);
        this.left = left;
        this.right = right;
    }

    @Override
    public Object get(int streamIndex, int attributeIndex) {
        Event side = streamIndex == 0 ? left : right;
        return side == null ? null : side.get(attributeIndex);
    }

    @Override
    public long timestamp(int streamIndex) {
        Event side = streamIndex == 0 ? left : right;
        return side == null ? timestamp() : side.timestamp();
    }

    @Override
    public String toString() {
        return "joined " + type() + " " + timestamp() + " " + left + " | " + right;
    }
}
