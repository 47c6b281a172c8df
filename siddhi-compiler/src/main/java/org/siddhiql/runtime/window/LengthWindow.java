package org.siddhiql.runtime.window;

import java.util.List;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;
import org.siddhiql.runtime.state.EventCodec;
import org.siddhiql.runtime.state.EventQueue;
import org.siddhiql.runtime.state.StateProvider;

/**
 * {@code length(n)}: a sliding window of the last n events. Once full, each arrival first expires the oldest event,
 * stamped with the clock. With n &lt;= 0 nothing is kept: each event comes out as itself, then expired and reset, all
 * with its own timestamp (Siddhi's behaviour).
 */
public final class LengthWindow extends BaseWindowSpec {
    private static final long serialVersionUID = 1L;

    static final WindowParams PARAMS = WindowParams.of("length")
            .constant("window.length", AttributeType.INT)
            .overload("window.length")
            .usage("(window.length int)");

    public static final WindowFactory FACTORY = (params, context) -> {
        PARAMS.validate(params, context);
        return new LengthWindow(WindowParams.describe("length", params), WindowParams.intValue(params.get(0)),
                new EventCodec(context.input().typeArray()));
    };

    private final int length;

    LengthWindow(String description, int length, EventCodec codec) {
        super(description, ProcessingMode.SLIDE, codec);
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
        return new UntimedKernel() {
            @Override
            public List<Event> contents() {
                return window.toList();
            }

            @Override
            public void onEvent(Event event, WindowContext context, List<Event> out) {
                Event current = event.withType(EventType.CURRENT);
                if (window.size() < length) {
                    window.add(current);
                    out.add(current);
                    return;
                }
                Event oldest = window.pollFirst();
                if (oldest != null) {
                    out.add(oldest.with(context.currentTime(), EventType.EXPIRED));
                    out.add(current);
                    window.add(current);
                } else {
                    out.add(current);
                    out.add(current.withType(EventType.EXPIRED));
                    out.add(current.withType(EventType.RESET));
                }
            }
        };
    }
}
