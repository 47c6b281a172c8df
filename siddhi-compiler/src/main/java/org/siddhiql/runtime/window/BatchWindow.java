package org.siddhiql.runtime.window;

import java.util.List;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;
import org.siddhiql.runtime.state.EventCodec;
import org.siddhiql.runtime.state.StateProvider;

/**
 * {@code batch([n])}: every arriving chunk is a batch (n only splits chunks longer than n; ours hold one event, so n
 * changes nothing). Each event emits [previous batch EXPIRED stamped with the clock (only when the query outputs
 * expired events), RESET, the event CURRENT]. The reset is the previous batch's first event with its own timestamp.
 */
public final class BatchWindow extends BaseWindowSpec {
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

    private final boolean expectsExpired;

    BatchWindow(String description, boolean expectsExpired, EventCodec codec) {
        super(description, ProcessingMode.BATCH, codec);
        this.expectsExpired = expectsExpired;
    }

    @Override
    public WindowKernel instantiate(StateProvider state, String stateName) {
        BatchFlush flusher = new BatchFlush(state, stateName, codec, expectsExpired, false, false);
        return (UntimedKernel) (event, context, out) -> {
            Event current = event.withType(EventType.CURRENT);
            flusher.flush(context.currentTime(), List.of(current), out);
            flusher.open(current);
        };
    }
}
