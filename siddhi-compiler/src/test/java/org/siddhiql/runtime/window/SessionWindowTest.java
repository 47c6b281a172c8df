package org.siddhiql.runtime.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** session; expected chunks are Siddhi 5.1.21's (checked against siddhi-core). */
class SessionWindowTest {

    @Test
    void sessionsPerKeyExpireWithTheirOwnTimestamps() {
        WindowTester w = new WindowTester("session(1000L, sym)", true);
        w.send(1000, "a", 1, 1000L).send(1200, "b", 2, 1200L).send(1500, "a", 3, 1500L)
                .send(2200, "b", 4, 2200L).advance(2500).send(2600, "a", 5, 2600L).advance(4000);
        assertEquals(List.of(
                "CURRENT 1000 [a, 1, 1000L]",
                "CURRENT 1200 [b, 2, 1200L]",
                "CURRENT 1500 [a, 3, 1500L]",
                // b's session ends at 2200, the time of the next b: the timer goes first
                "timer 2200: EXPIRED 1200 [b, 2, 1200L]",
                "CURRENT 2200 [b, 4, 2200L]",
                "timer 2500: EXPIRED 1000 [a, 1, 1000L] | EXPIRED 1500 [a, 3, 1500L]",
                "CURRENT 2600 [a, 5, 2600L]",
                "timer 3200: EXPIRED 2200 [b, 4, 2200L]",
                "timer 3600: EXPIRED 2600 [a, 5, 2600L]"), w.take());
    }

    @Test
    void sessionsEndingTogetherLeaveInSiddhisHashMapOrder() {
        // the keys hash to buckets 8 (x), 1 (ab) and 0 (q1): that, not arrival order, is the order out
        WindowTester w = new WindowTester("session(1000L, sym)", true);
        w.send(1000, "x", 1, 1000L).send(1000, "ab", 2, 1000L).send(1000, "q1", 3, 1000L)
                .send(1000, "x", 4, 1000L).advance(2000);
        assertEquals(List.of(
                "CURRENT 1000 [x, 1, 1000L]",
                "CURRENT 1000 [ab, 2, 1000L]",
                "CURRENT 1000 [q1, 3, 1000L]",
                "CURRENT 1000 [x, 4, 1000L]",
                "timer 2000: EXPIRED 1000 [q1, 3, 1000L] | EXPIRED 1000 [ab, 2, 1000L] | EXPIRED 1000 [x, 1, 1000L]"
                        + " | EXPIRED 1000 [x, 4, 1000L]"), w.take());
    }

    @Test
    void allowedLatencyKeepsAClosedSessionUntilEndPlusLatency() {
        WindowTester w = new WindowTester("session(1000L, sym, 500L)", true);
        w.send(1000, "a", 1, 1000L).send(1500, "a", 2, 1500L).advance(2500).send(2400, "a", 3, 2400L)
                .advance(2800).send(2900, "a", 4, 2900L).advance(5000);
        assertEquals(List.of(
                "CURRENT 1000 [a, 1, 1000L]",
                "CURRENT 1500 [a, 2, 1500L]",
                "CURRENT 2400 [a, 3, 2400L]",
                "CURRENT 2900 [a, 4, 2900L]",
                "timer 3000: EXPIRED 1000 [a, 1, 1000L] | EXPIRED 1500 [a, 2, 1500L]",
                "timer 4400: EXPIRED 2400 [a, 3, 2400L] | EXPIRED 2900 [a, 4, 2900L]"), w.take());
    }

    @Test
    void lateEventsJoinTheirSessionInSiddhisChunkOrderOrAreDropped() {
        WindowTester w = new WindowTester("session(1000L)", true);
        w.send(1000, "a", 1, 1000L).send(3000, "b", 2, 3000L).send(2100, "c", 3, 2100L).send(1900, "d", 4, 1900L)
                .send(500, "x", 9, 500L).send(2500, "e", 5, 2500L).advance(4000);
        assertEquals(List.of(
                "CURRENT 1000 [a, 1, 1000L]",
                "timer 2000: EXPIRED 1000 [a, 1, 1000L]",
                "CURRENT 3000 [b, 2, 3000L]",
                // within a gap before the session start: joins it (and moves the start)
                "CURRENT 2100 [c, 3, 2100L]",
                "CURRENT 1900 [d, 4, 1900L]",
                // x is too late for any session: dropped, not even emitted
                "CURRENT 2500 [e, 5, 2500L]",
                // late events sit where Siddhi's chunk iterator put them
                "timer 4000: EXPIRED 2100 [c, 3, 2100L] | EXPIRED 1900 [d, 4, 1900L] | EXPIRED 3000 [b, 2, 3000L]"
                        + " | EXPIRED 2500 [e, 5, 2500L]"), w.take());
    }
}
