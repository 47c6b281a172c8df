package org.siddhiql.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.compiler.plan.QueryPlan;

/** How named windows and triggers are planned, and what about them is refused at compile time. */
class NamedWindowAndTriggerPlanningTest {
    private static final String S = "define stream S (k string, v int);\n";

    @Test
    void aNamedWindowIsSharedStateNotAStreamAndEveryQueryTouchingItRunsGlobally() {
        AppPlan plan = compile(S + "define window W (k string, v int) length(2) output expired events;\n"
                + "@info(name='feed') from S insert into W;\n"
                + "@info(name='read') from W[v > 1] select k insert into Out;");
        assertNull(plan.stream("W"));
        assertEquals(List.of("S"), plan.inputStreams());
        assertEquals(List.of("Out"), plan.outputStreams());
        assertEquals(List.of("feed GLOBAL [W length(2)] W", "read GLOBAL [W length(2)] null"),
                plan.queries().stream().map(NamedWindowAndTriggerPlanningTest::describe).collect(Collectors.toList()));
    }

    @Test
    void aTriggerIsAnInputStreamWithItsFiringTimeAndItsReadersRunGlobally() {
        AppPlan plan = compile("define trigger Tick at every 2 sec;\n"
                + "define trigger Boot at 'START';\n"
                + "define trigger Nightly at '0 0 2 * * ?';\n"
                + "from Tick select triggered_time as t insert into A;\n"
                + "from Boot select triggered_time as t insert into A;\n"
                + "from Nightly select triggered_time as t insert into A;");
        assertEquals("Tick (triggered_time long)", plan.stream("Tick").toString());
        assertEquals(List.of("Boot", "Nightly", "Tick"), plan.inputStreams().stream().sorted().collect(Collectors.toList()));
        assertEquals(List.of("[Tick at every 2000 ms]", "[Boot at 'start']", "[Nightly at '0 0 2 * * ?']"),
                plan.queries().stream().map(q -> q.triggers().toString()).collect(Collectors.toList()));
    }

    @Test
    void refusesTriggerTimesThatSiddhiFailsToStart() {
        // siddhi-core accepts both when validating and only logs an error when the app starts: no trigger runs.
        assertEquals("1:1: trigger 'T' must fire at 'start', at every <time> or at a cron expression, but invalid "
                + "cron expression 'every night': Illegal characters for this position: 'EVE'",
                rejection("define trigger T at 'every night';"));
        assertEquals("1:1: trigger 'T' must fire at a positive interval, got 0 ms",
                rejection("define trigger T at every 0 sec;"));
    }

    @Test
    void refusesWhatIsNotSupportedYetAtItsPosition() {
        assertEquals("3:30: cannot insert into trigger 'T'", rejection(
                "define trigger T at 'start';\ndefine stream L (triggered_time long);\n"
                        + "from L select triggered_time insert into T;"));
        String window = S + "define window W (k string, v int) length(2);\n";
        assertEquals("3:31: named windows inside a partition are not supported yet", rejection(window
                + "partition with (k of S) begin from S insert into W; end;"));
        assertEquals("3:31: filters on a named window's side of a join are not supported yet", rejection(window
                + "from S#window.length(1) join W[v > 1] on S.k == W.k select S.k as k insert into J;"));
        assertEquals("3:30: joining named window 'Top' (sort(2, v)) is not supported yet", rejection(S
                + "define window Top (k string, v int) sort(2, v);\nfrom S#window.length(1) join Top on S.k == Top.k "
                + "select S.k as k insert into J;"));
        assertEquals("3:30: joining named window 'B' (lengthBatch(2)) that outputs current events only is not "
                + "supported yet", rejection(S + "define window B (k string, v int) lengthBatch(2) output current "
                + "events;\nfrom S#window.length(1) join B on S.k == B.k select S.k as k insert into J;"));
    }

    private static String describe(QueryPlan query) {
        return query.name() + " " + query.keying() + " " + query.namedWindows() + " "
                + (query.outputWindow() == null ? null : query.outputWindow().name());
    }

    private static String rejection(String app) {
        return assertThrows(CompileException.class, () -> compile(app)).getMessage();
    }

    private static AppPlan compile(String app) {
        return new AppCompiler().compile(app);
    }
}
