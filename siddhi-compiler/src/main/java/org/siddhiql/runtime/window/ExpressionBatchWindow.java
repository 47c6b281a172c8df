package org.siddhiql.runtime.window;

import io.siddhi.query.api.expression.constant.Constant;
import java.util.List;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.EventCodec;
import org.siddhiql.runtime.state.EventQueue;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;

/**
 * {@code expressionBatch('condition'[, include.triggering.event[, stream.current.event]])}: a tumbling window that
 * grows while the condition holds for each arrival (aggregators add it). When it fails, the aggregators restart from
 * the arrival alone and the batch closes. Unlike other batch windows it emits no RESET and always emits EXPIRED
 * events, whether or not the query outputs them; expired events are stamped with the clock.
 *
 * <p>Batch mode, the closing chunk: [previous batch EXPIRED, this batch CURRENT restamped with the clock, then, if
 * include.triggering.event holds for the arrival, the arrival CURRENT (own timestamp) which also joins the batch to
 * expire next; otherwise the arrival opens the next batch]. Closing an empty batch gives [arrival EXPIRED, arrival
 * CURRENT], both at the clock, and the arrival is kept nowhere.
 *
 * <p>Streaming mode: arrivals pass through at once; the closing chunk is [batch EXPIRED, arrival CURRENT] (the arrival
 * opens the next batch), or with include.triggering.event [arrival CURRENT, batch EXPIRED, arrival EXPIRED] (the
 * next batch starts empty), or for an empty batch [arrival EXPIRED, arrival CURRENT] at the clock.
 */
public final class ExpressionBatchWindow extends BaseWindowSpec {
    private static final long serialVersionUID = 1L;

    static final WindowParams PARAMS = WindowParams.of("expressionBatch")
            .dynamic("expression", AttributeType.STRING, AttributeType.BOOL)
            .dynamic("include.triggering.event", AttributeType.BOOL)
            .constant("stream.current.event", AttributeType.BOOL)
            .overload("expression")
            .overload("expression", "include.triggering.event")
            .overload("expression", "include.triggering.event", "stream.current.event")
            .usage("(expression string, include.triggering.event bool, stream.current.event bool)");

    public static final WindowFactory FACTORY = (params, context) -> {
        List<AttributeType> types = PARAMS.validate(params, context);
        if (types.get(0) != AttributeType.STRING) {
            throw new IllegalArgumentException("window 'expressionBatch' parameter 1 (expression) must be the"
                    + " condition as a string, got bool");
        }
        if (!(params.get(0) instanceof Constant)) {
            throw new IllegalArgumentException("window 'expressionBatch' with an expression taken from an attribute"
                    + " is not supported: write the condition as a string constant");
        }
        String text = WindowParams.stringValue(params.get(0));
        boolean include = false;
        Evaluator includeEval = null;
        if (params.size() >= 2) {
            if (params.get(1) instanceof Constant) {
                include = WindowParams.boolValue(params.get(1));
            } else {
                includeEval = context.compile(params.get(1));
            }
        }
        boolean stream = params.size() == 3 && WindowParams.boolValue(params.get(2));
        return new ExpressionBatchWindow(WindowParams.describe("expressionBatch", params),
                ExpressionCondition.compile("expressionBatch", text, context), include, includeEval, stream,
                new EventCodec(context.input().typeArray()));
    };

    private final ExpressionCondition condition;
    private final boolean include;
    private final Evaluator includeEval;
    private final boolean streamCurrentEvents;

    ExpressionBatchWindow(String description, ExpressionCondition condition, boolean include, Evaluator includeEval,
            boolean streamCurrentEvents, EventCodec codec) {
        super(description, ProcessingMode.BATCH, codec);
        this.condition = condition;
        this.include = include;
        this.includeEval = includeEval;
        this.streamCurrentEvents = streamCurrentEvents;
    }

    @Override
    public WindowKernel instantiate(StateProvider state, String stateName) {
        return new Kernel(state, stateName);
    }

    private final class Kernel implements UntimedKernel {
        private final EventQueue batch;    // batch mode: the open batch
        private final EventQueue expired;  // the batch to expire next (streaming mode: the open batch)
        private final ValueCell<Object> aggregates;

        Kernel(StateProvider state, String name) {
            this.batch = new EventQueue(state, name + ".batch", codec);
            this.expired = new EventQueue(state, name + ".expired", codec);
            this.aggregates = state.value(name + ".aggregates", Codecs.ANY);
        }

        @Override
        public void onEvent(Event event, WindowContext context, List<Event> out) {
            long now = context.currentTime();
            Object[] states = aggregates.get() == null ? condition.newStates() : (Object[]) aggregates.get();
            Event current = event.withType(EventType.CURRENT);
            EventQueue open = streamCurrentEvents ? expired : batch;
            Event first = open.isEmpty() ? current : open.peekFirst();
            boolean holds = condition.test(current, first, current, EventType.CURRENT, states);
            if (!holds) {
                states = condition.newStates();
                condition.test(current, first, current, EventType.CURRENT, states);
            }
            if (condition.hasAggregators()) {
                aggregates.set(states);
            }
            if (streamCurrentEvents) {
                stream(current, holds, now, out);
            } else {
                batch(current, holds, now, out);
            }
        }

        private void batch(Event current, boolean holds, long now, List<Event> out) {
            if (holds) {
                batch.add(current);
                return;
            }
            BatchFlush.expire(expired.drain(), now, out);
            if (!batch.isEmpty()) {
                for (Event e : batch.drain()) {
                    Event restamped = e.withTimestamp(now);
                    expired.add(restamped);
                    out.add(restamped);
                }
                if (includes(current)) {
                    out.add(current);
                    expired.add(current.withTimestamp(now));
                } else {
                    batch.add(current);
                }
            } else {
                out.add(current.with(now, EventType.EXPIRED));
                out.add(current.withTimestamp(now));
            }
        }

        private void stream(Event current, boolean holds, long now, List<Event> out) {
            if (holds) {
                expired.add(current);
                out.add(current);
                return;
            }
            if (!expired.isEmpty()) {
                List<Event> closing = expired.drain();
                if (includes(current)) {
                    out.add(current);
                    BatchFlush.expire(closing, now, out);
                    out.add(current.with(now, EventType.EXPIRED));
                } else {
                    BatchFlush.expire(closing, now, out);
                    out.add(current);
                    expired.add(current);
                }
            } else {
                out.add(current.with(now, EventType.EXPIRED));
                out.add(current.withTimestamp(now));
            }
        }

        /** include.triggering.event for this arrival; a null attribute counts as false. */
        private boolean includes(Event current) {
            return (includeEval != null && Boolean.TRUE.equals(includeEval.evaluate(current))) || include;
        }
    }
}
