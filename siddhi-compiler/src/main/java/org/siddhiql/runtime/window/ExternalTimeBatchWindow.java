package org.siddhiql.runtime.window;

import io.siddhi.query.api.expression.Expression;
import io.siddhi.query.api.expression.constant.Constant;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;
import org.siddhiql.runtime.state.EventCodec;
import org.siddhiql.runtime.state.EventQueue;
import org.siddhiql.runtime.state.StateCodec;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;

/**
 * {@code externalTimeBatch(timestamp, t[, start.time[, timeout[, replace.with.batchtime]]])}: tumbling batches over
 * the time an attribute carries.
 *
 * <p>The first event fixes the first batch end: its timestamp + t; with a constant start.time s, the next point
 * after it of the grid {@code s + k*t}; with an attribute (or expression) start.time, that value + t. An event at or
 * past the batch end closes the batch: [previous batch EXPIRED (only when the query outputs expired events), RESET,
 * the batch CURRENT], expired and reset stamped with the largest timestamp seen so far (the closing event's, usually),
 * CURRENT events keep their own; the next end is the grid point after that largest timestamp. Events before the end
 * (late ones included) join the open batch. With replace.with.batchtime, the timestamp attribute of each event is
 * replaced by its batch end.
 *
 * <p>With a timeout, a timer at clock + timeout (renewed on every batch start and every timeout) flushes the open
 * batch early, stamped with the largest timestamp seen; events that then still arrive for that batch make it resend
 * the flushed events as CURRENT with the new ones (after EXPIRED copies of the flushed ones, if expected). This is
 * Siddhi 5.1.21's behaviour, reproduced as is.
 */
public final class ExternalTimeBatchWindow extends BaseWindowSpec {
    private static final long serialVersionUID = 1L;

    static final WindowParams PARAMS = WindowParams.of("externalTimeBatch")
            .dynamic("timestamp", AttributeType.LONG)
            .constant("window.time", AttributeType.INT, AttributeType.LONG)
            .dynamic("start.time", AttributeType.INT, AttributeType.LONG)
            .constant("timeout", AttributeType.INT, AttributeType.LONG)
            .constant("replace.with.batchtime", AttributeType.BOOL)
            .overload("timestamp", "window.time")
            .overload("timestamp", "window.time", "start.time")
            .overload("timestamp", "window.time", "start.time", "timeout")
            .overload("timestamp", "window.time", "start.time", "timeout", "replace.with.batchtime")
            .usage("(timestamp long, window.time int|long|time, start.time int|long|time, timeout int|long|time,"
                    + " replace.with.batchtime bool)");

    public static final WindowFactory FACTORY = (params, context) -> {
        List<AttributeType> types = PARAMS.validate(params, context);
        int index = WindowParams.attributeIndex(params.get(0), context);
        if (index < 0) {
            throw new IllegalArgumentException("window 'externalTimeBatch' parameter 1 (timestamp) must be a long"
                    + " attribute of the input, not an expression");
        }
        long time = WindowParams.longValue(params.get(1));
        Long start = null;
        Evaluator startEval = null;
        if (params.size() >= 3) {
            Expression p = params.get(2);
            if (p instanceof Constant) {
                start = WindowParams.longValue(p);
            } else if (types.get(2) != AttributeType.LONG) {
                throw new IllegalArgumentException("window 'externalTimeBatch' parameter 3 (start.time) must be an"
                        + " int or long constant or a long attribute, got " + types.get(2).siddhiName());
            } else {
                startEval = context.compile(p);
            }
        }
        long timeout = params.size() >= 4 ? WindowParams.longValue(params.get(3)) : 0;
        boolean replace = params.size() == 5 && WindowParams.boolValue(params.get(4));
        return new ExternalTimeBatchWindow(WindowParams.describe("externalTimeBatch", params), index, time,
                params.size() >= 3, start, startEval, timeout, replace, context.outputExpectsExpiredEvents(),
                new EventCodec(context.input().typeArray()));
    };

    private final int timestampIndex;
    private final long time;
    private final boolean startGiven;
    private final Long startConstant;
    private final Evaluator startEvaluator;
    private final long timeout;
    private final boolean replace;
    private final boolean expectsExpired;
    private final boolean keepsExpired;

    ExternalTimeBatchWindow(String description, int timestampIndex, long time, boolean startGiven,
            Long startConstant, Evaluator startEvaluator, long timeout, boolean replace, boolean expectsExpired,
            EventCodec codec) {
        super(description, ProcessingMode.BATCH, codec);
        this.timestampIndex = timestampIndex;
        this.time = time;
        this.startGiven = startGiven;
        this.startConstant = startConstant;
        this.startEvaluator = startEvaluator;
        this.timeout = timeout;
        this.replace = replace;
        this.expectsExpired = expectsExpired;
        this.keepsExpired = expectsExpired || timeout > 0;
    }

    @Override
    public WindowKernel instantiate(StateProvider state, String stateName) {
        return new Kernel(state, stateName);
    }

