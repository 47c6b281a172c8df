package org.siddhiql.flink.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.PartitionPlan;
import org.siddhiql.runtime.fault.StreamFaults;
import org.siddhiql.runtime.event.Event;

/**
 * {@code @purge} on the app clock: at each multiple of the interval, a key idle for longer than the idle period loses
 * its state, and its next event starts afresh; keys with recent events keep theirs.
 */
class PartitionPurgeTest {
    private static final String APP = "define stream S (user string, amount int);\n"
            + "@purge(enable='true', interval='10 sec', idle.period='5 sec')\n"
            + "partition with (user of S)\n"
            + "begin\n"
            + "  from S select user, count() as n, sum(amount) as total insert into Out;\n"
            + "end;";

    @Test
    void keysIdleAtACheckStartAfresh() throws Exception {
        PartitionPlan partition = new AppCompiler().compile(APP).partitions().get(0);
        QueryGraphOperator operator = new QueryGraphOperator(partition.queries(), List.of("S", "Out"),
                Map.of("Out", QueryOperatorTest.OUT), TimeMode.EVENT_TIME, StreamFaults.none(), partition.purge());
        try (KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(operator, QueryKeySelector.partitionKey(),
                        Types.STRING)) {
            harness.open();
            send(harness, 1000, "u1", 5);
            send(harness, 4000, "u1", 7);
            send(harness, 6000, "u2", 1);
            // The check at 10 000 finds u1 idle since 4000 (> 5 sec) but u2 only since 6000.
            send(harness, 12_000, "u1", 2);
            send(harness, 12_500, "u2", 3);
            // The check at 20 000 finds u2 idle since 12 500; u1 had an event at 16 000.
            send(harness, 16_000, "u1", 1);
            send(harness, 21_000, "u2", 4);
            send(harness, 21_500, "u1", 6);
            assertEquals(List.of("1000 [u1, 1, 5]", "4000 [u1, 2, 12]", "6000 [u2, 1, 1]", "12000 [u1, 1, 2]",
                    "12500 [u2, 2, 4]", "16000 [u1, 2, 3]", "21000 [u2, 1, 4]", "21500 [u1, 3, 9]"),
                    QueryOperatorTest.outputs(harness));
        }
    }

    /** As the playback clock delivers an event: the watermark of its time first, then the event. */
    private static void send(KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness,
            long ts, String user, int amount) throws Exception {
        harness.processWatermark(new Watermark(ts));
        harness.processElement(new StreamRecord<>(
                new TaggedEvent(0, new Event(ts, new Object[] {user, amount}), user), ts));
    }
}
