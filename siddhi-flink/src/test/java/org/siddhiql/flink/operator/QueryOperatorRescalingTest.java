package org.siddhiql.flink.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.Keying;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.runtime.event.Event;
import org.junit.jupiter.api.Test;

/** Group-by state is keyed state: it follows its key groups when a job is restored at another parallelism. */
class QueryOperatorRescalingTest {
    private static final int MAX_PARALLELISM = 128;
    private static final String RUNNING_SUM = "define stream S (symbol string, volume long);\n"
            + "from S select symbol, sum(volume) as total group by symbol insert into Out;";
    private static final String[] SYMBOLS = {"IBM", "WSO2", "ORCL", "MSFT", "GOOG", "AAPL"};

    @Test
    void runningSumsContinueAfterScalingFromOneToThreeAndBackToTwo() throws Exception {
        QueryPlan plan = new AppCompiler().compile(RUNNING_SUM).queries().get(0);
        assertEquals(Keying.GROUP_BY, plan.keying());

        List<KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent>> one = open(plan, 1, null, 0);
        feed(plan, one, 1000, 1);
        OperatorSubtaskState atOne = AbstractStreamOperatorTestHarness.repackageState(snapshot(one));

        List<KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent>> three = open(plan, 3, atOne, 1);
        List<String> afterFirstRescale = feed(plan, three, 2000, 10);
        assertEquals(expectedTotals(11, 2000), afterFirstRescale);
        OperatorSubtaskState atThree = AbstractStreamOperatorTestHarness.repackageState(snapshot(three));

        List<KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent>> two = open(plan, 2, atThree, 3);
        assertEquals(expectedTotals(111, 3000), feed(plan, two, 3000, 100));
        for (KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness : two) {
            harness.close();
        }
    }

    /** Each symbol once, with the given volume; returns the outputs sorted by symbol order. */
    private static List<String> feed(QueryPlan plan, List<KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent>>
            subtasks, long ts, long volume) throws Exception {
        QueryKeySelector keys = QueryKeySelector.of(plan);
        List<String> outputs = new ArrayList<>();
        for (String symbol : SYMBOLS) {
            Event event = new Event(ts, new Object[] {symbol, volume});
            int subtask = KeyGroupRangeAssignment.assignKeyToParallelOperator(keys.getKey(new TaggedEvent(0, event)), MAX_PARALLELISM,
                    subtasks.size());
            QueryOperatorTest.send(subtasks.get(subtask), ts, symbol, volume);
            outputs.addAll(QueryOperatorTest.outputs(subtasks.get(subtask)));
        }
        return outputs;
    }

    private static List<String> expectedTotals(long total, long ts) {
        List<String> expected = new ArrayList<>();
        for (String symbol : SYMBOLS) {
            expected.add(ts + " [" + symbol + ", " + total + "]");
        }
        return expected;
    }

    private static List<KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent>> open(QueryPlan plan,
            int parallelism, OperatorSubtaskState restoreFrom, int oldParallelism) throws Exception {
        List<KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent>> subtasks = new ArrayList<>();
        for (int i = 0; i < parallelism; i++) {
            KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness =
                    new KeyedOneInputStreamOperatorTestHarness<>(QueryOperatorTest.operator(plan),
                            QueryKeySelector.of(plan), Types.STRING, MAX_PARALLELISM, parallelism, i);
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
