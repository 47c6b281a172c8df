package org.siddhiql.flink.operator;

/** Which clock a query's time windows, rate limits and timeouts follow. */
public enum TimeMode {
    /**
     * The timestamps of the events: the app's clock is the latest event's timestamp across all streams, as in
     * Siddhi's {@code @app:playback}; Flink watermarks carry it to every operator.
     */
    EVENT_TIME,
    /** The machine's clock, Siddhi's default for live apps. */
    PROCESSING_TIME
}
