package org.siddhiql.rescaling;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.SinkFunction;
import org.apache.flink.streaming.api.functions.source.SourceFunction;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.flink.operator.PlaybackClockOperator;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.flink.operator.TimeMode;
import org.siddhiql.flink.translate.FlinkTranslator;
import org.siddhiql.flink.typeutils.TaggedEventTypeInfo;
import org.siddhiql.runtime.event.Event;

/**
 * Runs apps on the test's MiniCluster as {@code bin/siddhi run} builds them (events in time order, the playback
 * clock, {@link FlinkTranslator} in event time), to the end of their events or until stopped with a savepoint, and
 * collects their outputs as "Stream ts [data]" lines.
 */
final class SavepointRuns {
    private static final int MAX_PARALLELISM = 128;
    /** What each run's sink received, by run. */
    private static final Map<String, ConcurrentLinkedQueue<String>> RECEIVED = new ConcurrentHashMap<>();
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final Path savepoints;
    /** Whether a restored job may leave state of operators it does not have behind. */
    private boolean allowNonRestoredState;

    SavepointRuns(Path savepoints) {
        this.savepoints = savepoints;
    }

    /** Lets the following runs drop the state of operators the restored app no longer has. */
    SavepointRuns allowNonRestoredState() {
        allowNonRestoredState = true;
        return this;
    }

    /** Runs {@code events} to the end of input, from {@code savepoint} unless null, and returns the outputs. */
    List<String> runToEnd(AppPlan plan, List<Input> events, int parallelism, String savepoint) throws Exception {
        String run = newRun();
        execute(plan, new Events(events, true), run, parallelism, savepoint).getJobExecutionResult().get();
        return new ArrayList<>(RECEIVED.get(run));
    }

    /**
     * Runs {@code events} from {@code savepoint} (unless null), waits for {@code outputs} outputs, then stops the job
     * with a savepoint without draining. Returns the new savepoint's path; the outputs are added to {@code received}.
     */
    String runAndStop(AppPlan plan, List<Input> events, int parallelism, String savepoint, int outputs,
            List<String> received) throws Exception {
        String run = newRun();
        JobClient job = execute(plan, new Events(events, false), run, parallelism, savepoint);
        awaitOutputs(run, outputs);
        String stopped = stopWithSavepoint(job);
        received.addAll(RECEIVED.get(run));
        return stopped;
    }

    private static String newRun() {
        String run = "run-" + RUNS.incrementAndGet();
        RECEIVED.put(run, new ConcurrentLinkedQueue<>());
        return run;
    }

    /**
     * The outputs in the order the engine promises: at parallelism above 1 only each key's order is kept (FORMAT.md),
     * so the lines are grouped by stream and first attribute, each group in arrival order.
     */
    static Map<String, List<String>> byStreamAndKey(List<String> lines) {
        return byStreamAndKey(lines, Set.of());
    }

    /** As {@link #byStreamAndKey(List)}, leaving out the lines of the given streams. */
    static Map<String, List<String>> byStreamAndKey(List<String> lines, Set<String> without) {
        Map<String, List<String>> groups = new TreeMap<>();
        for (String line : lines) {
            String stream = line.substring(0, line.indexOf(' '));
            if (without.contains(stream)) {
                continue;
            }
            String key = line.substring(line.indexOf('[') + 1, line.indexOf(','));
            groups.computeIfAbsent(stream + " " + key, k -> new ArrayList<>()).add(line);
        }
        return groups;
    }

    @SuppressWarnings("deprecation") // SourceFunction and SinkFunction: the simplest in-JVM test source and sink
    private JobClient execute(AppPlan plan, Events source, String run, int parallelism, String savepoint)
            throws Exception {
        // the job's configuration, which tasks see, says whether state of queries the app no longer has may be left
        Configuration config = new Configuration();
        config.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, allowNonRestoredState);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        env.setMaxParallelism(MAX_PARALLELISM);
        env.getConfig().disableGenericTypes();
        TaggedEventTypeInfo type = new TaggedEventTypeInfo(new ArrayList<>(plan.streams().values()));
        DataStream<TaggedEvent> clocked = env.addSource(source, "events", type).setParallelism(1).uid("events")
                .transform("playback clock", type, new PlaybackClockOperator()).setParallelism(1)
                .uid("siddhi-playback-clock");
        Map<String, DataStream<Event>> streams = FlinkTranslator.translate(plan, clocked,
                Set.copyOf(plan.inputStreams()), TimeMode.EVENT_TIME, parallelism);
        for (String stream : plan.outputStreams()) {
            if (streams.containsKey(stream)) {
                streams.get(stream).addSink(new Collect(run, stream)).name("collect " + stream).setParallelism(1)
                        .uid("collect-" + stream);
            }
        }
        StreamGraph graph = env.getStreamGraph();
        if (savepoint != null) {
            graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint, allowNonRestoredState));
        }
        return env.executeAsync(graph);
    }

    /** Stops the job with a savepoint, retrying while its tasks are still starting and cannot take one yet. */
    private String stopWithSavepoint(JobClient job) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            try {
                return job.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                        .get();
            } catch (ExecutionException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(50);
            }
        }
    }

    private static void awaitOutputs(String run, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (RECEIVED.get(run).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(run + ": " + RECEIVED.get(run).size() + " of " + count + " outputs");
            }
            Thread.sleep(20);
        }
    }

    /** One input event: the index of its stream in the plan, its time and its attributes. */
    record Input(int stream, long timestamp, Object[] data) implements java.io.Serializable {
        /** An event of the named stream of {@code plan}. */
        static Input of(AppPlan plan, String stream, long timestamp, Object... data) {
            return new Input(new ArrayList<>(plan.streams().keySet()).indexOf(stream), timestamp, data);
        }
    }

    /**
     * Emits its events in order, then either ends, or idles until cancelled so that the job is still running when
     * it is stopped with a savepoint. It has no state: each run is given the events it is to emit.
     */
    @SuppressWarnings("deprecation")
    private static final class Events implements SourceFunction<TaggedEvent> {
        private static final long serialVersionUID = 1L;
        private final List<Input> events;
        private final boolean ends;
        private volatile boolean running = true;

        Events(List<Input> events, boolean ends) {
            this.events = new ArrayList<>(events);
            this.ends = ends;
        }

        @Override
        public void run(SourceContext<TaggedEvent> context) throws InterruptedException {
            for (Input input : events) {
                synchronized (context.getCheckpointLock()) {
                    context.collect(new TaggedEvent(input.stream(), new Event(input.timestamp(), input.data())));
                }
            }
            while (running && !ends) {
                Thread.sleep(10);
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** Records each output of one run as "Stream ts [data]". */
    @SuppressWarnings("deprecation")
    private static final class Collect implements SinkFunction<Event> {
        private static final long serialVersionUID = 1L;
        private final String run;
        private final String stream;

        Collect(String run, String stream) {
            this.run = run;
            this.stream = stream;
        }

        @Override
        public void invoke(Event event, Context context) {
            RECEIVED.get(run).add(stream + " " + event.timestamp() + " " + Arrays.toString(event.data()));
        }
    }
}
