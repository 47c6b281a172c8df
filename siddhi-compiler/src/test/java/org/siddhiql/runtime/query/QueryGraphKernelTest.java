package org.siddhiql.runtime.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.state.InMemoryStateProvider;

/** Queries fused in one graph see chunks and order exactly as Siddhi's junctions hand them on. */
class QueryGraphKernelTest {

    @Test
    void aChunkOfExpiredEventsReachesTheNextQueryWhole() {
        // The time window expires C, D and E in one step; the length window downstream gets them as one chunk, and
        // its aggregating selector outputs only the chunk's last row (Siddhi: [2, 9], not [2,5], [2,7], [2,9]).
        Graph graph = new Graph("define stream In (sym string, vol int);\n"
                + "from In#window.time(1 sec) select sym, vol insert expired events into Left;\n"
                + "from Left#window.length(2) select count() as n, sum(vol) as total insert into Stats;", "Stats");
        graph.send(1800, "C", 3);
        graph.send(2100, "D", 4);
        graph.send(2300, "E", 5);
        assertEquals(List.of(), graph.outputs);
        graph.send(3500, "F", 6);
        assertEquals(List.of("Stats 3500 [2, 9]"), graph.outputs);
    }

    @Test
    void queriesFeedingOneStreamInterleaveInDefinitionOrderDepthFirst() {
        Graph graph = new Graph("define stream In (sym string, vol int);\n"
                + "from In select sym, vol * 10 as vol insert into Mid;\n"
                + "from Mid select sym, vol + 1 as vol insert into Out;\n"
                + "from In select sym, vol insert into Out;", "Out");
        graph.send(1000, "A", 1);
        graph.send(1001, "B", 2);
        assertEquals(List.of("Out 1000 [A, 11]", "Out 1000 [A, 1]", "Out 1001 [B, 21]", "Out 1001 [B, 2]"),
                graph.outputs);
    }

    /** A graph on an in-memory state provider, driven like Siddhi's playback: timers due by an event fire first. */
    private static final class Graph implements StreamContext {
        private final QueryGraphKernel kernel;
        private final TreeSet<Long> timers = new TreeSet<>();
        private final List<String> outputs = new ArrayList<>();
        private long clock = Long.MIN_VALUE;
        private long start = Long.MIN_VALUE;

        Graph(String app, String output) {
            AppPlan plan = new AppCompiler().compile(app);
            kernel = new QueryGraphKernel(plan.queries(), Set.of(output), new InMemoryStateProvider());
        }

        void send(long ts, Object... data) {
            clock = Math.max(clock, ts);
            if (start == Long.MIN_VALUE) {
                start = ts;
            }
            if (!timers.isEmpty() && timers.first() <= clock) {
                timers.headSet(clock, true).clear();
                kernel.fireDueTimers(this);
            }
            kernel.onEvent("In", new Event(ts, data), this);
        }

        @Override
        public void emit(String stream, Event event) {
            outputs.add(stream + " " + event);
        }

        @Override
        public long appStartTime() {
            return start;
        }

        @Override
        public long currentTime() {
            return clock;
        }

        @Override
        public void scheduleAt(long time) {
            timers.add(time);
        }
    }
}
