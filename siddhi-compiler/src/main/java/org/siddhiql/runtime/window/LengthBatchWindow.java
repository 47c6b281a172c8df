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
 * {@code lengthBatch(n[, stream.current.event])}: a tumbling window of n events.
 *
 * <p>Batch mode: events are held until the n-th arrives, which emits [previous batch EXPIRED (only when the query
 * outputs expired events), RESET, this batch CURRENT]; expired events and the reset take the clock's time, the reset
 * carries the batch's first event's data.
 *
 * <p>Streaming mode: each event passes through at once; the (n+1)-th emits [EXPIRED batch (if expected), RESET] before
 * itself. The reset carries the data of the event that was first after the previous reset was sent (Siddhi's).
 *
 * <p>n == 0: each event alone is [CURRENT, EXPIRED (if expected), RESET], stamped with the clock; n &lt; 0 never
 * flushes (as in Siddhi).
 */
public final class LengthBatchWindow extends BaseWindowSpec {
    private static final long serialVersionUID = 1L;

    static final WindowParams PARAMS = WindowParams.of("lengthBatch")
            .constant("window.length", AttributeType.INT)
            .constant("stream.current.event", AttributeType.BOOL)
            .overload("window.length")
            .overload("window.length", "stream.current.event")
            .usage("(window.length int, stream.current.event bool)");

    public static final WindowFactory FACTORY = (params, context) -> {
        PARAMS.validate(params, context);
        boolean stream = params.size() == 2 && WindowParams.boolValue(params.get(1));
        return new LengthBatchWindow(WindowParams.describe("lengthBatch", params),
                WindowParams.intValue(params.get(0)), stream, context.outputExpectsExpiredEvents(),
                context.findable(), new EventCodec(context.input().typeArray()));
    };

    private final int length;
    private final boolean streamCurrentEvents;
    private final boolean expectsExpired;
    private final boolean findable;

    LengthBatchWindow(String description, int length, boolean streamCurrentEvents, boolean expectsExpired,
            boolean findable, EventCodec codec) {
        super(description, ProcessingMode.BATCH, codec);
        this.length = length;
        this.streamCurrentEvents = streamCurrentEvents;
        this.expectsExpired = expectsExpired;
        this.findable = findable;
    }

    /** Joinable: a join finds in the batches it kept (see {@link BatchFlush}). */
    @Override
    public boolean joinable() {
        return true;
    }

    @Override
    public WindowKernel instantiate(StateProvider state, String stateName) {
        return new Kernel(state, stateName);
    }

    private final class Kernel implements UntimedKernel {
        private final EventQueue batch;     // batch mode: the events of the open batch
        private final BatchFlush flusher;
        private final ValueCell<Long> count; // streaming mode: events since the last reset

        Kernel(StateProvider state, String name) {
            this.batch = new EventQueue(state, name + ".batch", codec);
            this.flusher = new BatchFlush(state, name, codec, expectsExpired, findable, true);
            this.count = state.value(name + ".count", Codecs.LONG);
        }

        @Override
        public List<Event> contents() {
            return flusher.search();
        }

        @Override
        public void onEvent(Event event, WindowContext context, List<Event> out) {
            long now = context.currentTime();
            Event current = event.withType(EventType.CURRENT);
            if (length == 0) {
                out.add(current);
                if (expectsExpired) {
                    out.add(current.with(now, EventType.EXPIRED));
                }
                out.add(current.with(now, EventType.RESET));
                return;
            }
            flusher.open(current);
            if (streamCurrentEvents) {
                long n = (count.get() == null ? 0 : count.get()) + 1;
                if (n == length + 1L) {
                    flusher.flush(now, List.of(), out);
                    n = 1;
                }
                count.set(n);
                flusher.release(List.of(current), flusher.keeps(), out);
                return;
            }
            batch.add(current);
            if (batch.size() == length) {
                flusher.flush(now, batch.drain(), out);
            }
        }
    }
}
