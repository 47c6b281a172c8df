package org.siddhiql.flink.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.runtime.event.Event;

/**
 * A pattern query's metrics as Flink publishes them, read from the operator's metric group: {@code within} bounds the
 * partial matches (they are dropped when an event arrives past it), the gauges follow within a second (the
 * operator's flush), and after a restore they start from what the restored state holds, on the heap and on RocksDB.
 */
class PatternMetricsOperatorTest {
    private static final String APP = "define stream A (id string, v int);\n"
            + "define stream B (id string, v int);\n"
            + "@info(name='highThenLow') from every e1=A -> e2=B[id == e1.id] within 1 sec "
            + "select e1.id as id, e2.v as v insert into Out;";
    private static final List<String> STREAMS = List.of("A", "B", "Out");

    /** The metrics registered so far, by "query.name" for those of a query group. */
    private final Map<String, Metric> metrics = new ConcurrentHashMap<>();

    @Test
    void withinDropsExpiredPartialMatchesFromStateAndTheGaugesShowIt() throws Exception {
        List<Long> partialMatches = new ArrayList<>();
        try (MockEnvironment environment = environment();
                KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness =
                        harness(environment)) {
            harness.open();
            send(harness, "A", 1000, "x", 1);
            assertEquals(0, gauge("partialMatches")); // the heap backend's object: measured at the next flush
            flush(harness);
            partialMatches.add(gauge("partialMatches"));
            send(harness, "A", 1100, "y", 2);
            flush(harness);
            partialMatches.add(gauge("partialMatches"));
            send(harness, "A", 1200, "z", 3);
            flush(harness);
            partialMatches.add(gauge("partialMatches"));
            long peakBytes = gauge("patternStateBytes");
            send(harness, "B", 1300, "x", 10); // completes x
            flush(harness);
            partialMatches.add(gauge("partialMatches"));
            send(harness, "A", 2150, "w", 4); // y started 1050 ms before: dropped; z (950 ms) stays
            flush(harness);
            partialMatches.add(gauge("partialMatches"));
            send(harness, "B", 3500, "none", 0); // z and w are past within
            flush(harness);
            partialMatches.add(gauge("partialMatches"));

            assertEquals(List.of(1L, 2L, 3L, 2L, 2L, 0L), partialMatches);
            assertEquals(List.of("1300 [x, 10]"), QueryOperatorTest.outputs(harness));
            assertEquals(1, ((Counter) metrics.get("highThenLow.patternMatches")).getCount());
            long restingBytes = gauge("patternStateBytes");
            assertTrue(restingBytes > 0 && restingBytes < peakBytes, restingBytes + " of " + peakBytes);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void afterARestoreTheGaugesStartFromTheRestoredState(boolean rocksDb, @TempDir Path dir) throws Exception {
        OperatorSubtaskState snapshot;
        long bytes;
        try (MockEnvironment environment = environment();
                KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness =
                        harness(environment)) {
            useRocksDb(harness, rocksDb, dir.resolve("before"));
            harness.open();
            send(harness, "A", 1000, "x", 1);
            send(harness, "A", 1100, "y", 2);
            flush(harness);
            bytes = gauge("patternStateBytes");
            snapshot = harness.snapshot(1L, 1200L);
        }
        metrics.clear();
        try (MockEnvironment environment = environment();
                KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> restored =
                        harness(environment)) {
            useRocksDb(restored, rocksDb, dir.resolve("after"));
            restored.initializeState(snapshot);
            restored.open();
            assertEquals(2, gauge("partialMatches"));
            assertEquals(bytes, gauge("patternStateBytes"));
            send(restored, "B", 2050, "y", 5); // x is past within and dropped; y completes
            flush(restored);
            assertEquals(0, gauge("partialMatches"));
            assertEquals(List.of("2050 [y, 5]"), QueryOperatorTest.outputs(restored));
        }
    }

    /** Lets the operator's once-a-second report of deferred metric changes run. */
    private static void flush(KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness)
            throws Exception {
        harness.setProcessingTime(harness.getProcessingTime() + QueryGraphOperator.METRICS_FLUSH_MILLIS);
    }

    private long gauge(String name) {
        return (Long) ((Gauge<?>) metrics.get("highThenLow." + name)).getValue();
    }

    /** A task whose metric registry records every metric the operator registers. */
    private MockEnvironment environment() {
        TestingMetricRegistry registry = TestingMetricRegistry.builder()
                .setRegisterConsumer((metric, name, group) -> {
                    String query = group.getAllVariables().get("<" + QueryMetricGroup.GROUP + ">");
                    if (query != null) {
                        metrics.put(query + "." + name, metric);
                    }
                })
                .build();
        TaskMetricGroup task = TaskManagerMetricGroup.createTaskManagerMetricGroup(registry, "localhost",
                ResourceID.generate()).addJob(new JobID(), "job").addTask(ExecutionAttemptID.randomId(), "task");
        return new MockEnvironmentBuilder().setMetricGroup(task).build();
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness(
            MockEnvironment environment) throws Exception {
        QueryPlan plan = new AppCompiler().compile(APP).queries().get(0);
        QueryGraphOperator operator = new QueryGraphOperator(List.of(plan), STREAMS,
                Map.of(plan.outputStream(), QueryOperatorTest.OUT), TimeMode.EVENT_TIME);
        return new KeyedOneInputStreamOperatorTestHarness<>(operator, QueryKeySelector.of(plan), Types.STRING,
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
        harness.processElement(new StreamRecord<>(new TaggedEvent(STREAMS.indexOf(stream), new Event(ts, data)), ts));
    }
}
