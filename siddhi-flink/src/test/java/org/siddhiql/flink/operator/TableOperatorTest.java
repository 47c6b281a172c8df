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
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.flink.typeutils.EventTypeInfo;
import org.siddhiql.runtime.event.Event;

/**
 * A table's rows are keyed state of the operator running the queries that touch it: they survive a snapshot and
 * restore, key map and insertion order included, and every query of the restored operator sees them.
 */
class TableOperatorTest {
    private static final String APP = "define stream Put (sym string, price double);\n"
            + "define stream Drop (sym string);\n"
            + "define stream Q (sym string);\n"
            + "@primaryKey('sym')\n"
            + "define table Latest (sym string, price double);\n"
            + "from Put update or insert into Latest on Latest.sym == sym;\n"
            + "from Drop delete Latest on Latest.sym == sym;\n"
            + "from Q left outer join Latest on Q.sym == Latest.sym\n"
            + "select Q.sym as sym, Latest.price as price insert into Answer;\n"
            + "from Q[Latest.sym == sym in Latest] select sym insert into Known;";
    private static final List<String> STREAMS = List.of("Put", "Drop", "Q");
    private static final OutputTag<Event> ANSWER = new OutputTag<>("Answer", new EventTypeInfo(new AttributeType[0]));
    private static final OutputTag<Event> KNOWN = new OutputTag<>("Known", new EventTypeInfo(new AttributeType[0]));

    @Test
    void tableRowsSurviveSnapshotAndRestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness = harness()) {
            harness.open();
            send(harness, "Put", 1000, "IBM", 10.0);
            send(harness, "Put", 1000, "XOM", 20.0);
            send(harness, "Put", 1100, "IBM", 11.0);
            send(harness, "Drop", 1200, "XOM");
            send(harness, "Q", 1300, "IBM");
            assertEquals(List.of("1300 [IBM, 11.0]"), outputs(harness, ANSWER));
            assertEquals(List.of("1300 [IBM]"), outputs(harness, KNOWN));
            snapshot = harness.snapshot(1L, 1300L);
        }
        try (KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> restored = harness()) {
            restored.initializeState(snapshot);
            restored.open();
            send(restored, "Q", 1400, "IBM");
            send(restored, "Q", 1400, "XOM");
            // The key map came back too: the overwrite finds IBM's row instead of adding a second one.
            send(restored, "Put", 1500, "IBM", 12.0);
            send(restored, "Put", 1500, "XOM", 21.0);
            send(restored, "Q", 1600, "IBM");
            send(restored, "Q", 1600, "XOM");
            assertEquals(List.of("1400 [IBM, 11.0]", "1400 [XOM, null]", "1600 [IBM, 12.0]", "1600 [XOM, 21.0]"),
                    outputs(restored, ANSWER));
            assertEquals(List.of("1400 [IBM]", "1600 [IBM]", "1600 [XOM]"), outputs(restored, KNOWN));
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness()
            throws Exception {
        AppPlan plan = new AppCompiler().compile(APP);
        QueryGraphOperator operator = new QueryGraphOperator(plan.queries(), STREAMS,
                Map.of("Answer", ANSWER, "Known", KNOWN), TimeMode.EVENT_TIME);
        return new KeyedOneInputStreamOperatorTestHarness<>(operator, QueryKeySelector.global(), Types.STRING);
    }

    /** Sends an event as the playback clock does: the watermark first, then the event. */
    private static void send(KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness,
            String stream, long ts, Object... data) throws Exception {
        harness.processWatermark(new Watermark(ts));
        harness.processElement(new StreamRecord<>(new TaggedEvent(STREAMS.indexOf(stream), new Event(ts, data)), ts));
    }

    private static List<String> outputs(KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness,
            OutputTag<Event> tag) {
        List<String> events = new ArrayList<>();
        ConcurrentLinkedQueue<StreamRecord<Event>> records = harness.getSideOutput(tag);
        if (records != null) {
            records.forEach(record -> events.add(record.getValue().toString()));
            records.clear();
        }
        return events;
    }
}
