package org.siddhiql.runtime.ratelimit;

/**
 * Where the period grid of a time-based output rate limit ({@code output all|last every <time>} and
 * {@code output snapshot every <time>}) starts. Ticks fall at {@code origin + k * period}, k = 1, 2, ...
 *
 * <p>The grid follows the app clock ({@link RateLimitContext}): in an event-time run it advances with the events'
 * timestamps, never with the wall clock (the {@code bin/siddhi run} contract, conformance FORMAT.md). Siddhi 5.1.21
 * anchors the grid at the <em>wall clock</em> when the query (or partition key) starts, even in
 * {@code @app:playback}, so on recorded data its ticks lie far after every event and these limiters never emit; that
 * is a playback defect we do not copy (the conformance oracle is patched to start the grid at the playback clock's
 * start, 0). {@code output first every <time>} has no grid and is unaffected.
 */
public enum TimerAnchor {
    /**
     * A query outside a partition: the app's start, {@link RateLimitContext#appStartTime()} (0 in event
     * time, as Siddhi's playback clock; the job's start in processing time). A query whose first event comes later joins the
     * running grid.
     */
    APP_START,
    /**
     * A query inside a partition: the app clock ({@link RateLimitContext#currentTime()}) when the kernel first sees
     * the current key, so each key has its own grid, as each Siddhi partition instance starts its own timer.
     */
    KEY_START
}
