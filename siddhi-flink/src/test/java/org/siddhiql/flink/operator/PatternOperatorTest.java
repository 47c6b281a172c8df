package org.siddhiql.flink.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.runtime.event.Event;

/**
 * An absent pattern under Flink's harness: the absence is reported when a watermark passes its deadline, and a
 * pending absence (its partial match and its wake-up time) survives a snapshot and restore.
 */
class PatternOperatorTest {
    private static final String ABSENT = "define stream A (id string, v int);\n"
            + "define stream B (id string, v int);\n"
            + "from every e1=A -> not B[id == e1.id] for 1 sec select e1.id as id insert into Out;";
    private static final List<String> STREAMS = List.of("A", "B", "Out");

    @Test
    void anAbsenceIsReportedAtItsDeadlineWhenTheWatermarkPassesIt() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness = harness()) {
            harness.open();
            send(harness, "A", 1000, "k1", 1);
            send(harness, "A", 1100, "k2", 2);
            send(harness, "B", 1500, "k1", 0);
            assertEquals(List.of(), QueryOperatorTest.outputs(harness));
            harness.processWatermark(new Watermark(2500));
            assertEquals(List.of("2100 [k2]"), QueryOperatorTest.outputs(harness));
        }
    }

    @Test
    void aPendingAbsenceSurvivesSnapshotAndRestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness = harness()) {
            harness.open();
            send(harness, "A", 1000, "k1", 1);
            send(harness, "A", 1200, "k2", 2);
            snapshot = harness.snapshot(1L, 1300L);
        }
        try (KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> restored = harness()) {
            restored.initializeState(snapshot);
            restored.open();
            send(restored, "B", 1500, "k2", 0);
            restored.processWatermark(new Watermark(3000));
            assertEquals(List.of("2000 [k1]"), QueryOperatorTest.outputs(restored));
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness()
            throws Exception {
        QueryPlan plan = new AppCompiler().compile(ABSENT).queries().get(0);
        QueryGraphOperator operator = new QueryGraphOperator(List.of(plan), STREAMS,
                Map.of(plan.outputStream(), QueryOperatorTest.OUT), TimeMode.EVENT_TIME);
        return new KeyedOneInputStreamOperatorTestHarness<>(operator, QueryKeySelector.of(plan), Types.STRING);
    }

    /** Sends an event as the playback clock does: the watermark first, then the event. */
    private static void send(KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness,
            String stream, long ts, Object... data) throws Exception {
        harness.processWatermark(new Watermark(ts));
        harness.processElement(new StreamRecord<>(new TaggedEvent(STREAMS.indexOf(stream), new Event(ts, data)), ts));
    }
}
