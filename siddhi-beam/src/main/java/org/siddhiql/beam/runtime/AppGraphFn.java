package org.siddhiql.beam.runtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.state.MapState;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.TimeDomain;
import org.apache.beam.sdk.state.Timer;
import org.apache.beam.sdk.state.TimerMap;
import org.apache.beam.sdk.state.TimerSpec;
import org.apache.beam.sdk.state.TimerSpecs;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;
import org.joda.time.Instant;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.query.StreamContext;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.ValueCell;

/**
 * Runs a compiled app on Beam state and timers, on Siddhi's playback clock: the app's clock is the timestamp of the
 * latest event, across all streams, and a kernel's timer fires when the clock passes it.
 *
 * <p>Beam keeps no order between elements, so events are first buffered in state by timestamp, and released when
 * Beam's watermark has passed their timestamp (an event-time timer per distinct timestamp): in timestamp order, then
 * in arrival order ({@link SequencedEvent#seq()}). Each released event moves the clock, which first fires every
 * kernel timer due by then, sub-key by sub-key in time order, exactly as the Flink backend's watermarks do, and then
 * goes through the stages. When the input ends, Beam's watermark jumps to the end of time and releases what is
 * buffered; kernel timers due after the last event never fire, as in Siddhi (FORMAT.md).
 *
 * <p>All of an app's keys — the global one and every partition key — are sub-keys of the one Beam key the graph
 * runs on: a partition key's timers fire with the app-wide clock, which only one place that sees every event can
 * know. So the queries run in one task; sources, conversions and sinks around it run at the pipeline's parallelism.
 *
 * <p>On the {@link AppClock#PROCESSING_TIME processing-time clock} events are processed on arrival, stamped with the
 * wall clock, and one processing-time timer wakes the graph at its earliest kernel timer.
 */
public final class AppGraphFn extends DoFn<KV<String, SequencedEvent>, SequencedEvent> {
    private static final long serialVersionUID = 1L;

    private static final String VALUES = "siddhi-values";
    private static final String ENTRIES = "siddhi-entries";
    private static final String BUFFER = "siddhi-buffer";
    private static final String BUFFERED = "siddhi-buffered";
    private static final String RELEASE = "siddhi-release";
    private static final String WAKE = "siddhi-wake";

    @StateId(VALUES)
    private final StateSpec<MapState<String, byte[]>> valuesSpec =
            StateSpecs.map(StringUtf8Coder.of(), ByteArrayCoder.of());

    @StateId(ENTRIES)
    private final StateSpec<MapState<String, byte[]>> entriesSpec =
            StateSpecs.map(StringUtf8Coder.of(), ByteArrayCoder.of());

    /** Buffered input events under "timestamp:n", n counting the events of that timestamp as they arrived. */
    @StateId(BUFFER)
    private final StateSpec<MapState<String, SequencedEvent>> bufferSpec;

    /** Per buffered timestamp, how many events wait under it. */
    @StateId(BUFFERED)
    private final StateSpec<MapState<Long, Integer>> bufferedSpec =
            StateSpecs.map(VarLongCoder.of(), VarIntCoder.of());

    @TimerFamily(RELEASE)
    private final TimerSpec releaseSpec = TimerSpecs.timerMap(TimeDomain.EVENT_TIME);

    /** On the processing-time clock: set to the earliest kernel timer of any stage. */
    @TimerId(WAKE)
    private final TimerSpec wakeSpec = TimerSpecs.timer(TimeDomain.PROCESSING_TIME);

    private final GraphLayout layout;
    private final AppClock appClock;

    private transient BeamStateProvider state;
    private transient List<GraphStage> stages;
    private transient GraphStage afterPartitions;
    /** Per stage, its view of the clock and outputs; made once, as kernels expect of a backend's contexts. */
    private transient Map<GraphStage, StreamContext> contexts;
    private transient ValueCell<Long> clock;
    private transient ValueCell<Long> emitted;
    private transient Counter droppedEvents;
    private transient ValueCell<Long> appStart;
    /** Where the element or timer in hand sends its outputs; only set while one is processed. */
    private transient MultiOutputReceiver receiver;
    /** The earliest Beam timestamp outputs of the element or timer in hand may have. */
    private transient long outputFloor;
    /** On the processing-time clock, the wall clock when the element or timer in hand started. */
    private transient long wallClock;

