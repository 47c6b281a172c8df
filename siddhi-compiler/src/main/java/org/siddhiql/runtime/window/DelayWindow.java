package org.siddhiql.runtime.window;

import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.runtime.state.EventCodec;

/**
 * {@code delay(t)}: holds each event back and releases it, as a CURRENT event stamped with the clock, on the first
 * arrival or timer at which {@code timestamp + t <= clock}. Arriving events are not emitted when they arrive. Runs
 * on the {@link TimeWindow} kernel.
 */
public final class DelayWindow {
    static final WindowParams PARAMS = WindowParams.of("delay")
            .constant("window.delay", AttributeType.INT, AttributeType.LONG)
            .overload("window.delay")
            .usage("(window.delay int|long|time)");

    public static final WindowFactory FACTORY = (params, context) -> {
        PARAMS.validate(params, context);
        return new TimeWindow(WindowParams.describe("delay", params), WindowParams.longValue(params.get(0)), true,
                new EventCodec(context.input().typeArray()));
    };

    private DelayWindow() {
    }
}
