package org.siddhiql.runtime.window;

import java.util.List;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;
import org.siddhiql.runtime.state.EventCodec;
import org.siddhiql.runtime.state.EventQueue;
import org.siddhiql.runtime.state.StateProvider;

/**
 * {@code timeLength(t, n)}: a sliding window of at most n events, none older than t ms. On every arrival and timer
 * the events with {@code timestamp + t <= clock} leave first; then, if the window is full, its oldest event leaves;
 * all EXPIRED events are stamped with the clock and come before the arriving CURRENT event. Every event asks for a
 * timer at {@code timestamp + t}, in Siddhi's arrival-ordered timer list.
 */
public final class TimeLengthWindow extends BaseWindowSpec {
    private static final long serialVersionUID = 1L;

    static final WindowParams PARAMS = WindowParams.of("timeLength")
            .constant("window.time", AttributeType.INT, AttributeType.LONG)
            .constant("window.length", AttributeType.INT)
            .overload("window.time", "window.length")
            .usage("(window.time int|long|time, window.length int)");

    public static final WindowFactory FACTORY = (params, context) -> {
        PARAMS.validate(params, context);
        return new TimeLengthWindow(WindowParams.describe("timeLength", params),
                WindowParams.longValue(params.get(0)), WindowParams.intValue(params.get(1)),
                new EventCodec(context.input().typeArray()));
    };

    private final long time;
    private final int length;

    TimeLengthWindow(String description, long time, int length, EventCodec codec) {
        super(description, ProcessingMode.SLIDE, codec);
        this.time = time;
        this.length = length;
    }

    /** Joinable: a join finds in its contents. */
    @Override
    public boolean joinable() {
        return true;
    }

    @Override
    public WindowKernel instantiate(StateProvider state, String stateName) {
        EventQueue window = new EventQueue(state, stateName + ".window", codec);
        TimerQueue timers = new TimerQueue(state, stateName + ".timers");
        return new WindowKernel() {
            @Override
            public List<Event> contents() {
                return window.toList();
            }

            @Override
            public void onEvent(Event event, WindowContext context, List<Event> out) {
                long now = context.currentTime();
                leave(now, out);
                Event current = event.withType(EventType.CURRENT);
                if (window.size() < length) {
                    window.add(current);
                } else {
                    Event oldest = window.pollFirst();
                    if (oldest != null) {
                        out.add(oldest.with(now, EventType.EXPIRED));
                        window.add(current);
                    }
                }
                timers.notifyAt(current.timestamp() + time, context);
                out.add(current);
            }

            @Override
            public void onTimer(long timerTime, WindowContext context, List<Event> out) {
                if (timers.pollDue(context) != null) {
                    leave(context.currentTime(), out);
                }
            }

            private void leave(long now, List<Event> out) {
                Event first = window.peekFirst();
                while (first != null && first.timestamp() - now + time <= 0) {
                    window.pollFirst();
                    out.add(first.with(now, EventType.EXPIRED));
                    first = window.peekFirst();
                }
            }
        };
    }
}
