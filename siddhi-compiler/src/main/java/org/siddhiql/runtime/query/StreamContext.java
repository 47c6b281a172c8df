package org.siddhiql.runtime.query;

import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.ratelimit.RateLimitContext;

/** What a backend gives a {@link QueryGraphKernel}: the clock, timers, and where events leaving the graph go. */
public interface StreamContext extends RateLimitContext {
    /** An event on one of the graph's exported streams. */
    void emit(String stream, Event event);

    /**
     * Events of {@code stream} whose processing failed and that have no fault stream to go to; they have been logged.
     * Backends count them in a metric.
     */
    default void countDropped(String stream, int events) {
    }

    /** Where the query named {@code query} reports its metrics; by default nowhere. */
    default QueryMetrics queryMetrics(String query) {
        return QueryMetrics.NONE;
    }
}
