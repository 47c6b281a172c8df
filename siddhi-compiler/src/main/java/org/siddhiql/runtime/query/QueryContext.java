package org.siddhiql.runtime.query;

import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.ratelimit.RateLimitContext;

/** What a backend gives a query kernel for one call: the clock, timers, and where output events go. */
public interface QueryContext extends RateLimitContext {
    /** Sends an output event to the query's target stream. */
    void emit(Event event);
}