    /** endTime, startTime, lastScheduledTime, lastCurrentEventTime, flushed (0/1). */
    private static final int END = 0;
    private static final int START = 1;
    private static final int SCHEDULED = 2;
    private static final int LAST_TIME = 3;
    private static final int FLUSHED = 4;

    private final class Kernel implements WindowKernel {
        private final ValueCell<long[]> times;
        private final EventQueue batch;
        private final BatchFlush flusher;

        Kernel(StateProvider state, String name) {
            this.times = state.value(name + ".times", TIMES);
            this.batch = new EventQueue(state, name + ".batch", codec);
            this.flusher = new BatchFlush(state, name, codec, expectsExpired, false, true);
        }

        @Override
        public void onEvent(Event event, WindowContext context, List<Event> out) {
            Long value = (Long) event.get(timestampIndex);
            long[] t = times.get();
            if (t == null) {
                t = new long[] {-1, startConstant == null ? 0 : startConstant, 0, 0, 0};
            }
            if (value == null) {
                return; // Siddhi's window fails on it; the event is lost
            }
            if (t[END] < 0) {
                if (startGiven && startEvaluator == null) {
                    t[END] = endAfter(value, t[START]);
                } else {
                    if (startEvaluator != null) {
                        Long s = (Long) startEvaluator.evaluate(event);
                        if (s == null) {
                            return;
                        }
                        t[START] = s;
                    } else {
                        t[START] = value;
                    }
                    t[END] = t[START] + time;
                }
                if (timeout > 0) {
                    t[SCHEDULED] = context.currentTime() + timeout;
                    context.scheduleAt(t[SCHEDULED]);
                }
            }
            Event current = event.withType(EventType.CURRENT);
            if (t[LAST_TIME] < value) {
                t[LAST_TIME] = value;
            }
            if (value < t[END]) {
                append(current, t);
            } else {
                if (t[FLUSHED] == 1) {
                    resend(t[LAST_TIME], false, out);
                    t[FLUSHED] = 0;
                } else {
                    flush(t[LAST_TIME], false, out);
                }
                t[END] = endAfter(t[LAST_TIME], t[START]);
                append(current, t);
                if (timeout > 0) {
                    t[SCHEDULED] = context.currentTime() + timeout;
                    context.scheduleAt(t[SCHEDULED]);
                }
            }
            times.set(t);
        }

        @Override
        public void onTimer(long timerTime, WindowContext context, List<Event> out) {
            long[] t = times.get();
            if (t == null || t[END] < 0 || t[SCHEDULED] > timerTime) {
                return; // a timer superseded by a later one
            }
            if (t[FLUSHED] == 0) {
                flush(t[LAST_TIME], true, out);
                t[FLUSHED] = 1;
            } else if (!batch.isEmpty()) {
                resend(t[LAST_TIME], true, out);
            }
            t[SCHEDULED] = context.currentTime() + timeout;
            context.scheduleAt(t[SCHEDULED]);
            times.set(t);
        }

        private long endAfter(long value, long start) {
            return value + (time - (value - start) % time);
        }

        private void append(Event current, long[] t) {
            Event kept = current;
            if (replace) {
                Object[] data = current.data().clone();
                data[timestampIndex] = t[END];
                kept = new Event(current.timestamp(), data, EventType.CURRENT);
            }
            batch.add(kept);
            flusher.open(current);
        }

        /** Siddhi's flushToOutputChunk. */
        private void flush(long stamp, boolean preserve, List<Event> out) {
            if (!expectsExpired) {
                flusher.forgetPrevious(); // kept only for a timeout's resend
            }
            if (batch.isEmpty()) {
                flusher.expirePrevious(stamp, out);
            } else {
                flusher.flush(stamp, batch.drain(), preserve || keepsExpired, out);
            }
        }

        /** Siddhi's appendToOutputChunk: the flushed batch goes out again with the events that came after. */
        private void resend(long stamp, boolean preserve, List<Event> out) {
            if (batch.isEmpty()) {
                return;
            }
            List<Event> flushed = flusher.previous();
            if (expectsExpired) {
                BatchFlush.expire(flushed, stamp, out);
            }
            out.add(flusher.pendingReset().withTimestamp(stamp));
            for (Event e : flushed) {
                out.add(e.withType(EventType.CURRENT));
            }
            flusher.release(batch.drain(), preserve || keepsExpired, out);
        }
    }

    private static final StateCodec<long[]> TIMES = new StateCodec<>() {
        @Override
        public void encode(long[] value, DataOutput out) throws IOException {
            for (int i = 0; i < 5; i++) {
                out.writeLong(value[i]);
            }
        }

        @Override
        public long[] decode(DataInput in) throws IOException {
            long[] value = new long[5];
            for (int i = 0; i < 5; i++) {
                value[i] = in.readLong();
            }
            return value;
        }

        @Override
        public long[] copy(long[] value) {
            return value.clone();
        }
    };
}