    public AppGraphFn(GraphLayout layout, AppClock appClock) {
        this.layout = layout;
        this.appClock = appClock;
        this.bufferSpec = StateSpecs.map(StringUtf8Coder.of(), SequencedEventCoder.of(layout.inputSchemas()));
    }

    @Setup
    public void setup() {
        state = new BeamStateProvider();
        stages = new ArrayList<>();
        stages.add(GraphStage.global("app", layout.globalQueries(), layout.exported(), layout.faults(), state));
        for (int i = 0; i < layout.partitions().size(); i++) {
            stages.add(GraphStage.partition("partition" + i, layout.partitions().get(i), layout.exported(),
                    layout.faults(), state));
        }
        afterPartitions = layout.queriesAfterPartitions().isEmpty() ? null : GraphStage.global("after-partitions",
                layout.queriesAfterPartitions(), layout.exported(), layout.faults(), state);
        if (afterPartitions != null) {
            stages.add(afterPartitions);
        }
        contexts = new LinkedHashMap<>();
        stages.forEach(stage -> contexts.put(stage, new StageContext(stage)));
        clock = state.globalValue("clock", Codecs.LONG);
        emitted = state.globalValue("emitted", Codecs.LONG);
        appStart = state.globalValue("appStart", Codecs.LONG);
        droppedEvents = Metrics.counter(AppGraphFn.class, "siddhiDroppedEvents");
    }

    @ProcessElement
    public void processElement(@Element KV<String, SequencedEvent> element, @Timestamp Instant elementTime,
            @StateId(VALUES) MapState<String, byte[]> values,
            @StateId(ENTRIES) MapState<String, byte[]> entries,
            @StateId(BUFFER) MapState<String, SequencedEvent> buffer,
            @StateId(BUFFERED) MapState<Long, Integer> buffered,
            @TimerFamily(RELEASE) TimerMap release,
            @TimerId(WAKE) Timer wake,
            MultiOutputReceiver out) {
        SequencedEvent event = element.getValue();
        if (appClock == AppClock.PROCESSING_TIME) {
            begin(values, entries, out, elementTime);
            try {
                advanceClock(wallClock);
                Event arrived = new Event(wallClock, event.event().data(), event.event().type());
                deliver(layout.inputStreams().get(event.stream()), arrived);
                rearm(wake, elementTime);
            } finally {
                receiver = null;
            }
            return;
        }
        long timestamp = event.event().timestamp();
        Integer waiting = buffered.get(timestamp).read();
        int count = waiting == null ? 0 : waiting;
        buffer.put(timestamp + ":" + count, event);
        buffered.put(timestamp, count + 1);
        if (count == 0) {
            release.set(Long.toString(timestamp), new Instant(timestamp));
        }
    }

    @OnTimerFamily(RELEASE)
    public void release(@TimerId String timerId,
            @StateId(VALUES) MapState<String, byte[]> values,
            @StateId(ENTRIES) MapState<String, byte[]> entries,
            @StateId(BUFFER) MapState<String, SequencedEvent> buffer,
            @StateId(BUFFERED) MapState<Long, Integer> buffered,
            MultiOutputReceiver out) {
        long timestamp = Long.parseLong(timerId);
        Integer waiting = buffered.get(timestamp).read();
        if (waiting == null) {
            return;
        }
        List<SequencedEvent> events = new ArrayList<>(waiting);
        for (int i = 0; i < waiting; i++) {
            String slot = timestamp + ":" + i;
            events.add(buffer.get(slot).read());
            buffer.remove(slot);
        }
        buffered.remove(timestamp);
        events.sort(Comparator.comparingLong(SequencedEvent::seq)); // stable: arrival order among equal seqs
        begin(values, entries, out, new Instant(timestamp));
        try {
            for (SequencedEvent event : events) {
                advanceClock(timestamp);
                deliver(layout.inputStreams().get(event.stream()), event.event());
            }
        } finally {
            receiver = null;
        }
    }

