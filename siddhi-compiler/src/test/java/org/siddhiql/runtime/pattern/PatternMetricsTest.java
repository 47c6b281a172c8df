package org.siddhiql.runtime.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.pattern.PatternKernelTest.Run;
import org.siddhiql.runtime.query.QueryGraphKernel;
import org.siddhiql.runtime.query.QueryMetrics;
import org.siddhiql.runtime.query.StreamContext;
import org.siddhiql.runtime.state.HeapStateProvider;
import org.siddhiql.runtime.state.InMemoryStateProvider;
import org.siddhiql.runtime.state.StateProvider;

/**
 * A pattern's partial matches are bounded by {@code within}, and what the kernel reports shows it: the count and
 * the state's size go up with each started instance and down when a match completes or when an event arrives past
 * {@code within} of an instance's first event (Siddhi checks {@code within} only then, not on the clock alone).
 * Changes to a state object the backend keeps are reported at the next flush; totals over keys are recounted
 * after a restore.
 */
class PatternMetricsTest {
    private static final String STREAMS = "define stream A (id string, v int);\n"
            + "define stream B (id string, v int);\n";
    private static final String WITHIN = "@info(name='q') from every e1=A -> e2=B[id == e1.id] within 1 sec "
            + "select e1.id as id, e2.v as v insert into Out;";

    @Test
    void withinDropsExpiredPartialMatchesWhenTheNextEventArrives() {
        Run run = new Run(WITHIN);
        List<Long> counts = new ArrayList<>();
        run.send("A", 1000, "x", 1);
        counts.add(run.metrics.partialMatches);
        run.send("A", 1100, "y", 2);
        counts.add(run.metrics.partialMatches);
        run.send("A", 1200, "z", 3);
        counts.add(run.metrics.partialMatches);
        long peakBytes = run.metrics.stateBytes;
        run.send("B", 1300, "x", 10); // completes x
        counts.add(run.metrics.partialMatches);
        run.send("A", 2150, "w", 4); // y started 1050 ms ago: dropped; z (950 ms) stays; w starts
        counts.add(run.metrics.partialMatches);
        run.send("B", 3500, "none", 0); // z and w are past within
        counts.add(run.metrics.partialMatches);

        assertEquals(List.of(1L, 2L, 3L, 2L, 2L, 0L), counts);
        assertEquals(List.of("1300 [x, 10]"), run.outputs);
        assertEquals(1, run.metrics.matches);
        assertEquals(run.storedPatternBytes(), run.metrics.stateBytes);
        assertTrue(run.metrics.stateBytes < peakBytes, run.metrics.stateBytes + " < " + peakBytes);
    }

    @Test
    void instancesWithoutEventsAreNoPartialMatchesButWeighInTheStateSize() {
        Run run = new Run(WITHIN);
        run.send("B", 1000, "x", 1); // creates the state: the start step's empty instance waits for A
        assertEquals(0, run.metrics.partialMatches);
        assertEquals(run.storedPatternBytes(), run.metrics.stateBytes);
        assertTrue(run.metrics.stateBytes > 0);
    }

    @Test
    void changesToOneKeptObjectAreReportedAtTheNextFlush() {
        Driver run = new Driver(new HeapStateProvider()); // hands back the object it was given, as Flink's heap
        run.send("A", 1000, "x").send("A", 1100, "y");
        assertEquals(0, run.metrics.partialMatches);
        assertEquals(0, run.metrics.stateBytes);
        run.kernel.flushMetrics();
        assertEquals(2, run.metrics.partialMatches);
        long bytes = run.metrics.stateBytes;
        run.send("B", 1200, "x");
        run.kernel.flushMetrics();
        assertEquals(1, run.metrics.partialMatches);
        assertTrue(run.metrics.stateBytes < bytes, run.metrics.stateBytes + " < " + bytes);
        assertEquals(1, run.metrics.matches); // counted as it happens
    }

    @Test
    void totalsSumOverKeysAndARestoredKernelRecountsThemFromState() {
        InMemoryStateProvider state = new InMemoryStateProvider();
        Driver before = new Driver(state);
        state.setCurrentKey("k1");
        before.send("A", 1000, "x").send("A", 1100, "y");
        state.setCurrentKey("k2");
        before.send("A", 1200, "x");
        before.kernel.flushMetrics();
        assertEquals(3, before.metrics.partialMatches);

        InMemoryStateProvider restoredState = state.restored();
        Driver restored = new Driver(restoredState);
        restored.kernel.recountMetrics(restored, restoredState::forEachKeyHolding);
        assertEquals(3, restored.metrics.partialMatches);
        assertEquals(before.metrics.stateBytes, restored.metrics.stateBytes);

        restoredState.setCurrentKey("k1");
        restored.send("B", 1150, "x");
        restoredState.setCurrentKey("k2");
        restored.send("A", 2500, "z");
        restored.kernel.flushMetrics();
        assertEquals(List.of("1150 [x, 1]"), restored.outputs);
        assertEquals(2, restored.metrics.partialMatches); // k1: y; k2: z (x past within)
        assertEquals(storedBytes(restoredState, "k1") + storedBytes(restoredState, "k2"), restored.metrics.stateBytes);
    }

    private static int storedBytes(InMemoryStateProvider state, String key) {
        state.setCurrentKey(key);
        return state.storedBytes("q.pattern");
    }

    /** The query on the given state, metrics flushed only when a test says so. */
    private static final class Driver implements StreamContext {
        final QueryGraphKernel kernel;
        final MetricTotals metrics = new MetricTotals();
        final List<String> outputs = new ArrayList<>();
        private long clock;

        Driver(StateProvider state) {
            AppPlan plan = new AppCompiler().compile(STREAMS + WITHIN);
            kernel = new QueryGraphKernel(plan.queries(), Set.of("Out"), state);
        }

        Driver send(String stream, long ts, String id) {
            clock = ts;
            kernel.onEvent(stream, new Event(ts, new Object[] {id, 1}), this);
            return this;
        }

        @Override
        public void emit(String stream, Event event) {
            outputs.add(event.timestamp() + " " + java.util.Arrays.deepToString(event.data()));
        }

        @Override
        public long appStartTime() {
            return 0;
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
            assertEquals("q", query);
            return metrics;
        }
    }
}
