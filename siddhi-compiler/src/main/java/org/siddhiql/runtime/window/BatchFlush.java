package org.siddhiql.runtime.window;

import java.util.List;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.EventCodec;
import org.siddhiql.runtime.state.EventQueue;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;

/**
 * The flush Siddhi's batch windows share when a batch closes: [the previous batch EXPIRED, stamped with the flush
 * time (only when the query outputs expired events), the RESET made from the closing batch's first event, the
 * closing batch as it is]; the closing batch is then kept as the previous batch, to expire at the next flush. Keeps
 * its state under {@code <name>.expired}, {@code <name>.reset} and {@code <name>.searched}. When and with what time a
 * window flushes stays in the window.
 *
 * <p>A window a join finds in keeps the batches it emits for the join to search, as Siddhi's expired-event queue:
 * the previous batch when the query outputs expired events, and otherwise every batch, since Siddhi then never
 * clears that queue. Siddhi stamps the expired events by walking the queue with its cursor without rewinding it, and
 * a join's search leaves the cursor at the end: a batch searched since the last flush expires with its events' own
 * timestamps.
 */
final class BatchFlush {
    private final EventQueue expired;
    private final ValueCell<Event> reset;
    /** Set (to 1) when a join has searched the kept batch since the last flush; null otherwise. */
    private final ValueCell<Long> searched;
    private final boolean expectsExpired;
    private final boolean findable;
    private final boolean restampReset;

    /**
     * @param expectsExpired whether the query outputs expired events: only then is a batch kept and expired
     * @param findable whether a join finds in the window (see the class comment)
     * @param restampReset whether the RESET takes the flush time (lengthBatch, externalTimeBatch) or keeps its first
     *     event's own timestamp (batch, timeBatch)
     */
    BatchFlush(StateProvider state, String name, EventCodec codec, boolean expectsExpired, boolean findable,
            boolean restampReset) {
        this.expired = new EventQueue(state, name + ".expired", codec);
        this.reset = state.value(name + ".reset", codec);
        this.searched = findable ? state.value(name + ".searched", Codecs.LONG) : null;
        this.expectsExpired = expectsExpired;
        this.findable = findable;
        this.restampReset = restampReset;
    }

    /** Adds each event as EXPIRED, stamped with {@code stamp}. */
    static void expire(List<Event> events, long stamp, List<Event> out) {
        for (Event e : events) {
            out.add(e.with(stamp, EventType.EXPIRED));
        }
    }

    /** Makes {@code current} the RESET of the open batch, unless the batch already has one. */
    void open(Event current) {
        if (reset.get() == null) {
            reset.set(current.withType(EventType.RESET));
        }
    }

    /** The RESET of the open batch, or null. */
    Event pendingReset() {
        return reset.get();
    }

    /** The previous batch, still kept. */
    List<Event> previous() {
        return expired.toList();
    }

    /** What a join finds in: the batches kept, oldest first. The search is remembered; see the class comment. */
    List<Event> search() {
        if (expectsExpired && searched.get() == null) {
            searched.set(1L);
        }
        return expired.toList();
    }

    /** Whether emitted events are kept: to expire at the next flush, or for a join to find. */
    boolean keeps() {
        return expectsExpired || findable;
    }

    /** The flush, keeping {@code batch} as {@link #keeps()} says. */
    void flush(long stamp, List<Event> batch, List<Event> out) {
        flush(stamp, batch, keeps(), out);
    }

    /** The flush, keeping {@code batch} to expire next when {@code keep}. */
    void flush(long stamp, List<Event> batch, boolean keep, List<Event> out) {
        expirePrevious(stamp, out);
        Event r = reset.get();
        if (r != null) {
            out.add(restampReset ? r.withTimestamp(stamp) : r);
            reset.clear();
        }
        release(batch, keep, out);
    }

    /**
     * When the query outputs expired events, emits the previous batch EXPIRED, stamped with {@code stamp} unless a
     * join searched it since the last flush, and forgets it.
     */
    void expirePrevious(long stamp, List<Event> out) {
        if (!expectsExpired) {
            return;
        }
        if (searched != null && searched.get() != null) {
            searched.clear();
            for (Event e : expired.drain()) {
                out.add(e.withType(EventType.EXPIRED));
            }
        } else {
            expire(expired.drain(), stamp, out);
        }
    }
    /** Forgets the previous batch without emitting it. */
    void forgetPrevious() {
        expired.clear();
    }

    /** Emits the events as they are, keeping them to expire at the next flush when {@code keep}. */
    void release(List<Event> events, boolean keep, List<Event> out) {
        for (Event e : events) {
            if (keep) {
                expired.add(e);
            }
            out.add(e);
        }
    }
}
