package org.siddhiql.flink.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.flink.typeutils.EventTypeInfo;
import org.siddhiql.runtime.event.Event;

/**
 * A named window shared by a feeding query, a grouped reader and a join with a periodic trigger, through RocksDB and a
 * snapshot and restore midway: the window's contents and timers and the trigger's phase are managed state, so the
 * output equals an uninterrupted run on the heap.
 */
class NamedWindowRestoreTest {
    private static final String APP = "define stream S (symbol string, volume long);\n"
            + "define trigger Tick at every 250 milliseconds;\n"
            + "define window W (symbol string, volume long) time(300 milliseconds) output all events;\n"
            + "from S insert into W;\n"
            + "from W select symbol, sum(volume) as total group by symbol insert all events into Totals;\n"
            + "from Tick join W select Tick.triggered_time as t, count() as n insert into Sampled;";

    @Test
    void rocksDbWithARestoreMidwayGivesTheUninterruptedOutput(@TempDir Path rocksDir) throws Exception {
        AppPlan plan = new AppCompiler().compile(APP);
        List<Event> input = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            input.add(new Event(1000 + 90L * i + (i % 3) * 7, new Object[] {"S" + (i % 4), (long) (i * 7 % 5)}));
        }
        List<String> uninterrupted = new ArrayList<>();
        try (Harness heap = new Harness(plan, null)) {
            heap.harness.open();
            heap.feed(input.subList(0, input.size()), uninterrupted);
        }
        List<String> restored = new ArrayList<>();
        OperatorSubtaskState snapshot;
        try (Harness first = new Harness(plan, rocksDir)) {
            first.harness.open();
            first.feed(input.subList(0, 20), restored);
            snapshot = first.harness.snapshot(1L, input.get(19).timestamp());
        }
        try (Harness second = new Harness(plan, rocksDir)) {
            second.harness.initializeState(snapshot);
            second.harness.open();
            second.feed(input.subList(20, input.size()), restored);
        }
        assertEquals(uninterrupted, restored);
        // The trigger starts with the first event (1000) and fires every 250 ms up to the last event (4510); the
        // window then holds the events of the last 300 ms: at 1250, those of 1000, 1097 and 1194.
        List<String> sampled = uninterrupted.stream().filter(o -> o.startsWith("Sampled")).toList();
        assertEquals(14, sampled.size());
        assertEquals("Sampled 1250 [1250, 3]", sampled.get(0));
        assertEquals("Sampled 4500 [4500, 3]", sampled.get(13)); // 4240, 4337, 4434
    }

    private static final class Harness implements AutoCloseable {
        final KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness;
        private final Map<String, OutputTag<Event>> tags = new LinkedHashMap<>();
        private final int input;

        Harness(AppPlan plan, Path rocksDir) throws Exception {
            for (QueryPlan query : plan.queries()) {
                if (plan.stream(query.outputStream()) != null) {
                    tags.put(query.outputStream(), new OutputTag<>(query.outputStream(),
                            EventTypeInfo.of(query.output())));
                }
            }
            List<String> streams = new ArrayList<>(plan.streams().keySet());
            input = streams.indexOf("S");
            harness = new KeyedOneInputStreamOperatorTestHarness<>(new QueryGraphOperator(plan.queries(), streams, tags,
                    TimeMode.EVENT_TIME), QueryKeySelector.global(), Types.STRING);
            if (rocksDir != null) {
                EmbeddedRocksDBStateBackend backend = new EmbeddedRocksDBStateBackend();
                backend.setDbStoragePath(rocksDir.toString());
                harness.setStateBackend(backend);
            }
        }

        /** As the playback clock: the watermark, then the event; outputs as "Stream event". */
        void feed(List<Event> events, List<String> outputs) throws Exception {
            for (Event event : events) {
                harness.processWatermark(new Watermark(event.timestamp()));
                harness.processElement(new StreamRecord<>(new TaggedEvent(input, event), event.timestamp()));
                for (Map.Entry<String, OutputTag<Event>> tag : tags.entrySet()) {
                    ConcurrentLinkedQueue<StreamRecord<Event>> records = harness.getSideOutput(tag.getValue());
                    if (records != null) {
                        records.forEach(r -> outputs.add(tag.getKey() + " " + r.getValue()));
                        records.clear();
                    }
                }
            }
        }

        @Override
        public void close() throws Exception {
            harness.close();
        }
    }
}
