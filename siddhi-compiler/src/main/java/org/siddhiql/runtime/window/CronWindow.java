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
 * {@code cron('<expression>')}: batches that close at the instants a Quartz cron expression matches, as Siddhi's
 * CronWindowProcessor. Arrivals are held; at each instant, if any arrived since the last one, the window emits
 * [previous batch EXPIRED, stamped with the instant; the held events CURRENT] and the held events become the previous
 * batch. Unlike the other batch windows there is no RESET and the expired batch is emitted whether or not the query
 * outputs expired events, so aggregates over it go down by the previous batch instead of being reset.
 *
 * <p>The schedule starts with the first arrival; instants before it would find nothing to emit anyway. Instants the
 * clock passed at once (the playback clock jumping ahead) find nothing held after the first of them, so the window
 * moves on to the first instant after the clock.
 */
public final class CronWindow extends BaseWindowSpec {
    private static final long serialVersionUID = 1L;

    static final WindowParams PARAMS = WindowParams.of("cron")
            .constant("cron.expression", AttributeType.STRING)
            .overload("cron.expression")
            .usage("(cron.expression string)");

    public static final WindowFactory FACTORY = (params, context) -> {
        PARAMS.validate(params, context);
        CronSchedule schedule = CronSchedule.parse(WindowParams.stringValue(params.get(0)));
        return new CronWindow(WindowParams.describe("cron", params), schedule,
                new EventCodec(context.input().typeArray()));
    };

    private final CronSchedule schedule;

    CronWindow(String description, CronSchedule schedule, EventCodec codec) {
        super(description, ProcessingMode.BATCH, codec);
        this.schedule = schedule;
    }

    @Override
    public WindowKernel instantiate(StateProvider state, String stateName) {
        return new Kernel(state, stateName);
    }

    private final class Kernel implements WindowKernel {
        private final ValueCell<Long> nextInstant;
        private final EventQueue held;
        private final EventQueue previous;

        Kernel(StateProvider state, String name) {
            this.nextInstant = state.value(name + ".next", Codecs.LONG);
            this.held = new EventQueue(state, name + ".held", codec);
            this.previous = new EventQueue(state, name + ".previous", codec);
        }

        @Override
        public void onEvent(Event event, WindowContext context, List<Event> out) {
            if (nextInstant.get() == null) {
                scheduleAfter(context.currentTime(), context);
            }
            held.add(event.withType(EventType.CURRENT));
        }

        @Override
        public void onTimer(long time, WindowContext context, List<Event> out) {
            Long due = nextInstant.get();
            if (due == null || due > time) {
                return; // not this window's instant
            }
            scheduleAfter(Math.max(time, context.currentTime()), context);
            if (held.isEmpty()) {
                return;
            }
            for (Event expired : previous.drain()) {
                out.add(expired.with(due, EventType.EXPIRED));
            }
            List<Event> batch = held.drain();
            out.addAll(batch);
            batch.forEach(previous::add);
        }

        private void scheduleAfter(long time, WindowContext context) {
            long next = schedule.nextAfter(time);
            nextInstant.set(next);
            if (next != Long.MAX_VALUE) {
                context.scheduleAt(next);
            }
        }
    }
}
