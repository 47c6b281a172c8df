package org.siddhiql.runtime.window;

/** The clock and timers a window kernel sees; event time or processing time is the backend's choice. */
public interface WindowContext {
    /**
     * The app's clock: in event-time runs the timestamp of the latest event seen on any stream (Siddhi's playback
     * clock), in processing-time runs the wall clock.
     */
    long currentTime();

    /** Asks for {@code onTimer(time)} once the clock reaches {@code time}. Asking twice for one time fires once. */
    void scheduleAt(long time);
}
