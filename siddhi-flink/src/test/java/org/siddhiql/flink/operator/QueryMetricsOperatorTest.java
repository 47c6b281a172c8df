package org.siddhiql.flink.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.clusterframework.types.ResourceID;
import org.apache.flink.runtime.executiongraph.ExecutionAttemptID;
import org.apache.flink.runtime.metrics.groups.TaskManagerMetricGroup;
import org.apache.flink.runtime.metrics.groups.TaskMetricGroup;
import org.apache.flink.runtime.metrics.util.TestingMetricRegistry;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.flink.typeutils.EventTypeInfo;

/**
 * Per-query and per-stream metrics as Flink publishes them, read from the operator's metric group: events in and out,
 * failures, late events, the events windows hold (recounted after a restore) and, in processing time, the latency
 * from an event's ingestion to its output.
 */
class QueryMetricsOperatorTest {
    private static final String APP = "define stream S (sym string, v int);\n"
            + "define stream T (raw object);\n"
            + "@info(name='lastThree') from S#window.length(3) select sym, sum(v) as total insert into Out;\n"
            + "@info(name='parsed') from T select cast(raw, 'double') as d insert into Parsed;";
    private static final List<String> STREAMS = List.of("S", "T", "Out", "Parsed");
    private static final OutputTag<Event> OUT = new OutputTag<>("Out", new EventTypeInfo(new AttributeType[0]));
    private static final OutputTag<Event> PARSED = new OutputTag<>("Parsed", new EventTypeInfo(new AttributeType[0]));

    /** The metrics registered so far, by "siddhiQuery=name.metric", "siddhiStream=name.metric" or "metric". */
    private final Map<String, Metric> metrics = new ConcurrentHashMap<>();

