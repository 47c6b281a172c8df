package org.siddhiql.runtime.window;

import java.util.List;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.EventCodec;
import org.siddhiql.runtime.state.EventQueue;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;

/**
 * {@code time(t)}: a sliding window of the events of the last t ms. On every arrival and timer, the events with
 * {@code timestamp + t <= clock} leave first, EXPIRED and stamped with the clock, then the arriving event enters.
 * A timer is asked for at {@code timestamp + t} of each event whose timestamp is above all earlier ones.
 */
public final class TimeWindow extends BaseWindowSpec {
    private static final long serialVersionUID = 1L;

    static final WindowParams PARAMS = WindowParams.of("time")
            .constant("window.time", AttributeType.INT, AttributeType.LONG)
            .overload("window.time")
            .usage("(window.time int|long|time)");

    public static final WindowFactory FACTORY = (params, context) -> {
        PARAMS.validate(params, context);
        return new TimeWindow(WindowParams.describe("time", params), WindowParams.longValue(params.get(0)), false,
                new EventCodec(context.input().typeArray()));
    };

    private final long time;
    private final boolean delay;

    /** With {@code delay}, the window is {@code delay(t)}: see {@link DelayWindow}. */
    TimeWindow(String description, long time, boolean delay, EventCodec codec) {
        super(description, ProcessingMode.SLIDE, codec);
        this.time = time;
        this.delay = delay;
    }

    /** Each event leaves by its own timestamp alone, so the window may be split by group-by key. */
    @Override
    public boolean splittableByKey() {
        return true;
    }

    /** Joinable: a join finds in its contents. */
    @Override
    public boolean joinable() {
        return true;
    }

    @Override
    public WindowKernel instantiate(StateProvider state, String stateName) {
        EventQueue window = new EventQueue(state, stateName + ".window", codec);
        ValueCell<Long> lastTimestamp = state.value(stateName + ".last", Codecs.LONG);
        return new WindowKernel() {
            @Override
            public List<Event> contents() {
                return window.toList();
            }

            @Override
            public void onEvent(Event event, WindowContext context, List<Event> out) {
                leave(context.currentTime(), out);
                Event current = event.withType(EventType.CURRENT);
                window.add(current);
                Long last = lastTimestamp.get();
                if ((last == null ? Long.MIN_VALUE : last) < current.timestamp()) {
                    context.scheduleAt(current.timestamp() + time);
                    lastTimestamp.set(current.timestamp());
                }
                if (!delay) {
                    out.add(current);
                }
            }

            @Override
            public void onTimer(long timerTime, WindowContext context, List<Event> out) {
                leave(context.currentTime(), out);
            }

            private void leave(long now, List<Event> out) {
                Event first = window.peekFirst();
                while (first != null && first.timestamp() - now + time <= 0) {
                    window.pollFirst();
                    out.add(first.with(now, delay ? EventType.CURRENT : EventType.EXPIRED));
                    first = window.peekFirst();
                }
            }
        };
    }
}
