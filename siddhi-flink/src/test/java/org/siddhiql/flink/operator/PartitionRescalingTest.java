package org.siddhiql.flink.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.PartitionPlan;
import org.siddhiql.runtime.event.Event;

/**
 * A partition's state (each key's window, aggregates and inner streams' queries) is keyed by the partition key:
 * it follows its key groups when a job is restored at another parallelism.
 */
class PartitionRescalingTest {
    private static final int MAX_PARALLELISM = 128;
    private static final String APP = "define stream S (symbol string, volume long);\n"
            + "partition with (symbol of S)\n"
            + "begin\n"
            + "  from S#window.length(2) select symbol, sum(volume) as total insert into #Sums;\n"
            + "  from #Sums[total > 0] select symbol, total insert into Out;\n"
            + "end;";
    private static final String[] SYMBOLS = {"IBM", "WSO2", "ORCL", "MSFT", "GOOG", "AAPL"};

    @Test
    void perKeyWindowsContinueAfterScalingFromOneToThreeAndBackToTwo() throws Exception {
        PartitionPlan partition = new AppCompiler().compile(APP).partitions().get(0);

        List<KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent>> one =
                open(partition, 1, null, 0);
        assertEquals(expectedTotals(1, 1000), feed(partition, one, 1000, 1));
        OperatorSubtaskState atOne = AbstractStreamOperatorTestHarness.repackageState(snapshot(one));

        List<KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent>> three =
                open(partition, 3, atOne, 1);
        assertEquals(expectedTotals(11, 2000), feed(partition, three, 2000, 10));
        OperatorSubtaskState atThree = AbstractStreamOperatorTestHarness.repackageState(snapshot(three));

        // length(2) per key: the event of the first run leaves each key's window now, so 10 + 100.
        List<KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent>> two =
                open(partition, 2, atThree, 3);
        assertEquals(expectedTotals(110, 3000), feed(partition, two, 3000, 100));
        for (KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness : two) {
            harness.close();
        }
    }

    /** Each symbol once, routed as the splitter and keyBy route it; returns the outputs in symbol order. */
    private static List<String> feed(PartitionPlan partition,
            List<KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent>> subtasks, long ts,
            long volume) throws Exception {
        PartitionSplitter splitter = new PartitionSplitter(partition, List.of("S", "Out"));
        QueryKeySelector keys = QueryKeySelector.partitionKey();
        List<String> outputs = new ArrayList<>();
        for (String symbol : SYMBOLS) {
            List<TaggedEvent> routed = new ArrayList<>();
            splitter.flatMap(new TaggedEvent(0, new Event(ts, new Object[] {symbol, volume})), collector(routed));
            assertEquals(1, routed.size());
            TaggedEvent tagged = routed.get(0);
            assertEquals(symbol, keys.getKey(tagged));
            int subtask = KeyGroupRangeAssignment.assignKeyToParallelOperator(keys.getKey(tagged), MAX_PARALLELISM,
                    subtasks.size());
            for (KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness : subtasks) {
                harness.processWatermark(new Watermark(ts));
            }
            subtasks.get(subtask).processElement(new StreamRecord<>(tagged, ts));
            outputs.addAll(QueryOperatorTest.outputs(subtasks.get(subtask)));
        }
        return outputs;
    }

    private static Collector<TaggedEvent> collector(List<TaggedEvent> into) {
        return new Collector<>() {
            @Override
            public void collect(TaggedEvent record) {
                into.add(record);
            }

            @Override
            public void close() {
            }
        };
    }

    private static List<String> expectedTotals(long total, long ts) {
        List<String> expected = new ArrayList<>();
        for (String symbol : SYMBOLS) {
            expected.add(ts + " [" + symbol + ", " + total + "]");
        }
        return expected;
    }

    private static List<KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent>> open(
            PartitionPlan partition, int parallelism, OperatorSubtaskState restoreFrom, int oldParallelism)
            throws Exception {
        List<KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent>> subtasks = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            QueryGraphOperator operator = new QueryGraphOperator(partition.queries(), List.of("S", "Out"),
                    Map.of("Out", QueryOperatorTest.OUT), TimeMode.EVENT_TIME);
            KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness =
                    new KeyedOneInputStreamOperatorTestHarness<>(operator, QueryKeySelector.partitionKey(),
                            Types.STRING, MAX_PARALLELISM, parallelism, i);
            if (restoreFrom != null) {
                harness.initializeState(AbstractStreamOperatorTestHarness.repartitionOperatorState(restoreFrom,
                        MAX_PARALLELISM, oldParallelism, parallelism, i));
            }
            harness.open();
            subtasks.add(harness);
        }
        return subtasks;
    }

    private static OperatorSubtaskState[] snapshot(
            List<KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent>> subtasks) throws Exception {
        OperatorSubtaskState[] states = new OperatorSubtaskState[subtasks.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = subtasks.get(i).snapshot(1L, 0L);
            subtasks.get(i).close();
        }
        return states;
    }
}
