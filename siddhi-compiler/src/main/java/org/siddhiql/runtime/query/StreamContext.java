package org.siddhiql.runtime.query;

import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.ratelimit.RateLimitContext;

/** What a backend gives a {@link QueryGraphKernel}: the clock, timers, and where events leaving the graph go. */
public interface StreamContext extends RateLimitContext {
    /** An event on one of the graph's exported streams. */
    void emit(String stream, Event event);
}
