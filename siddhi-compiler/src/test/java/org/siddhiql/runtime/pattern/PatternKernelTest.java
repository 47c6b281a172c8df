package org.siddhiql.runtime.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.compiler.plan.Keying;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.query.QueryGraphKernel;
import org.siddhiql.runtime.query.QueryMetrics;
import org.siddhiql.runtime.query.StreamContext;
import org.siddhiql.runtime.state.InMemoryStateProvider;

/**
 * Patterns give Siddhi 5.1.21's outputs, quirks included. The in-memory state provider keeps state encoded, so every
 * event also round-trips the whole pattern state through {@link PatternStateCodec}.
 */
class PatternKernelTest {
    private static final String STREAMS = "define stream A (id string, v int);\n"
            + "define stream B (id string, v int);\n"
            + "define stream C (id string, v int);\n";

    @Test
    void everyStartsAnInstancePerEventAndOneEventCompletesThemAllInStartOrder() {
        Run run = new Run("from every e1=A -> e2=B[v >= e1.v] select e1.id as aid, e2.id as bid insert into Out;");
        run.send("A", 1000, "a1", 1).send("A", 1100, "a2", 5).send("A", 1200, "a3", 2).send("B", 1300, "b1", 3);
        assertEquals(List.of("1300 [a1, b1]", "1300 [a3, b1]"), run.outputs);
        run.send("B", 1400, "b2", 9);
        assertEquals(List.of("1300 [a1, b1]", "1300 [a3, b1]", "1400 [a2, b2]"), run.outputs);
    }

    @Test
    void withoutEveryThePatternMatchesOnce() {
        Run run = new Run("from e1=A -> e2=B select e1.id as aid, e2.id as bid insert into Out;");
        run.send("A", 1000, "a1", 1).send("A", 1100, "a2", 1).send("B", 1200, "b1", 1)
                .send("A", 1300, "a3", 1).send("B", 1400, "b2", 1);
        assertEquals(List.of("1200 [a1, b1]"), run.outputs);
    }

    @Test
    void everyOverAChainRestartsOnlyWhenTheInstanceCompletes() {
        Run run = new Run("from every (e1=A -> e2=B) select e1.id as aid, e2.id as bid insert into Out;");
        run.send("A", 1000, "a1", 1).send("A", 1100, "a2", 1).send("B", 1200, "b1", 1)
                .send("B", 1300, "b2", 1).send("A", 1400, "a3", 1).send("B", 1500, "b3", 1);
        assertEquals(List.of("1200 [a1, b1]", "1500 [a3, b3]"), run.outputs);
    }

    @Test
    void withinIsInclusiveFromTheFirstEventAndCheckedWhenTheNextEventArrives() {
        Run run = new Run("from every e1=A -> e2=B[id == e1.id] within 1 sec select e1.id as id, e2.v as bv "
                + "insert into Out;");
        run.send("A", 1000, "x", 1).send("A", 1500, "y", 1).send("B", 2000, "x", 10).send("B", 2501, "y", 20);
        assertEquals(List.of("2000 [x, 10]"), run.outputs);
    }

    @Test
    void countedStepCollectsUpToItsMaximumAndIsReadByIndexLastAndAsAList() {
        Run run = new Run("from e1=A<2:3> -> e2=B "
                + "select e1[0].v as first, e1[last].v as lastV, e1[last-1].v as beforeLast, e1[5].v as none, "
                + "e1.v as all, e2.id as bid insert into Out;");
        run.send("A", 1000, "a1", 1).send("A", 1100, "a2", 2).send("A", 1200, "a3", 3).send("A", 1300, "a4", 4)
                .send("B", 1400, "b1", 0);
        assertEquals(List.of("1400 [1, 3, 2, null, [1, 2, 3], b1]"), run.outputs);
    }

    @Test
    void aConditionMayReadTheLastEventsOfACountedStep() {
        Run run = new Run("from every e1=A[v > 20]<2:5> -> e2=A[v < e1[last].v and v < e1[last-1].v] "
                + "select e1[0].v as v0, e1[last].v as vl, e2.v as drop insert into Out;");
        run.send("A", 1000, "a", 30).send("A", 1100, "a", 40).send("A", 1200, "a", 25);
        assertEquals(List.of("1200 [30, 40, 25]"), run.outputs);
    }

    @Test
    void andAcceptsEitherOrderAndOrLeavesTheMissingSideNull() {
        Run and = new Run("from e1=A and e2=B -> e3=C select e1.id as aid, e2.id as bid, e3.id as cid "
                + "insert into Out;");
        and.send("B", 1000, "b1", 1).send("A", 1100, "a1", 1).send("C", 1200, "c1", 1);
        assertEquals(List.of("1200 [a1, b1, c1]"), and.outputs);

        Run or = new Run("from every (e1=A or e2=B) -> e3=C select e1.id as aid, e2.id as bid, e3.id as cid "
                + "insert into Out;");
        or.send("B", 1000, "b1", 1).send("C", 1100, "c1", 1);
        assertEquals(List.of("1100 [null, b1, c1]"), or.outputs);
    }