    /** On the processing-time clock: the earliest kernel timer has come. */
    @OnTimer(WAKE)
    public void wake(OnTimerContext timer,
            @StateId(VALUES) MapState<String, byte[]> values,
            @StateId(ENTRIES) MapState<String, byte[]> entries,
            @TimerId(WAKE) Timer wake,
            MultiOutputReceiver out) {
        begin(values, entries, out, timer.timestamp());
        try {
            advanceClock(wallClock);
            rearm(wake, timer.timestamp());
        } finally {
            receiver = null;
        }
    }

    /** Binds the state and outputs of the element or timer in hand, and starts the triggers on first use. */
    private void begin(MapState<String, byte[]> values, MapState<String, byte[]> entries, MultiOutputReceiver out,
            Instant floor) {
        state.bind(values, entries);
        receiver = out;
        outputFloor = floor.getMillis();
        wallClock = System.currentTimeMillis();
        for (GraphStage stage : stages) {
            stage.startTriggers(contexts.get(stage), appClock == AppClock.PROCESSING_TIME);
        }
    }

    /** An event from outside the graph, to every stage but the one reading partitions' outputs. */
    private void deliver(String stream, Event event) {
        for (GraphStage stage : stages) {
            if (stage != afterPartitions) {
                stage.onEvent(stream, event, contexts.get(stage));
            }
        }
    }

    /** Sets the wake-up timer to the earliest kernel timer of any stage, if there is one. */
    private void rearm(Timer wake, Instant floor) {
        Long earliest = null;
        for (GraphStage stage : stages) {
            Long due = stage.earliestTimer();
            if (due != null && (earliest == null || due < earliest)) {
                earliest = due;
            }
        }
        if (earliest != null) {
            wake.withOutputTimestamp(floor).set(new Instant(Math.max(earliest, wallClock)));
        }
    }

    /** Siddhi moves its clock to an event's timestamp before the event: the timers due by then fire first. */
    private void advanceClock(long timestamp) {
        Long now = clock.get();
        if (now != null && timestamp <= now) {
            return; // an event of the same (or, late, an earlier) time: the clock stays
        }
        clock.set(timestamp);
        for (GraphStage stage : stages) {
            stage.fireDueTimers(timestamp, contexts.get(stage));
        }
    }

    /** The clock, timers and outputs a stage sees: one per stage, so that a kernel's timers go to its stage. */
    private final class StageContext implements StreamContext {
        private final GraphStage stage;

        StageContext(GraphStage stage) {
            this.stage = stage;
        }

        @Override
        public long currentTime() {
            Long now = clock.get();
            return now == null ? Long.MIN_VALUE : now;
        }

        @Override
        public long appStartTime() {
            if (appClock == AppClock.EVENT_TIME) {
                return 0L; // Siddhi's playback clock starts at 0
            }
            Long start = appStart.get();
            if (start == null) {
                start = wallClock; // the first element or timer: when the app started, restored with the state
                appStart.set(start);
            }
            return start;
        }

        @Override
        public void scheduleAt(long time) {
            stage.schedule(time);
        }

        @Override
        public void countDropped(String stream, int events) {
            droppedEvents.inc(events);
        }

        @Override
        public void emit(String stream, Event event) {
            Integer output = layout.outputIndex(stream);
            if (output != null) {
                Long count = emitted.get();
                long seq = count == null ? 0 : count;
                emitted.set(seq + 1);
                receiver.get(layout.outputTag(stream))
                        .outputWithTimestamp(new SequencedEvent(output, seq, event),
                                new Instant(Math.max(currentTime(), outputFloor)));
            }
            if (afterPartitions != null && stage != afterPartitions && layout.readAfterPartitions(stream)) {
                // Stateless queries (the compiler admits no others there): handing the event on at once keeps order.
                String subKey = state.subKey();
                afterPartitions.onEvent(stream, event, contexts.get(afterPartitions));
                state.subKey(subKey);
            }
        }
    }
}
