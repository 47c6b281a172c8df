package org.siddhiql.runtime.ratelimit;

import org.siddhiql.runtime.window.WindowContext;

/** The clock and timers an output rate limiter sees: a window's, plus when the app started. */
public interface RateLimitContext extends WindowContext {
    /**
     * The app clock's value when the app started: 0 in event-time runs (Siddhi's playback clock starts there), the
     * wall clock when the job started in processing-time runs. Time-based output rates tick on a grid from here, and
     * a pattern that starts with an absence waits from here.
     */
    long appStartTime();
}
