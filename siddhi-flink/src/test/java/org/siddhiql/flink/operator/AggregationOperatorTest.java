package org.siddhiql.flink.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.contrib.streaming.state.EmbeddedRocksDBStateBackend;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.flink.typeutils.EventTypeInfo;
import org.siddhiql.runtime.event.Event;

/**
 * An aggregation and the join reading it in one operator under Flink's harness: running and finished buckets, the
 * clocks and the pending roll-over timer all come back from a snapshot.
 */
class AggregationOperatorTest {
    private static final String APP = "define stream Trades (sym string, qty long);\n"
            + "define stream Ask (sym string, gran string);\n"
            + "@purge(enable='false')\n"
            + "define aggregation Vol from Trades select sym, sum(qty) as total, count() as n group by sym\n"
            + "aggregate every sec ... min;\n"
            + "from Ask join Vol on Ask.sym == Vol.sym within 0L, 600000L per Ask.gran\n"
            + "select Ask.gran as gran, AGG_TIMESTAMP, total, n insert into Out;";
    private static final List<String> STREAMS = List.of("Trades", "Ask", "Out");
    private static final OutputTag<Event> OUT = new OutputTag<>("Out", new EventTypeInfo(new AttributeType[0]));

    /** On the heap, and on RocksDB, where every row and clock goes through its codec. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void bucketsAndTheRollOverTimerSurviveSnapshotAndRestore(boolean rocksDb, @TempDir Path rocksDir)
            throws Exception {
        OperatorSubtaskState snapshot;
        try (KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness =
                harness(rocksDb, rocksDir)) {
            harness.open();
            send(harness, "Trades", 1000, "A", 1L);
            send(harness, "Trades", 1500, "A", 2L);
            send(harness, "Trades", 2200, "A", 4L);
            snapshot = harness.snapshot(1L, 2300L);
        }
        try (KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> restored =
                harness(rocksDb, rocksDir)) {
            restored.initializeState(snapshot);
            restored.open();
            // The restored timer at 3000 rolls second 2 over before the asks are read.
            send(restored, "Ask", 3100, "A", "seconds");
            send(restored, "Ask", 3100, "A", "minutes");
            assertEquals(List.of("3100 [seconds, 1000, 3, 2]", "3100 [seconds, 2000, 4, 1]",
                    "3100 [minutes, 0, 7, 3]"), outputs(restored));
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness(boolean rocksDb,
            Path rocksDir) throws Exception {
        AppPlan plan = new AppCompiler().compile(APP);
        QueryGraphOperator operator = new QueryGraphOperator(plan.queries(), STREAMS, Map.of("Out", OUT),
                TimeMode.EVENT_TIME);
        KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(operator, QueryKeySelector.of(plan.queries().get(1)),
                        Types.STRING);
        if (rocksDb) {
            EmbeddedRocksDBStateBackend backend = new EmbeddedRocksDBStateBackend();
            backend.setDbStoragePath(rocksDir.toString());
            harness.setStateBackend(backend);
        }
        return harness;
    }

    private static void send(KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness,
            String stream, long ts, Object... data) throws Exception {
        harness.processWatermark(new Watermark(ts));
        harness.processElement(new StreamRecord<>(new TaggedEvent(STREAMS.indexOf(stream), new Event(ts, data)), ts));
    }

    private static List<String> outputs(KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> h) {
        List<String> events = new ArrayList<>();
        ConcurrentLinkedQueue<StreamRecord<Event>> records = h.getSideOutput(OUT);
        if (records != null) {
            records.forEach(record -> events.add(record.getValue().toString()));
        }
        return events;
    }
}
