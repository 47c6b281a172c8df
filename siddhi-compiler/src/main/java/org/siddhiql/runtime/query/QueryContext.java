package org.siddhiql.runtime.query;

import java.util.List;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.ratelimit.RateLimitContext;

/** What a backend gives a query kernel for one call: the clock, timers, and where output events go. */
public interface QueryContext extends RateLimitContext {
    /** Sends the output events of one processing step to the query's target stream, as one chunk. */
    void emit(List<Event> chunk);

    /** Where the query reports its state's size and its matches; by default nowhere. */
    default QueryMetrics metrics() {
        return QueryMetrics.NONE;
    }
}
