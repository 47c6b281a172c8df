package org.siddhiql.runtime.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * cron(expression): Siddhi's CronWindowProcessor fires from Quartz on the wall clock, so its chunks are compared with
 * what that processor emits per instant (previous batch EXPIRED, the held events CURRENT, no RESET) rather than with
 * a siddhi-core run. The expressions use only the seconds field, so the instants do not depend on the time zone.
 */
class CronWindowTest {

    @Test
    void emitsTheHeldEventsAtEachInstantAfterThePreviousBatchExpired() {
        WindowTester w = new WindowTester("cron('*/2 * * * * ?')");
        w.send(1000, "a", 1, 1000L).send(1500, "b", 2, 1500L);
        w.send(2500, "c", 3, 2500L); // the instant 2000 fires first
        w.advance(4000);
        w.advance(6000); // nothing held since 4000: nothing emitted, the batch of 4000 stays the previous one
        w.send(6100, "d", 4, 6100L).advance(8000);
        assertEquals(List.of(
                "timer 2000: CURRENT 1000 [a, 1, 1000L] | CURRENT 1500 [b, 2, 1500L]",
                "timer 4000: EXPIRED 4000 [a, 1, 1000L] | EXPIRED 4000 [b, 2, 1500L] | CURRENT 2500 [c, 3, 2500L]",
                "timer 8000: EXPIRED 8000 [c, 3, 2500L] | CURRENT 6100 [d, 4, 6100L]"), w.take());
    }

    @Test
    void expiredEventsAreEmittedWhetherOrNotTheQueryOutputsThem() {
        WindowTester current = new WindowTester("cron('*/2 * * * * ?')", false);
        WindowTester all = new WindowTester("cron('*/2 * * * * ?')", true);
        for (WindowTester w : List.of(current, all)) {
            w.send(1000, "a", 1, 1000L).advance(2000).send(3000, "b", 2, 3000L).advance(4000);
        }
        assertEquals(all.take(), current.take());
    }

    @Test
    void aClockJumpOverSeveralInstantsFiresOnceThenWaitsForTheFirstInstantAfterTheClock() {
        WindowTester w = new WindowTester("cron('* * * * * ?')");
        w.send(500, "a", 1, 500L).advance(60_500);
        assertEquals(List.of("timer 1000: CURRENT 500 [a, 1, 500L]"), w.take());
        assertEquals(List.of(61_000L), w.pendingTimers());
    }

    @Test
    void noInstantIsScheduledBeforeTheFirstArrival() {
        WindowTester w = new WindowTester("cron('*/5 * * * * ?')");
        w.advance(12_000);
        assertEquals(List.of(), w.pendingTimers());
        w.send(12_000, "a", 1, 12_000L);
        assertEquals(List.of(15_000L), w.pendingTimers());
    }

    @Test
    void quartzRejectsAMalformedExpression() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WindowTester.spec("cron('every minute')", WindowTester.S, false));
        assertEquals("invalid cron expression 'every minute': Illegal characters for this position: 'EVE'",
                e.getMessage());
    }
}
