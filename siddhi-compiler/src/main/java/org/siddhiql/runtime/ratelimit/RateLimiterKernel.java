package org.siddhiql.runtime.ratelimit;

import java.util.List;
import org.siddhiql.runtime.event.Event;

/** The runtime of a query's {@code output ...} clause for one key, with its buffers in managed state. */
public interface RateLimiterKernel {
    /**
     * Takes the events the selector produced for one chunk and appends what is to be output now. Call it only for a
     * non-empty chunk (Siddhi's selector does not call its limiter otherwise).
     *
     * @param selected events typed CURRENT or EXPIRED; in a query without group by also the window's RESET markers,
     *     in place, as Siddhi's selector hands them on (some limiters count them)
     * @param groupKeys the group-by key of each selected event, or null when the query has no group by
     * @param out receives CURRENT and EXPIRED events (never RESET), each with the timestamp it had when selected;
     *     the insert makes expired ones current, as Siddhi does
     */
    void onSelected(List<Event> selected, List<String> groupKeys, RateLimitContext context, List<Event> out);

    /**
     * A time this kernel scheduled has come; {@code context.currentTime()} may be later, and the kernel then also
     * runs every later tick that is due by then. Siddhi runs a query's due window timers before its limiter's, so a
     * backend must deliver the window's due timers (through the selector into {@link #onSelected}) first.
     */
    void onTimer(long time, RateLimitContext context, List<Event> out);
}
