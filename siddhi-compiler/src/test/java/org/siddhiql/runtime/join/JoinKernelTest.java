package org.siddhiql.runtime.join;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.siddhiql.runtime.query.PlaybackDriver;

/** Joins between windowed streams: each side's window output is matched against the other side's contents. */
class JoinKernelTest {
    private static final String STREAMS = "define stream L (k string, v int);\ndefine stream R (k string, w int);\n";

    @Test
    void anInnerJoinMatchesEachArrivalAgainstTheOtherWindow() {
        PlaybackDriver join = new PlaybackDriver(STREAMS + "from L#window.length(2) join R#window.length(2) "
                + "on L.k == R.k select L.k as k, L.v as v, R.w as w insert into Out;", "Out");
        join.send("L", 1000, "a", 1);
        assertEquals(List.of(), join.takeOutputs());
        join.send("R", 1100, "a", 10);
        assertEquals(List.of("Out 1100 [a, 1, 10]"), join.takeOutputs());
        join.send("L", 1200, "a", 2).send("L", 1300, "b", 3);
        // (a, 1) leaves L's window as (b, 3) enters: its expired row is not inserted; (b, 3) has no partner.
        assertEquals(List.of("Out 1200 [a, 2, 10]"), join.takeOutputs());
    }

    @Test
    void aLeftOuterJoinKeepsUnmatchedLeftEventsWithNulls() {
        PlaybackDriver join = new PlaybackDriver(STREAMS + "from L#window.length(2) left outer join R#window.length(2) "
                + "on L.k == R.k select L.k as k, L.v as v, R.w as w insert into Out;", "Out");
        join.send("L", 1000, "a", 1).send("R", 1100, "a", 10).send("L", 1200, "b", 2);
        assertEquals(List.of("Out 1000 [a, 1, null]", "Out 1100 [a, 1, 10]", "Out 1200 [b, 2, null]"),
                join.takeOutputs());
    }

    @Test
    void onlyTheUnidirectionalSideTriggers() {
        PlaybackDriver join = new PlaybackDriver(STREAMS + "from L unidirectional join R#window.length(3) "
                + "on L.k == R.k select L.k as k, L.v as v, R.w as w insert into Out;", "Out");
        join.send("R", 1000, "a", 10).send("R", 1100, "a", 11);
        assertEquals(List.of(), join.takeOutputs());
        join.send("L", 1200, "a", 1);
        assertEquals(List.of("Out 1200 [a, 1, 10]", "Out 1200 [a, 1, 11]"), join.takeOutputs());
    }
}
