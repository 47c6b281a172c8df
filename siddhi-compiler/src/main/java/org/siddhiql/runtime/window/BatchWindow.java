package org.siddhiql.runtime.window;

import java.util.List;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;
import org.siddhiql.runtime.state.EventCodec;
import org.siddhiql.runtime.state.EventQueue;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;

/**
 * {@code batch([n])}: every arriving chunk is a batch (n only splits chunks longer than n; ours hold one event, so n
 * changes nothing). Each event emits [previous batch EXPIRED stamped with the clock (only when the query outputs
 * expired events), RESET, the event CURRENT]. The reset is the previous batch's first event with its own timestamp.
 */
public final class BatchWindow implements WindowSpec {
    private static final long serialVersionUID = 1L;

    static final WindowParams PARAMS = WindowParams.of("batch")
            .constant("window.length", AttributeType.INT)
            .overload()
            .overload("window.length")
            .usage("(window.length int)");

    public static final WindowFactory FACTORY = (params, context) -> {
        PARAMS.validate(params, context);
        if (params.size() == 1 && WindowParams.intValue(params.get(0)) < 0) {
            throw new IllegalArgumentException("window 'batch' parameter 1 (window.length) must not be negative, got "
                    + WindowParams.intValue(params.get(0)));
        }
        return new BatchWindow(WindowParams.describe("batch", params), context.outputExpectsExpiredEvents(),
                new EventCodec(context.input().typeArray()));
    };

    private final String description;
    private final boolean expectsExpired;
    private final EventCodec codec;

    BatchWindow(String description, boolean expectsExpired, EventCodec codec) {
        this.description = description;
        this.expectsExpired = expectsExpired;
        this.codec = codec;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public boolean splittableByKey() {
        return false;
    }

    @Override
    public ProcessingMode processingMode() {
        return ProcessingMode.BATCH;
    }

    @Override
    public WindowKernel instantiate(StateProvider state, String stateName) {
        EventQueue expired = new EventQueue(state, stateName + ".expired", codec);
        ValueCell<Event> reset = state.value(stateName + ".reset", codec);
        return new WindowKernel() {
            @Override
            public void onEvent(Event event, WindowContext context, List<Event> out) {
                Event current = event.withType(EventType.CURRENT);
                if (expectsExpired) {
                    for (Event e : expired.drain()) {
                        out.add(e.with(context.currentTime(), EventType.EXPIRED));
                    }
                    expired.add(current);
                }
                Event previous = reset.get();
                if (previous != null) {
                    out.add(previous);
                }
                reset.set(current.withType(EventType.RESET));
                out.add(current);
            }

            @Override
            public void onTimer(long time, WindowContext context, List<Event> out) {
                // never scheduled
            }
        };
    }
}
