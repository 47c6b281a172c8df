package org.siddhiql.flink.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.flink.typeutils.EventTypeInfo;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.runtime.event.Event;
import org.junit.jupiter.api.Test;

/** The query operator under Flink's harness: exact outputs, timers on watermarks, and state across a snapshot. */
class QueryOperatorTest {
    private static final String LENGTH_GROUP_BY = "define stream S (symbol string, price double, volume long);\n"
            + "from S#window.length(2) select symbol, sum(volume) as total group by symbol insert into Out;";
    private static final String TIME_BATCH = "define stream S (symbol string, price double, volume long);\n"
            + "from S#window.timeBatch(1 sec) select count() as c insert into Out;";

    @Test
    void lengthWindowGroupByAggregatesOverTheSlidingWindow() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness = harness(LENGTH_GROUP_BY)) {
            harness.open();
            send(harness, 1000, "IBM", 10.0, 100L);
            send(harness, 1100, "WSO2", 20.0, 20L);
            send(harness, 1200, "IBM", 30.0, 5L);
            assertEquals(List.of("1000 [IBM, 100]", "1100 [WSO2, 20]", "1200 [IBM, 5]"), outputs(harness));
        }
    }

    @Test
    void timeBatchEmitsWhenTheClockPassesTheBatchEnd() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness = harness(TIME_BATCH)) {
            harness.open();
            send(harness, 1000, "A", 1.0, 1L);
            send(harness, 1500, "B", 1.0, 1L);
            assertEquals(List.of(), outputs(harness));
            harness.processWatermark(new Watermark(2100));
            assertEquals(List.of("1500 [2]"), outputs(harness));
        }
    }

    @Test
    void windowContentsSurviveSnapshotAndRestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness = harness(LENGTH_GROUP_BY)) {
            harness.open();
            send(harness, 1000, "IBM", 10.0, 100L);
            send(harness, 1100, "IBM", 20.0, 20L);
            snapshot = harness.snapshot(1L, 1200L);
        }
        try (KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> restored = harness(LENGTH_GROUP_BY)) {
            restored.initializeState(snapshot);
            restored.open();
            send(restored, 1300, "IBM", 30.0, 1L);
            // The window held 100 and 20; 100 expires as 1 enters: 20 + 1.
            assertEquals(List.of("1300 [IBM, 21]"), outputs(restored));
        }
    }

    static KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness(String app)
            throws Exception {
        QueryPlan plan = new AppCompiler().compile(app).queries().get(0);
        return new KeyedOneInputStreamOperatorTestHarness<>(operator(plan), QueryKeySelector.of(plan), Types.STRING);
    }

    /** The operator of one query reading stream 0, with its output on the side output {@link #OUT}. */
    static QueryGraphOperator operator(QueryPlan plan) {
        return new QueryGraphOperator(List.of(plan), List.of(plan.input().name(), plan.outputStream()),
                Map.of(plan.outputStream(), OUT), TimeMode.EVENT_TIME);
    }

    static final OutputTag<Event> OUT = new OutputTag<>("Out", new EventTypeInfo(new AttributeType[0]));

    /** Sends an event as the playback clock does: the watermark first, then the event. */
    static void send(KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness, long ts, Object... data)
            throws Exception {
        harness.processWatermark(new Watermark(ts));
        harness.processElement(new StreamRecord<>(new TaggedEvent(0, new Event(ts, data)), ts));
    }

    static List<String> outputs(KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness) {
        List<String> events = new ArrayList<>();
        ConcurrentLinkedQueue<StreamRecord<Event>> records = harness.getSideOutput(OUT);
        if (records != null) {
            records.forEach(record -> events.add(record.getValue().toString()));
            records.clear();
        }
        return events;
    }
}
