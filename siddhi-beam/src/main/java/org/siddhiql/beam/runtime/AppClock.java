package org.siddhiql.beam.runtime;

/** Which clock an app's time windows, rate limits and timeouts follow on Beam. */
public enum AppClock {
    /**
     * The events' Beam timestamps, as Siddhi's {@code @app:playback}: the app's clock is the latest timestamp
     * released (once the watermark passed it), and kernel timers fire when an event moves the clock past them.
     */
    EVENT_TIME,
    /**
     * The machine's clock, Siddhi's default for live apps: an event is processed on arrival, stamped with the wall
     * clock, and kernel timers fire on processing-time timers.
     */
    PROCESSING_TIME
}
