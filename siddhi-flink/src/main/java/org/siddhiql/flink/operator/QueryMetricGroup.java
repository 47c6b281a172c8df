package org.siddhiql.flink.operator;

import java.util.List;
import java.util.function.LongSupplier;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.query.QueryMetrics;

/**
 * One query's metrics, in a group {@code siddhiQuery=<query name>} under its operator's, over this subtask's keys:
 * <ul>
 *   <li>counters {@value #EVENTS_IN} (events arriving on its input streams), {@value #EVENTS_OUT} (events it output)
 *       and {@value #ERRORS} (events whose processing failed in it: sent to a fault stream or logged);
 *   <li>gauge {@value #WINDOW_EVENTS}: the events its windows hold;
 *   <li>histogram {@value #LATENCY}, in processing time only: for each output event, the milliseconds from its
 *       timestamp to the moment it leaves the query. A live event is stamped when its source reads it, and an output
 *       takes its last input's timestamp (or its timer's time), so this is the latency from ingestion to output,
 *       network hops and queues between operators included. In event time timestamps are the data's, not the clock's,
 *       so it is not registered;
 *   <li>for patterns and sequences, gauges {@value #PARTIAL_MATCHES} and {@value #STATE_BYTES}, counter
 *       {@value #MATCHES} (see the README's "Pattern metrics").
 * </ul>
 * Everything is written on the task thread and read by reporters on others; the pattern gauges are volatile (one
 * writer, so no lost updates), the counters are Flink's plain ones.
 */
final class QueryMetricGroup implements QueryMetrics {
    static final String GROUP = "siddhiQuery";
    static final String EVENTS_IN = "eventsIn";
    static final String EVENTS_OUT = "eventsOut";
    static final String ERRORS = "errors";
    static final String WINDOW_EVENTS = "windowEvents";
    static final String LATENCY = "latencyMs";
    static final String PARTIAL_MATCHES = "partialMatches";
    static final String STATE_BYTES = "patternStateBytes";
    static final String MATCHES = "patternMatches";
    /** How many of the latest latencies the histogram's statistics are computed over. */
    private static final int LATENCY_WINDOW = 1024;

    private final Counter eventsIn;
    private final Counter eventsOut;
    private final Counter errors;
    private final Histogram latency;
    private final LongSupplier wallClock;
    private volatile long partialMatches;
    private volatile long stateBytes;
    private final Counter matches;

    /**
     * @param heldEvents the events the query's windows hold
     * @param wallClock the processing-time clock in milliseconds, or null in event time (no latency is measured)
     */
    QueryMetricGroup(MetricGroup operatorGroup, QueryPlan query, LongSupplier heldEvents, LongSupplier wallClock) {
        MetricGroup group = operatorGroup.addGroup(GROUP, query.name());
        eventsIn = group.counter(EVENTS_IN);
        eventsOut = group.counter(EVENTS_OUT);
        errors = group.counter(ERRORS);
        group.gauge(WINDOW_EVENTS, (Gauge<Long>) heldEvents::getAsLong);
        this.wallClock = wallClock;
        latency = wallClock == null ? null
                : group.histogram(LATENCY, new DescriptiveStatisticsHistogram(LATENCY_WINDOW));
        if (query.pattern() != null) {
            group.gauge(PARTIAL_MATCHES, (Gauge<Long>) () -> partialMatches);
            group.gauge(STATE_BYTES, (Gauge<Long>) () -> stateBytes);
            matches = group.counter(MATCHES);
        } else {
            matches = null;
        }
    }

    @Override
    public void received(int events) {
        eventsIn.inc(events);
    }

    @Override
    public void emitted(List<Event> chunk) {
        eventsOut.inc(chunk.size());
        if (latency != null) {
            long now = wallClock.getAsLong();
            for (Event event : chunk) {
                latency.update(now - event.timestamp());
            }
        }
    }

    @Override
    public void failed(int events) {
        errors.inc(events);
    }

    @Override
    public void partialMatchesChanged(long delta) {
        partialMatches += delta;
    }

    @Override
    public void stateBytesChanged(long delta) {
        stateBytes += delta;
    }

    @Override
    public void matched(long count) {
        matches.inc(count);
    }
}