    @Test
    void everyOnBothStepsDoesNotOutputSimultaneousMatchesInStartOrder() {
        // Siddhi's order (from the oracle): an instance that already matched once waits as a re-added copy stamped
        // with its last match, so it is promoted behind the instances that never matched.
        Run run = new Run("from every e1=A -> every e2=B[v > e1.v] select e1.id as aid, e2.id as bid "
                + "insert into Out;");
        run.send("A", 1000, "a1", 1).send("B", 1100, "b1", 2).send("A", 1200, "a2", 5).send("B", 1300, "b2", 3)
                .send("B", 1400, "b3", 6).send("A", 1500, "a3", 0).send("B", 1600, "b4", 1)
                .send("B", 1700, "b5", 7);
        assertEquals(List.of("1100 [a1, b1]", "1300 [a1, b2]", "1400 [a2, b3]", "1400 [a1, b3]", "1600 [a3, b4]",
                "1700 [a2, b5]", "1700 [a1, b5]", "1700 [a3, b5]"), run.outputs);
    }

    @Test
    void theSelectorAggregatesOverMatches() {
        Run run = new Run("from every e1=A -> e2=B select count() as n, sum(e2.v) as total insert into Out;");
        run.send("A", 1000, "a1", 1).send("A", 1100, "a2", 1).send("B", 1200, "b1", 10);
        assertEquals(List.of("1200 [1, 10]", "1200 [2, 20]"), run.outputs);
    }

    @Test
    void aPatternIsGloballyKeyedAndReadsEachOfItsStreams() {
        AppPlan plan = new AppCompiler().compile(STREAMS
                + "from every e1=A -> e2=B -> e3=A select e1.id as x insert into Out;");
        assertEquals(Keying.GLOBAL, plan.queries().get(0).keying());
        assertEquals(List.of("A", "B"), plan.queries().get(0).inputStreams());
    }

    @Test
    void anUndefinedStreamInASequenceIsRejectedAtItsPosition() {
        CompileException undefined = assertThrows(CompileException.class, () -> new AppCompiler().compile(STREAMS
                + "from every e1=A, not X for 1 sec select e1.id as x insert into Out;"));
        assertTrue(undefined.getMessage().contains("stream 'X' is not defined"), undefined.getMessage());
        assertTrue(undefined.getMessage().startsWith("4:"), undefined.getMessage());
    }

    /**
     * The app's queries on an in-memory state provider; outputs of Out as "ts [data]". After every event (and a flush
     * of the metrics) the state size the queries reported must equal what the provider stores, so every test also
     * checks the metrics' changes.
     */
    static final class Run implements StreamContext {
        private final InMemoryStateProvider state = new InMemoryStateProvider();
        private final QueryGraphKernel kernel;
        final List<String> outputs = new ArrayList<>();
        /** What the queries report, summed over them. */
        final MetricTotals metrics = new MetricTotals();
        private long clock = Long.MIN_VALUE;
        private final long appStart;

        Run(String query) {
            this(query, 0);
        }

        /** @param appStart when the app's clock started (the first event's time in playback) */
        Run(String query, long appStart) {
            this.appStart = appStart;
            AppPlan plan = new AppCompiler().compile(STREAMS + query);
            kernel = new QueryGraphKernel(plan.queries(), Set.of("Out"), state);
        }

        Run send(String stream, long ts, Object... data) {
            clock = Math.max(clock, ts);
            kernel.fireDueTimers(this); // as the backends: the timers due by the new clock run before the event
            kernel.onEvent(stream, new Event(ts, data), this);
            kernel.flushMetrics();
            assertEquals(storedPatternBytes(), metrics.stateBytes, "reported pattern state bytes");
            assertTrue(metrics.partialMatches >= 0, "partial matches: " + metrics.partialMatches);
            return this;
        }

        int storedPatternBytes() {
            int bytes = 0;
            for (String name : state.namesInUse()) {
                if (name.endsWith(".pattern")) {
                    bytes += state.storedBytes(name);
                }
            }
            return bytes;
        }

        @Override
        public void emit(String stream, Event event) {
            outputs.add(event.timestamp() + " " + java.util.Arrays.deepToString(event.data()));
        }

        @Override
        public long appStartTime() {
            return appStart;
        }

        @Override
        public long currentTime() {
            return clock;
        }

        @Override
        public void scheduleAt(long time) {
        }

        @Override
        public QueryMetrics queryMetrics(String query) {
            return metrics;
        }
    }
}
