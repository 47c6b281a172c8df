package org.siddhiql.runtime.window;

import java.util.List;
import org.siddhiql.runtime.event.Event;

/**
 * The runtime of one window for one key. It keeps its contents in the managed state it was given, and answers each
 * arriving event or due timer with the chunk Siddhi's window would emit: EXPIRED events that leave, a RESET when a
 * batch ends, CURRENT events that enter, in Siddhi's order.
 */
public interface WindowKernel {
    void onEvent(Event event, WindowContext context, List<Event> out);

    /** A time this kernel scheduled has come; {@code context.currentTime()} may be later than {@code time}. */
    void onTimer(long time, WindowContext context, List<Event> out);

    /**
     * What a join matches the other side's events against, oldest first: the events Siddhi's window would find (a
     * sliding window's contents, a batch window's kept batches). Only windows whose spec says
     * {@link WindowSpec#joinable()} answer. A batch window remembers being asked, since a search changes how
     * Siddhi's batch windows stamp the batch when it expires (see {@code BatchFlush}).
     */
    default List<Event> contents() {
        throw new UnsupportedOperationException("this window cannot be joined yet");
    }
}
