package org.siddhiql.flink.operator;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Gives a time-ordered input Siddhi's playback clock.
 *
 * <p>Siddhi advances its clock to an event's timestamp before processing the event, so timers due up to that time
 * fire first. Flink fires event-time timers on watermarks, so this operator emits a watermark equal to each event's
 * timestamp ahead of the event. It drops the watermarks it receives, including the final one a bounded source sends:
 * when the input ends the clock stays at the last event, and timers due later never fire, as in Siddhi.
 *
 * <p>It must run at parallelism 1 behind an ordered source; its only field is the last watermark it sent, which
 * needs no checkpointing because Flink ignores a watermark that does not advance.
 */
public final class PlaybackClockOperator extends AbstractStreamOperator<TaggedEvent>
        implements OneInputStreamOperator<TaggedEvent, TaggedEvent> {
    private static final long serialVersionUID = 1L;

    private transient long clock;

    public PlaybackClockOperator() {
        chainingStrategy = ChainingStrategy.ALWAYS; // no serialization hop behind the source
    }

    @Override
    public void open() throws Exception {
        super.open();
        clock = Long.MIN_VALUE;
    }

    @Override
    public void processElement(StreamRecord<TaggedEvent> element) {
        long timestamp = element.getValue().event().timestamp();
        if (timestamp > clock) {
            clock = timestamp;
            output.emitWatermark(new Watermark(timestamp));
        }
        output.collect(element.replace(element.getValue(), timestamp));
    }

    @Override
    public void processWatermark(Watermark mark) {
        // The clock is the events' own timestamps; see the class comment.
    }
}
