package org.siddhiql.runtime.window;

import io.siddhi.query.api.expression.constant.Constant;
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
 * {@code expression('condition')}: a sliding window that keeps events while the condition holds. Each arrival is
 * added and the condition evaluated for it (aggregators add it); while it is false, the oldest event leaves,
 * EXPIRED and stamped with the clock, and the condition is evaluated for the leaving event (aggregators remove it)
 * until it holds again or the window is empty. Output: [EXPIRED..., the arrival CURRENT]. The arrival itself may
 * leave when nothing else is left.
 */
public final class ExpressionWindow extends BaseWindowSpec {
    private static final long serialVersionUID = 1L;

    static final WindowParams PARAMS = WindowParams.of("expression")
            .dynamic("expression", AttributeType.STRING)
            .overload("expression")
            .usage("(expression string)");

    public static final WindowFactory FACTORY = (params, context) -> {
        PARAMS.validate(params, context);
        if (!(params.get(0) instanceof Constant)) {
            throw new IllegalArgumentException("window 'expression' with an expression taken from an attribute is not"
                    + " supported: write the condition as a string constant");
        }
        String text = WindowParams.stringValue(params.get(0));
        return new ExpressionWindow(WindowParams.describe("expression", params),
                ExpressionCondition.compile("expression", text, context), new EventCodec(context.input().typeArray()));
    };

    private final ExpressionCondition condition;

    ExpressionWindow(String description, ExpressionCondition condition, EventCodec codec) {
        super(description, ProcessingMode.SLIDE, codec);
        this.condition = condition;
    }

    @Override
    public WindowKernel instantiate(StateProvider state, String stateName) {
        EventQueue window = new EventQueue(state, stateName + ".window", codec);
        ValueCell<Object> aggregates = state.value(stateName + ".aggregates", Codecs.ANY);
        return new UntimedKernel() {
            @Override
            public void onEvent(Event event, WindowContext context, List<Event> out) {
                long now = context.currentTime();
                Object[] states = aggregates.get() == null ? condition.newStates() : (Object[]) aggregates.get();
                Event current = event.withType(EventType.CURRENT);
                window.add(current);
                Event last = current;
                if (!condition.test(current, window.peekFirst(), last, EventType.CURRENT, states)) {
                    while (!window.isEmpty()) {
                        Event leaving = window.pollFirst().with(now, EventType.EXPIRED);
                        out.add(leaving);
                        Event first = window.peekFirst();
                        if (first == null) {
                            first = leaving;
                            last = leaving; // the arrival itself left, and Siddhi restamped it
                        }
                        if (condition.test(leaving, first, last, EventType.EXPIRED, states)) {
                            break;
                        }
                    }
                }
                if (condition.hasAggregators()) {
                    aggregates.set(states);
                }
                out.add(current);
            }
        };
    }
}