    @Test
    void countsEventsInAndOutFailuresLateEventsAndWhatTheWindowHolds() throws Exception {
        try (MockEnvironment environment = environment();
                KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness =
                        harness(environment, TimeMode.EVENT_TIME)) {
            harness.open();
            for (int i = 0; i < 4; i++) {
                send(harness, "S", 1000 + 100 * i, "IBM", i);
            }
            harness.processWatermark(new Watermark(2000));
            sendLate(harness, "S", 1500, "IBM", 10);
            send(harness, "T", 2000, 1.5);
            send(harness, "T", 2100, "x"); // cast fails: logged and dropped

            assertEquals(5, count("siddhiQuery=lastThree.eventsIn"));
            assertEquals(5, count("siddhiQuery=lastThree.eventsOut"));
            assertEquals(0, count("siddhiQuery=lastThree.errors"));
            assertEquals(3L, gauge("siddhiQuery=lastThree.windowEvents"));
            assertEquals(2, count("siddhiQuery=parsed.eventsIn"));
            assertEquals(1, count("siddhiQuery=parsed.eventsOut"));
            assertEquals(1, count("siddhiQuery=parsed.errors"));
            assertEquals(0L, gauge("siddhiQuery=parsed.windowEvents"));
            assertEquals(5, count("siddhiStream=S.eventsIn"));
            assertEquals(1, count("siddhiStream=S.lateEvents"));
            assertEquals(2, count("siddhiStream=T.eventsIn"));
            assertEquals(0, count("siddhiStream=T.lateEvents"));
            assertEquals(5, count("siddhiStream=Out.eventsOut"));
            assertEquals(1, count("siddhiStream=Parsed.eventsOut"));
            assertEquals(1, count(QueryGraphOperator.DROPPED_EVENTS_METRIC));
            assertFalse(metrics.containsKey("siddhiQuery=lastThree.latencyMs"), "no latency in event time");
            assertFalse(metrics.containsKey("siddhiQuery=lastThree.partialMatches"), "pattern gauges: patterns only");
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void afterARestoreTheWindowGaugeStartsFromTheRestoredWindows(boolean rocksDb, @TempDir Path dir)
            throws Exception {
        OperatorSubtaskState snapshot;
        try (MockEnvironment environment = environment();
                KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness =
                        harness(environment, TimeMode.EVENT_TIME)) {
            useRocksDb(harness, rocksDb, dir.resolve("before"));
            harness.open();
            send(harness, "S", 1000, "IBM", 1);
            send(harness, "S", 1100, "IBM", 2);
            snapshot = harness.snapshot(1L, 1200L);
        }
        metrics.clear();
        try (MockEnvironment environment = environment();
                KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> restored =
                        harness(environment, TimeMode.EVENT_TIME)) {
            useRocksDb(restored, rocksDb, dir.resolve("after"));
            restored.initializeState(snapshot);
            restored.open();
            assertEquals(2L, gauge("siddhiQuery=lastThree.windowEvents"));
            send(restored, "S", 1300, "IBM", 3);
            send(restored, "S", 1400, "IBM", 4);
            assertEquals(3L, gauge("siddhiQuery=lastThree.windowEvents"));
            assertEquals(2, count("siddhiQuery=lastThree.eventsIn")); // counters count since the (re)start
        }
    }

    @Test
    void inProcessingTimeTheLatencyIsFromTheEventsIngestionToItsOutput() throws Exception {
        try (MockEnvironment environment = environment();
                KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness =
                        harness(environment, TimeMode.PROCESSING_TIME)) {
            harness.open();
            harness.setProcessingTime(5000);
            // stamped by its source at 4000 (a live event's timestamp is its arrival), output at 5000
            harness.processElement(new StreamRecord<>(new TaggedEvent(0, new Event(4000, new Object[] {"IBM", 1}))));
            harness.setProcessingTime(5250);
            harness.processElement(new StreamRecord<>(new TaggedEvent(0, new Event(5000, new Object[] {"IBM", 2}))));

            Histogram latency = (Histogram) metrics.get("siddhiQuery=lastThree.latencyMs");
            assertEquals(2, latency.getCount());
            assertEquals(250, latency.getStatistics().getMin());
            assertEquals(1000, latency.getStatistics().getMax());
            assertEquals(0, count("siddhiStream=S.lateEvents"));
        }
    }

    private long count(String name) {
        return ((Counter) metrics.get(name)).getCount();
    }

    private Object gauge(String name) {
        return ((Gauge<?>) metrics.get(name)).getValue();
    }

    /** A task whose metric registry records every metric the operator registers. */
    private MockEnvironment environment() {
        TestingMetricRegistry registry = TestingMetricRegistry.builder()
                .setRegisterConsumer((metric, name, group) -> {
                    Map<String, String> variables = group.getAllVariables();
                    String query = variables.get("<" + QueryMetricGroup.GROUP + ">");
                    String stream = variables.get("<" + StreamMetricGroup.GROUP + ">");
                    String prefix = query != null ? "siddhiQuery=" + query + "."
                            : stream != null ? "siddhiStream=" + stream + "." : "";
                    metrics.put(prefix + name, metric);
                })
                .build();
        TaskMetricGroup task = TaskManagerMetricGroup.createTaskManagerMetricGroup(registry, "localhost",
                ResourceID.generate()).addJob(new JobID(), "job").addTask(ExecutionAttemptID.randomId(), "task");
        return new MockEnvironmentBuilder().setMetricGroup(task).build();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness(
            MockEnvironment environment, TimeMode timeMode) throws Exception {
        AppPlan plan = new AppCompiler().compile(APP);
        QueryGraphOperator operator = new QueryGraphOperator(plan.queries(), STREAMS,
                Map.of("Out", OUT, "Parsed", PARSED), timeMode);
        return new KeyedOneInputStreamOperatorTestHarness<>(operator, QueryKeySelector.global(), Types.STRING,
                environment);
    }

    private static void useRocksDb(KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness,
            boolean rocksDb, Path dir) {
        if (rocksDb) {
            EmbeddedRocksDBStateBackend backend = new EmbeddedRocksDBStateBackend();
            backend.setDbStoragePath(dir.toString());
            harness.setStateBackend(backend);
        }
    }

    /** Sends an event as the playback clock does: the watermark first, then the event. */
    private static void send(KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness,
            String stream, long ts, Object... data) throws Exception {
        harness.processWatermark(new Watermark(ts));
        sendLate(harness, stream, ts, data);
    }

    /** Sends an event without moving the watermark to it. */
    private static void sendLate(KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness,
            String stream, long ts, Object... data) throws Exception {
        harness.processElement(new StreamRecord<>(new TaggedEvent(STREAMS.indexOf(stream), new Event(ts, data)), ts));
    }
}
