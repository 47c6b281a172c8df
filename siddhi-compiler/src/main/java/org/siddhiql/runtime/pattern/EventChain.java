package org.siddhiql.runtime.pattern;

import java.util.ArrayList;
import java.util.List;
import org.siddhiql.runtime.event.Event;

/**
 * The events one step collected for one partial match. Shared by identity between a partial match and the copies
 * {@code every} makes of it, as Siddhi shares its linked stream events: a counted step that collects one more event
 * for a match also shows it in the copies.
 */
final class EventChain {
    final List<Event> events = new ArrayList<>(2);

    EventChain() {
    }

    EventChain(Event first) {
        events.add(first);
    }

    Event first() {
        return events.get(0);
    }

    Event last() {
        return events.get(events.size() - 1);
    }

    /** The event at {@code position}: from the start if non-negative, from the end if negative; else null. */
    Event at(int position) {
        int index = position >= 0 ? position : events.size() + position;
        return index >= 0 && index < events.size() ? events.get(index) : null;
    }
}
