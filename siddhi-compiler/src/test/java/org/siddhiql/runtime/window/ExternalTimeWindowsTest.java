package org.siddhiql.runtime.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** externalTime and externalTimeBatch; expected chunks are Siddhi 5.1.21's (checked against siddhi-core). */
class ExternalTimeWindowsTest {

    @Test
    void externalTimeStampsExpiredEventsWithTheArrivingAttribute() {
        WindowTester w = new WindowTester("externalTime(ts, 1000)", true);
        w.send(100, "a", 1, 1000L).send(200, "b", 2, 1500L).send(300, "c", 3, 2000L)
                .send(400, "d", 4, 1200L).send(500, "e", 5, 3100L);
        assertEquals(List.of(
                "CURRENT 100 [a, 1, 1000L]",
                "CURRENT 200 [b, 2, 1500L]",
                "EXPIRED 2000 [a, 1, 1000L] | CURRENT 300 [c, 3, 2000L]",
                "CURRENT 400 [d, 4, 1200L]",
                "EXPIRED 3100 [b, 2, 1500L] | EXPIRED 3100 [c, 3, 2000L] | EXPIRED 3100 [d, 4, 1200L]"
                        + " | CURRENT 500 [e, 5, 3100L]"), w.take());
    }

    @Test
    void externalTimeDropsEventsWithoutTimestamp() {
        WindowTester w = new WindowTester("externalTime(ts, 1000)");
        w.send(100, "a", 1, null);
        assertEquals(List.of(), w.take());
    }

    @Test
    void externalTimeBatchClosesOnTheFirstEventAtOrPastTheEnd() {
        WindowTester w = new WindowTester("externalTimeBatch(ts, 1000)", true);
        w.send(1, "a", 1, 1000L).send(2, "b", 2, 1600L).send(3, "c", 3, 2000L)
                .send(4, "d", 4, 1800L).send(5, "e", 5, 4500L);
        assertEquals(List.of(
                "RESET 2000 [a, 1, 1000L] | CURRENT 1 [a, 1, 1000L] | CURRENT 2 [b, 2, 1600L]",
                // a late event (1800 < 3000) joins the open batch
                "EXPIRED 4500 [a, 1, 1000L] | EXPIRED 4500 [b, 2, 1600L] | RESET 4500 [c, 3, 2000L]"
                        + " | CURRENT 3 [c, 3, 2000L] | CURRENT 4 [d, 4, 1800L]"), w.take());
    }

    @Test
    void externalTimeBatchTimeoutFlushesAndResendsWhenLateEventsFollow() {
        WindowTester w = new WindowTester("externalTimeBatch(ts, 1000, 0, 500, true)", true);
        w.send(1000, "a", 1, 1000L).send(1200, "b", 2, 1600L).advance(1800);
        w.send(1900, "c", 3, 1700L).advance(2500);
        w.send(3000, "d", 4, 2100L).advance(3600);
        assertEquals(List.of(
                // the timeout flushes early; replace.with.batchtime sets ts to the batch end (2000)
                "timer 1500: RESET 1600 [a, 1, 1000L] | CURRENT 1000 [a, 1, 2000L] | CURRENT 1200 [b, 2, 2000L]",
                // c still belongs to that batch: the flushed events go out again with it
                "timer 2300: EXPIRED 1700 [a, 1, 2000L] | EXPIRED 1700 [b, 2, 2000L] | RESET 1700 [c, 3, 1700L]"
                        + " | CURRENT 1000 [a, 1, 2000L] | CURRENT 1200 [b, 2, 2000L] | CURRENT 1900 [c, 3, 2000L]",
                "timer 3500: EXPIRED 2100 [a, 1, 2000L] | EXPIRED 2100 [b, 2, 2000L] | EXPIRED 2100 [c, 3, 2000L]"
                        + " | RESET 2100 [c, 3, 1700L] | CURRENT 3000 [d, 4, 3000L]"), w.take());
    }

    @Test
    void externalTimeBatchStartTimeAttributeIsReadFromTheFirstEvent() {
        WindowTester w = new WindowTester("externalTimeBatch(ts, 1000, ts - 500)");
        w.send(1, "a", 1, 1000L).send(2, "b", 2, 1499L).send(3, "c", 3, 1500L);
        assertEquals(List.of("RESET 1500 [a, 1, 1000L] | CURRENT 1 [a, 1, 1000L] | CURRENT 2 [b, 2, 1499L]"),
                w.take());
    }
}
