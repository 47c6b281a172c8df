package org.siddhiql.flink.operator;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.siddhiql.runtime.query.QueryMetrics;

/**
 * One query's metrics, in a group {@code siddhiQuery=<query name>} under its operator's: the gauges
 * {@value #PARTIAL_MATCHES} and {@value #STATE_BYTES} total what the query holds over this subtask's keys, the
 * counter {@value #MATCHES} counts the matches it completed. The kernel reports changes on the task thread; the
 * gauges are read by reporters on other threads, hence the volatile totals (one writer, so no lost updates).
 */
final class QueryMetricGroup implements QueryMetrics {
    static final String GROUP = "siddhiQuery";
    static final String PARTIAL_MATCHES = "partialMatches";
    static final String STATE_BYTES = "patternStateBytes";
    static final String MATCHES = "patternMatches";

    private volatile long partialMatches;
    private volatile long stateBytes;
    private final Counter matches;

    QueryMetricGroup(MetricGroup operatorGroup, String query) {
        MetricGroup group = operatorGroup.addGroup(GROUP, query);
        group.gauge(PARTIAL_MATCHES, (Gauge<Long>) () -> partialMatches);
        group.gauge(STATE_BYTES, (Gauge<Long>) () -> stateBytes);
        matches = group.counter(MATCHES);
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
