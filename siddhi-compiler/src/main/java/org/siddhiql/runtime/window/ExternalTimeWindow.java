package org.siddhiql.runtime.window;

import java.util.List;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;
import org.siddhiql.runtime.state.EventCodec;
import org.siddhiql.runtime.state.EventQueue;
import org.siddhiql.runtime.state.StateProvider;

/**
 * {@code externalTime(timestamp, t)}: a sliding window over the time an attribute carries. Each arrival with value
 * v first expires the oldest events whose value w has {@code w - v + t <= 0}, stopping at the first that stays;
 * expired events are stamped with v (not with the clock). No timers. An event whose timestamp attribute is null is
 * dropped, as Siddhi's window fails on it.
 */
public final class ExternalTimeWindow extends BaseWindowSpec {
    private static final long serialVersionUID = 1L;

    static final WindowParams PARAMS = WindowParams.of("externalTime")
            .dynamic("timestamp", AttributeType.LONG)
            .constant("window.time", AttributeType.INT, AttributeType.LONG)
            .overload("timestamp", "window.time")
            .usage("(timestamp long, window.time int|long|time)");

    public static final WindowFactory FACTORY = (params, context) -> {
        PARAMS.validate(params, context);
        int index = WindowParams.attributeIndex(params.get(0), context);
        if (index < 0) {
            throw new IllegalArgumentException(
                    "window 'externalTime' parameter 1 (timestamp) must be a long attribute of the input, not an"
                            + " expression");
        }
        return new ExternalTimeWindow(WindowParams.describe("externalTime", params), index,
                WindowParams.longValue(params.get(1)), new EventCodec(context.input().typeArray()));
    };

    private final int timestampIndex;
    private final long time;

    ExternalTimeWindow(String description, int timestampIndex, long time, EventCodec codec) {
        super(description, ProcessingMode.SLIDE, codec);
        this.timestampIndex = timestampIndex;
        this.time = time;
    }

    /** Joinable: a join finds in its contents. */
    @Override
    public boolean joinable() {
        return true;
    }

    @Override
    public WindowKernel instantiate(StateProvider state, String stateName) {
        EventQueue window = new EventQueue(state, stateName + ".window", codec);
        return new UntimedKernel() {
            @Override
            public List<Event> contents() {
                return window.toList();
            }

            @Override
            public void onEvent(Event event, WindowContext context, List<Event> out) {
                Long value = (Long) event.get(timestampIndex);
                if (value == null) {
                    return;
                }
                Event first = window.peekFirst();
                while (first != null && (Long) first.get(timestampIndex) - value + time <= 0) {
                    window.pollFirst();
                    out.add(first.with(value, EventType.EXPIRED));
                    first = window.peekFirst();
                }
                Event current = event.withType(EventType.CURRENT);
                window.add(current);
                out.add(current);
            }
        };
    }
}
