package org.siddhiql.rescaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.SinkFunction;
import org.apache.flink.streaming.api.functions.source.SourceFunction;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.flink.operator.PlaybackClockOperator;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.flink.operator.TimeMode;
import org.siddhiql.flink.translate.FlinkTranslator;
import org.siddhiql.flink.typeutils.TaggedEventTypeInfo;
import org.siddhiql.runtime.event.Event;

/**
 * An app stopped with a savepoint and resumed at another parallelism continues as if it had never stopped: the
 * outputs before the stop and after the resume together are exactly those of an uninterrupted run. The job is built
 * as {@code bin/siddhi run} builds it (events in time order, the playback clock, {@link FlinkTranslator} in event
 * time), so partial pattern matches, per-key windows, table rows and pending timers all cross the savepoint.
 */
class SavepointRescalingITCase {
    private static final int MAX_PARALLELISM = 128;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4)
                    .build());

    /**
     * A partition whose keys each hold a pattern's partial matches (with {@code within} deadlines) and a time batch
     * whose flush timer is pending at the savepoint.
     */
    private static final String PATTERN_APP = "@app:name('rising')\n"
            + "define stream S (sym string, price double);\n"
            + "partition with (sym of S)\n"
            + "begin\n"
            + "  from every e1=S[price > 10] -> e2=S[price > e1.price] within 3 sec\n"
            + "  select e1.sym as sym, e1.price as p1, e2.price as p2\n"
            + "  insert into Rise;\n"
            + "  from S#window.timeBatch(2 sec)\n"
            + "  select sym, sum(price) as total, count() as n\n"
            + "  insert into Totals;\n"
            + "end;";

    /**
     * A table written by one stream and joined by another, and a length window over the join's output: all of it
     * state of the sequential part.
     */
    private static final String TABLE_APP = "@app:name('orders')\n"
            + "define stream Prices (sym string, price double);\n"
            + "define stream Orders (sym string, qty int);\n"
            + "@primaryKey('sym')\n"
            + "define table Latest (sym string, price double);\n"
            + "from Prices insert into Latest;\n"
            + "from Orders join Latest on Orders.sym == Latest.sym\n"
            + "select Orders.sym as sym, qty, Latest.price as price, qty * Latest.price as cost\n"
            + "insert into Costs;\n"
            + "from Costs#window.length(3)\n"
            + "select sym, sum(cost) as lastThree\n"
            + "insert into Spend;";

    /** What each run's sink received, by run, as "Stream ts [data]" lines. */
    private static final Map<String, ConcurrentLinkedQueue<String>> RECEIVED = new ConcurrentHashMap<>();

    @TempDir
    Path savepoints;

    @Test
    void patternsInAPartitionContinueFromOneToFourAndFromFourToTwo() throws Exception {
        AppPlan plan = new AppCompiler().compile(PATTERN_APP);
        List<Input> events = new ArrayList<>();
        String[] syms = {"IBM", "WSO2", "ORCL", "MSFT", "GOOG"};
        for (int i = 0; i < 40; i++) {
            String sym = syms[(i * 7 + i / 5) % syms.length];
            double price = 8 + (i * 13 % 11);
            events.add(new Input(0, 1000 + 250L * i, new Object[] {sym, price}));
        }
        assertContinuesAcrossRescaling(plan, events, 1, 4);
        assertContinuesAcrossRescaling(plan, events, 4, 2);
    }

    @Test
    void tablesAndJoinsContinueFromOneToFourAndFromFourToTwo() throws Exception {
        AppPlan plan = new AppCompiler().compile(TABLE_APP);
        List<Input> events = new ArrayList<>();
        String[] syms = {"IBM", "WSO2", "ORCL"};
        for (int i = 0; i < 30; i++) {
            events.add(i % 3 == 0
                    ? new Input(0, 1000 + 100L * i, new Object[] {syms[i / 3 % syms.length], 10.0 + i})
                    : new Input(1, 1000 + 100L * i, new Object[] {syms[i / 2 % syms.length], i % 4 + 1}));
        }
        assertContinuesAcrossRescaling(plan, events, 1, 4);
        assertContinuesAcrossRescaling(plan, events, 4, 2);
    }

    /**
     * Runs the first half of {@code events} at {@code before}, stops with a savepoint once the sink has all the first
     * half's outputs, resumes at {@code after} with the second half, and compares with an uninterrupted run.
     */
    private void assertContinuesAcrossRescaling(AppPlan plan, List<Input> events, int before, int after)
            throws Exception {
        // The savepoint maps state to operators by uid: the queries must sit in the same operators either side.
        assertEquals(FlinkTranslator.sequentialQueries(plan, before), FlinkTranslator.sequentialQueries(plan, after));
        List<Input> firstHalf = events.subList(0, events.size() / 2);
        List<Input> secondHalf = events.subList(events.size() / 2, events.size());

        List<String> uninterrupted = runToEnd(plan, events, 1, null);
        int firstHalfOutputs = runToEnd(plan, firstHalf, before, null).size();

        String stopped = "stopped-" + before + "-" + after;
        RECEIVED.put(stopped, new ConcurrentLinkedQueue<>());
        JobClient job = execute(plan, new Events(firstHalf, false), stopped, before, null);
        awaitOutputs(stopped, firstHalfOutputs);
        String savepoint = stopWithSavepoint(job);
        List<String> resumed = runToEnd(plan, secondHalf, after, savepoint);

        List<String> union = new ArrayList<>(RECEIVED.get(stopped));
        union.addAll(resumed);
        assertEquals(byStreamAndKey(uninterrupted), byStreamAndKey(union),
                "outputs across a savepoint at " + before + " -> " + after);
        assertTrue(firstHalfOutputs > 0 && !resumed.isEmpty(), "both halves have outputs");
    }

    /**
     * The outputs in the order the engine promises: at parallelism above 1 only each key's order is kept (FORMAT.md),
     * so the lines are grouped by stream and first attribute, each group in arrival order.
     */
    private static Map<String, List<String>> byStreamAndKey(List<String> lines) {
        Map<String, List<String>> groups = new TreeMap<>();
        for (String line : lines) {
            String stream = line.substring(0, line.indexOf(' '));
            String key = line.substring(line.indexOf('[') + 1, line.indexOf(','));
            groups.computeIfAbsent(stream + " " + key, k -> new ArrayList<>()).add(line);
        }
        return groups;
    }

    /** Runs {@code events} to the end of input, optionally from a savepoint, and returns the outputs. */
    private List<String> runToEnd(AppPlan plan, List<Input> events, int parallelism, String savepoint)
            throws Exception {
        String run = "run-" + RECEIVED.size();
        RECEIVED.put(run, new ConcurrentLinkedQueue<>());
        execute(plan, new Events(events, true), run, parallelism, savepoint).getJobExecutionResult().get();
        return new ArrayList<>(RECEIVED.get(run));
    }

    @SuppressWarnings("deprecation") // SourceFunction and SinkFunction: the simplest in-JVM test source and sink
    private static JobClient execute(AppPlan plan, Events source, String run, int parallelism, String savepoint)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
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
            graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint, false));
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
    private record Input(int stream, long timestamp, Object[] data) implements java.io.Serializable {
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
