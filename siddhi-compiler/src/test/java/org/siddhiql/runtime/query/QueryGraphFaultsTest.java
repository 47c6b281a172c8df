package org.siddhiql.runtime.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.fault.EngineFailure;
import org.siddhiql.runtime.state.InMemoryStateProvider;

/**
 * A failure while a stream's chunk passes through its readers belongs to that stream, as in Siddhi's stream junctions:
 * it stops the later readers and the stream's output, and goes to the fault stream or is logged and counted.
 */
class QueryGraphFaultsTest {
    private static final String READINGS = "@OnError(action='%s')\n"
            + "define stream In (id string, raw string);\n"
            + "from In select id, ifThenElse(raw is null, 0, cast(raw, 'int') + 1) as v insert into Out;\n"
            + "from In select id insert into Seen;\n";

    @Test
    void aFailingEventGoesToTheFaultStreamWithItsError() {
        PlaybackDriver graph = new PlaybackDriver(String.format(READINGS, "STREAM")
                + "from !In select id, raw, _error insert into Faults;", "Out", "Seen", "Faults");
        graph.send("In", 1, "a", null).send("In", 2, "b", "7").send("In", 3, "c", null);
        assertEquals(List.of("Out 1 [a, 0]", "Seen 1 [a]",
                "Faults 2 [b, 7, java.lang.ClassCastException: cast(): cannot cast java.lang.String value '7' to int]",
                "Out 3 [c, 0]", "Seen 3 [c]"), graph.takeOutputs());
        assertEquals(List.of(), graph.dropped());
    }

    @Test
    void withLogTheFailingEventIsCountedAndTheNextOneGoesOn() {
        PlaybackDriver graph = new PlaybackDriver(String.format(READINGS, "LOG"), "Out", "Seen");
        graph.send("In", 1, "a", "x").send("In", 2, "b", null);
        assertEquals(List.of("Out 2 [b, 0]", "Seen 2 [b]"), graph.takeOutputs());
        assertEquals(List.of("In 1"), graph.dropped());
    }

    @Test
    void anEngineFailureIsNoFaultOfTheAppAndFailsTheRun() {
        AppPlan plan = new AppCompiler().compile(String.format(READINGS, "STREAM")
                + "from !In select id insert into Faults;");
        QueryGraphKernel graph = new QueryGraphKernel(plan.queries(), Set.of("Out"), plan.faults(),
                new InMemoryStateProvider());
        StreamContext failingOutput = new StreamContext() {
            @Override
            public void emit(String stream, Event event) {
                throw new IllegalStateException("the sink is gone");
            }

            @Override
            public long currentTime() {
                return 1;
            }

            @Override
            public long appStartTime() {
                return 0;
            }

            @Override
            public void scheduleAt(long time) {
            }
        };
        EngineFailure failure = assertThrows(EngineFailure.class,
                () -> graph.onEvent("In", new Event(1, new Object[] {"a", null}), failingOutput));
        assertEquals("the sink is gone", failure.getCause().getMessage());
    }

    @Test
    void aFailureDownstreamBelongsToTheStreamBeingReadAndHidesItsOutput() {
        PlaybackDriver graph = new PlaybackDriver("@OnError(action='STREAM')\n"
                + "define stream In (id string, raw string);\n"
                + "from In select id, raw insert into Mid;\n"
                + "from Mid select id, cast(raw, 'int') * 2 as v insert into Out;\n"
                + "from !In select id insert into InFaults;", "Mid", "Out", "InFaults");
        graph.send("In", 1, "a", "x");
        assertEquals(List.of(), graph.takeOutputs());
        assertEquals(List.of("Mid 1"), graph.dropped());
    }
}
