package org.siddhiql.runtime.pattern;

import java.util.ArrayList;
import java.util.List;
import org.siddhiql.compiler.expression.ResolvedAttribute;
import org.siddhiql.runtime.event.Event;

/**
 * A completed match on its way to the selector: an event stamped with the time of the event that completed it, whose
 * attributes are read per slot ({@code e1.v}, {@code e1[last].v}). A plain reference reads a slot's first event, as
 * Siddhi's selector does. It never leaves the query: the selector makes ordinary events of it.
 */
final class MatchEvent extends Event {
    private final List<List<Event>> slots;

    MatchEvent(long timestamp, List<List<Event>> slots) {
        super(timestamp, new Object[0]);
        this.slots = slots;
    }

    static MatchEvent of(PartialMatch match) {
        List<List<Event>> slots = new ArrayList<>(match.slots.length);
        for (EventChain chain : match.slots) {
            slots.add(chain == null ? List.of() : List.copyOf(chain.events));
        }
        return new MatchEvent(match.timestamp, slots);
    }

    @Override
    public Object get(int streamIndex, int attributeIndex) {
        List<Event> events = slots.get(streamIndex);
        return events.isEmpty() ? null : events.get(0).get(attributeIndex);
    }

    @Override
    public Object get(int streamIndex, int position, int attributeIndex) {
        return valueAt(slots.get(streamIndex), position, attributeIndex);
    }

    @Override
    public long timestamp(int streamIndex) {
        List<Event> events = slots.get(streamIndex);
        return events.isEmpty() ? timestamp() : events.get(0).timestamp();
    }

    /** Siddhi's indexed read of a slot; the list form of a slot with no events is an empty list. */
    static Object valueAt(List<Event> events, int position, int attributeIndex) {
        if (position == ResolvedAttribute.ALL_EVENTS) {
            List<Object> values = new ArrayList<>(events.size());
            for (Event event : events) {
                values.add(event.get(attributeIndex));
            }
            return values;
        }
        int index = position >= 0 ? position : events.size() + position;
        return index >= 0 && index < events.size() ? events.get(index).get(attributeIndex) : null;
    }

    @Override
    public String toString() {
        return "match " + timestamp() + " " + slots;
    }
}
