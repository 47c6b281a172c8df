package org.siddhiql.runtime.ratelimit;

import org.siddhiql.runtime.window.WindowContext;

/** The clock and timers an output rate limiter sees: a window's, plus when the app started. */
public interface RateLimitContext extends WindowContext {
    /**
     * The app clock's value when the app started: in event-time runs the timestamp of the app's first event (the
     * clock's first value), in processing-time runs the wall clock when the job started. Time-based output rates
     * tick on a grid from here, as Siddhi's start from its app start.
     */
    long appStartTime();
}
