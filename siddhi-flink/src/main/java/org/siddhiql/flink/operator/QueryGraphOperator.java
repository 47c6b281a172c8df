package org.siddhiql.flink.operator;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.ChainingStrategy;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.tasks.ProcessingTimeService;
import org.apache.flink.util.OutputTag;
import org.siddhiql.compiler.plan.PurgePlan;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.fault.StreamFaults;
import org.siddhiql.runtime.query.IdlePurge;
import org.siddhiql.runtime.query.QueryGraphKernel;
import org.siddhiql.runtime.query.QueryMetrics;
import org.siddhiql.runtime.query.StreamContext;
import org.siddhiql.runtime.state.RecordingStateProvider;
import org.siddhiql.runtime.state.StateProvider;

/**
 * Runs one or more stateful queries on a keyed stream of tagged events. The kernels keep windows, aggregates and
 * buffers in this operator's keyed state and ask for timers through Flink's timer service, so all of it is part of
 * every checkpoint and follows its key group on rescaling. Events leaving the queries go to one side output per
 * stream, with the timestamps Siddhi gives them. Each query and stream has its metrics ({@link QueryMetricGroup},
 * {@link StreamMetricGroup}).
 */
public final class QueryGraphOperator extends AbstractStreamOperator<TaggedEvent>
        implements OneInputStreamOperator<TaggedEvent, TaggedEvent>, Triggerable<String, VoidNamespace> {
    private static final long serialVersionUID = 1L;

    private final List<QueryPlan> queries;
    private final List<String> streams;
    private final Map<String, OutputTag<Event>> exported;
    private final TimeMode timeMode;
    private final StreamFaults faults;
    private final PurgePlan purgePlan;

    private transient QueryGraphKernel kernel;
    /** Events whose processing failed and that had no fault stream to go to (they are logged). */
    private transient Counter droppedEvents;
    /** Purges idle keys; null when the operator keeps every key. */
    private transient IdlePurge purge;
    /** Per query, its metric group. */
    private transient Map<String, QueryMetricGroup> queryMetrics;
    /** Per stream index, the counters of a stream the queries read, or null for the others. */
    private transient StreamMetricGroup.Input[] streamInputs;
    /** Per exported stream, its side output and the counter of events sent there. */
    private transient Map<String, Output> outputs;
    private transient InternalTimerService<VoidNamespace> timers;
    private transient Context context;
    /** When the app's clock started; see {@link StreamContext#appStartTime()}. Kept in operator state. */
    private transient long appStart;
    private transient ListState<Long> appStartState;
    /** The stateful queries' names, to tell on a restore which of the savepoint's queries are gone. */
    private transient QueryRoster roster;

    /**
     * @param queries the queries, in definition order
     * @param streams the app's streams, indexed as tagged events refer to them
     * @param exported the side output of each stream whose events leave this operator
     */
    public QueryGraphOperator(List<QueryPlan> queries, List<String> streams, Map<String, OutputTag<Event>> exported,
            TimeMode timeMode) {
        this(queries, streams, exported, timeMode, StreamFaults.none(), null);
    }

    /**
     * @param faults the app's {@code @OnError} actions: where failures on each stream go
     * @param purge how a partition's idle keys are purged, or null to keep every key's state
     */
    public QueryGraphOperator(List<QueryPlan> queries, List<String> streams, Map<String, OutputTag<Event>> exported,
            TimeMode timeMode, StreamFaults faults, PurgePlan purge) {
        this.faults = faults;
        this.queries = List.copyOf(queries);
        this.streams = List.copyOf(streams);
        this.exported = Map.copyOf(exported);
        this.timeMode = timeMode;
        this.purgePlan = purge;
        chainingStrategy = ChainingStrategy.ALWAYS; // chains behind a forward (reinterpreted keyed) input
    }

    @Override
    public void initializeState(StateInitializationContext state) throws Exception {
        super.initializeState(state);
        // Union state: every instance restores the one start time, whatever the parallelism was.
        appStartState = state.getOperatorStateStore()
                .getUnionListState(new ListStateDescriptor<>("siddhi-app-start", LongSerializer.INSTANCE));
        appStart = Long.MIN_VALUE;
        for (Long restored : appStartState.get()) {
            appStart = restored;
        }
        roster = QueryRoster.restore(state.getOperatorStateStore(), queries, getContainingTask().getEnvironment()
                .getJobConfiguration().get(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE));
    }

    @Override
    public void snapshotState(StateSnapshotContext snapshot) throws Exception {
        super.snapshotState(snapshot);
        appStartState.update(appStart == Long.MIN_VALUE ? List.of() : List.of(appStart));
        roster.snapshot();
    }

    @Override
    public void open() throws Exception {
        super.open();
        timers = getInternalTimerService("siddhi-timers", VoidNamespaceSerializer.INSTANCE, this);
        StateProvider state = new FlinkStateProvider(getKeyedStateStore());
        if (purgePlan != null) {
            RecordingStateProvider recording = new RecordingStateProvider(state);
            state = recording;
            purge = new IdlePurge(purgePlan, recording);
        }
        kernel = new QueryGraphKernel(queries, new HashSet<>(exported.keySet()), faults, state);
        droppedEvents = getMetricGroup().counter(DROPPED_EVENTS_METRIC);
        registerMetrics();
        context = new Context();
        if (appStart == Long.MIN_VALUE) {
            // Siddhi's playback clock starts at 0; a live app starts when the job does.
            appStart = timeMode == TimeMode.EVENT_TIME ? 0L : timers.currentProcessingTime();
        }
        // Gauges kept by changes start from what the restored state holds (nothing on a fresh start).
        kernel.recountMetrics(context, this::forEachKeyHolding);
        scheduleMetricsFlush();
        if (kernel.hasTriggers()) {
            // Only the sequential part reads triggers, and its state is all under the one global key.
            setCurrentKey(QueryKeySelector.GLOBAL_KEY);
            kernel.startTriggers(context, timeMode != TimeMode.EVENT_TIME);
        }
    }

    private void registerMetrics() {
        queryMetrics = new HashMap<>();
        LongSupplier wallClock = timeMode == TimeMode.EVENT_TIME ? null : timers::currentProcessingTime;
        for (QueryPlan query : queries) {
            queryMetrics.put(query.name(), new QueryMetricGroup(getMetricGroup(), query,
                    () -> kernel.heldEvents(query.name()), wallClock));
        }
        streamInputs = new StreamMetricGroup.Input[streams.size()];
        queries.stream().flatMap(q -> q.inputStreams().stream()).distinct().filter(streams::contains)
                .forEach(stream -> streamInputs[streams.indexOf(stream)] =
                        StreamMetricGroup.Input.of(getMetricGroup(), stream));
        outputs = new HashMap<>();
        exported.forEach((stream, tag) -> outputs.put(stream, new Output(tag,
                StreamMetricGroup.of(getMetricGroup(), stream).counter(StreamMetricGroup.EVENTS_OUT))));
    }

    /**
     * Kernels defer measuring their state while one key's object keeps being updated; an operator-level
     * processing-time callback (not a keyed timer, so no query sees it) lets them report each second.
     */
    private void scheduleMetricsFlush() {
        ProcessingTimeService time = getProcessingTimeService();
        time.registerTimer(time.getCurrentProcessingTime() + METRICS_FLUSH_MILLIS, now -> {
            kernel.flushMetrics();
            scheduleMetricsFlush();
        });
    }

    /** Runs the action for each key of this subtask holding the named state, with that key current. */
    private void forEachKeyHolding(String state, Runnable action) {
        try (Stream<Object> keys = getKeyedStateBackend().getKeys(state, VoidNamespace.INSTANCE)) {
            keys.forEach(key -> {
                setCurrentKey(key);
                action.run();
            });
        }
    }

    @Override
    public void processElement(StreamRecord<TaggedEvent> element) {
        TaggedEvent tagged = element.getValue();
        StreamMetricGroup.Input input = streamInputs[tagged.stream()];
        if (input != null) {
            input.events().inc();
            if (tagged.event().timestamp() < timers.currentWatermark()) {
                input.late().inc(); // never in processing time, where the watermark stays at its minimum
            }
        }
        context.latestEvent = Math.max(context.latestEvent, tagged.event().timestamp());
        kernel.onEvent(streams.get(tagged.stream()), tagged.event(), context);
        if (purge != null) {
            purge.touched(context);
        }
    }

    @Override
    public void onEventTime(InternalTimer<String, VoidNamespace> timer) {
        fireDueTimers();
    }

    @Override
    public void onProcessingTime(InternalTimer<String, VoidNamespace> timer) {
        fireDueTimers();
    }

    /** The kernels' due timers, then the purge of this key if its check has come (it clears their timers too). */
    private void fireDueTimers() {
        kernel.fireDueTimers(context);
        if (purge != null) {
            purge.fireDue(context);
        }
    }

    /** How often deferred metric changes are reported at the latest. */
    static final long METRICS_FLUSH_MILLIS = 1000;

    /** The name of the counter of events dropped after a failure (logged, no fault stream). */
    public static final String DROPPED_EVENTS_METRIC = "siddhiDroppedEvents";

    private final class Context implements StreamContext {
        private final StreamRecord<Event> reuse = new StreamRecord<>(null);
        /**
         * Siddhi's clock never lags the event in hand; with the playback clock the watermark already equals it,
         * with other event-time inputs the event may be ahead of the watermark.
         */
        private long latestEvent = Long.MIN_VALUE;

        @Override
        public long currentTime() {
            return timeMode == TimeMode.EVENT_TIME ? Math.max(timers.currentWatermark(), latestEvent)
                    : timers.currentProcessingTime();
        }

        @Override
        public long appStartTime() {
            return appStart;
        }

        @Override
        public void scheduleAt(long time) {
            if (timeMode == TimeMode.EVENT_TIME) {
                timers.registerEventTimeTimer(VoidNamespace.INSTANCE, time);
            } else {
                timers.registerProcessingTimeTimer(VoidNamespace.INSTANCE, time);
            }
        }

        @Override
        public void countDropped(String stream, int events) {
            droppedEvents.inc(events);
        }

        @Override
        public QueryMetrics queryMetrics(String query) {
            return queryMetrics.get(query);
        }

        @Override
        public void emit(String stream, Event event) {
            Output out = outputs.get(stream);
            out.events().inc();
            output.collect(out.tag(), reuse.replace(event, event.timestamp()));
        }
    }

    /** Where an exported stream's events go, and their count. */
    private record Output(OutputTag<Event> tag, Counter events) {
    }
}
