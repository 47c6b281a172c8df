package org.siddhiql.runtime.pattern;

/**
 * A pattern instance in progress (Siddhi's state event): per step slot the events collected so far, the timestamp
 * of the event that last moved it on (-1 before any), and whether {@code within} expired it. One instance may sit in
 * several steps' lists at once; identity matters, which is why {@link PatternStateCodec} keeps it.
 */
final class PartialMatch {
    final EventChain[] slots;
    long timestamp = -1;
    boolean expired;

    PartialMatch(int slotCount) {
        this.slots = new EventChain[slotCount];
    }

    /** Whether some step collected an event for it: then it is what the metrics count as a partial match. */
    boolean holdsEvent() {
        for (EventChain slot : slots) {
            if (slot != null) {
                return true;
            }
        }
        return false;
    }

    /** A copy sharing the chains, as Siddhi's state event cloner does. */
    PartialMatch copy() {
        PartialMatch copy = new PartialMatch(slots.length);
        System.arraycopy(slots, 0, copy.slots, 0, slots.length);
        copy.timestamp = timestamp;
        copy.expired = expired;
        return copy;
    }
}
