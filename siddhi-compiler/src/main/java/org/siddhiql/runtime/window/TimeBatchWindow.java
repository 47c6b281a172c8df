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
 * {@code timeBatch(t[, start.time][, stream.current.event])}: tumbling batches of t ms.
 *
 * <p>The first arrival sets the first emit time: clock + t, or, with start.time s, the next time after the clock of
 * the grid {@code s + k*t} (Java remainder, as Siddhi computes it). When an arrival or timer finds the clock at or past
 * the emit time, the emit time moves on by one t (and a timer is asked for it) and the batch is sent:
 * [previous batch EXPIRED, stamped with the clock (only when the query outputs expired events), RESET (the batch's
 * first event, its own timestamp; only if the batch had events), the batch CURRENT]. Timers that fell behind catch up
 * one period per timer, as Siddhi's do.
 *
 * <p>With stream.current.event, events pass through as they arrive, and the flush is [EXPIRED, RESET] only.
 */
public final class TimeBatchWindow extends BaseWindowSpec {
    private static final long serialVersionUID = 1L;

    static final WindowParams PARAMS = WindowParams.of("timeBatch")
            .constant("window.time", AttributeType.INT, AttributeType.LONG)
            .constant("start.time", AttributeType.INT, AttributeType.LONG)
            .constant("stream.current.event", AttributeType.BOOL)
            .overload("window.time")
            .overload("window.time", "start.time")
            .overload("window.time", "stream.current.event")
            .overload("window.time", "start.time", "stream.current.event")
            .usage("(window.time int|long|time, start.time int|long, stream.current.event bool)");

    public static final WindowFactory FACTORY = (params, context) -> {
        List<AttributeType> types = PARAMS.validate(params, context);
        long time = WindowParams.longValue(params.get(0));
        if (time <= 0) {
            // Siddhi would reschedule the same timer forever
            throw new IllegalArgumentException("window 'timeBatch' parameter 1 (window.time) must be positive, got "
                    + time);
        }
        Long start = null;
        boolean stream = false;
        if (params.size() >= 2 && types.get(1) != AttributeType.BOOL) {
            start = WindowParams.longValue(params.get(1));
        }
        if (types.get(params.size() - 1) == AttributeType.BOOL) {
            stream = WindowParams.boolValue(params.get(params.size() - 1));
        }
        return new TimeBatchWindow(WindowParams.describe("timeBatch", params), time, start, stream,
                context.outputExpectsExpiredEvents(), context.findable(),
                new EventCodec(context.input().typeArray()));
    };

    private final long time;
    private final Long startTime;
    private final boolean streamCurrentEvents;
    private final boolean expectsExpired;
    private final boolean findable;

    TimeBatchWindow(String description, long time, Long startTime, boolean streamCurrentEvents,
            boolean expectsExpired, boolean findable, EventCodec codec) {
        super(description, streamCurrentEvents ? ProcessingMode.RESET : ProcessingMode.BATCH, codec);
        this.time = time;
        this.startTime = startTime;
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

    private final class Kernel implements WindowKernel {
        private final ValueCell<Long> nextEmit;
        private final EventQueue batch;
        private final BatchFlush flusher;

        Kernel(StateProvider state, String name) {
            this.nextEmit = state.value(name + ".nextEmit", Codecs.LONG);
            this.batch = new EventQueue(state, name + ".batch", codec);
            this.flusher = new BatchFlush(state, name, codec, expectsExpired, findable, false);
        }

        @Override
        public List<Event> contents() {
            return flusher.search();
        }

        @Override
        public void onEvent(Event event, WindowContext context, List<Event> out) {
            process(event.withType(EventType.CURRENT), context, out);
        }

        @Override
        public void onTimer(long timerTime, WindowContext context, List<Event> out) {
            process(null, context, out);
        }

        private void process(Event current, WindowContext context, List<Event> out) {
            long now = context.currentTime();
            Long emit = nextEmit.get();
            if (emit == null) {
                emit = startTime == null ? now + time : now + (time - (now - startTime) % time);
                context.scheduleAt(emit);
            }
            boolean send = false;
            if (now >= emit) {
                emit += time;
                context.scheduleAt(emit);
                send = true;
            }
            nextEmit.set(emit);
            if (current != null) {
                flusher.open(current);
                if (!streamCurrentEvents) {
                    batch.add(current);
                } else {
                    flusher.release(List.of(current), flusher.keeps(), out);
                }
            }
            if (send) {
                flusher.flush(now, batch.drain(), out);
            }
        }
    }
}
