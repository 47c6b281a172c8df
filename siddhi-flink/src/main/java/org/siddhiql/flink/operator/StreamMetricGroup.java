package org.siddhiql.flink.operator;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

/**
 * One stream's metrics in a {@link QueryGraphOperator} subtask, in a group {@code siddhiStream=<stream name>} under
 * the operator's: counters {@value #EVENTS_IN} (events of the stream from outside the operator, where a query of
 * the operator reads it), {@value #LATE_EVENTS} (of those, the ones behind the operator's watermark when they
 * arrived: in event time, events older than what the clock already passed; always 0 in processing time) and
 * {@value #EVENTS_OUT} (events queries of the operator output on it). A stream read or written by several operators
 * has a group in each, as Flink's own record counters do.
 */
final class StreamMetricGroup {
    static final String GROUP = "siddhiStream";
    static final String EVENTS_IN = "eventsIn";
    static final String EVENTS_OUT = "eventsOut";
    static final String LATE_EVENTS = "lateEvents";

    private StreamMetricGroup() {
    }

    static MetricGroup of(MetricGroup operatorGroup, String stream) {
        return operatorGroup.addGroup(GROUP, stream);
    }

    /** The counters of a stream arriving at the operator. */
    record Input(Counter events, Counter late) {
        static Input of(MetricGroup operatorGroup, String stream) {
            MetricGroup group = StreamMetricGroup.of(operatorGroup, stream);
            return new Input(group.counter(EVENTS_IN), group.counter(LATE_EVENTS));
        }
    }
}
