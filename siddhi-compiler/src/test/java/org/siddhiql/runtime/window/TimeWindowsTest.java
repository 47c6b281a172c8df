package org.siddhiql.runtime.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** time, delay, timeBatch and timeLength; expected chunks are Siddhi 5.1.21's (checked against siddhi-core). */
class TimeWindowsTest {

    @Test
    void timeExpiresAtTheBoundaryAndTimersFireBeforeTheEventOfTheSameTime() {
        WindowTester w = new WindowTester("time(1000)", true);
        w.send(1000, "a", 1, 1000L).send(1500, "b", 2, 1500L);
        w.advance(2000); // exactly timestamp + 1000: a leaves
        w.send(2400, "c", 3, 2400L);
        w.send(2500, "d", 4, 2500L); // b's timer is due at 2500, the time of d: the timer goes first
        w.send(3000, "e", 5, 3000L);
        w.advance(4000); // the timer at 3400 fires late: expired events take the clock's time
        assertEquals(List.of(
                "CURRENT 1000 [a, 1, 1000L]",
                "CURRENT 1500 [b, 2, 1500L]",
                "timer 2000: EXPIRED 2000 [a, 1, 1000L]",
                "CURRENT 2400 [c, 3, 2400L]",
                "timer 2500: EXPIRED 2500 [b, 2, 1500L]",
                "CURRENT 2500 [d, 4, 2500L]",
                "CURRENT 3000 [e, 5, 3000L]",
                "timer 3400: EXPIRED 4000 [c, 3, 2400L] | EXPIRED 4000 [d, 4, 2500L] | EXPIRED 4000 [e, 5, 3000L]"),
                w.take());
    }

    @Test
    void delayReleasesEventsAsCurrentStampedWithTheClock() {
        WindowTester w = new WindowTester("delay(500)");
        w.send(1000, "a", 1, 1000L).send(1200, "b", 2, 1200L).send(1500, "c", 3, 1500L);
        w.send(1200, "x", 9, 1200L); // older than the clock: no timer of its own, it leaves with c
        w.advance(1800).advance(2000);
        assertEquals(List.of(
                "timer 1500: CURRENT 1500 [a, 1, 1000L]",
                "timer 1700: CURRENT 1800 [b, 2, 1200L]",
                "timer 2000: CURRENT 2000 [c, 3, 1500L] | CURRENT 2000 [x, 9, 1200L]"), w.take());
    }

    @Test
    void timeBatchFlushesOnTheTimerDueAtTheNextEventsTime() {
        WindowTester w = new WindowTester("timeBatch(1000)", true);
        w.send(1000, "a", 1, 1000L).send(1500, "b", 2, 1500L).send(2000, "c", 3, 2000L);
        w.advance(3000).advance(4000).send(5500, "d", 4, 5500L);
        assertEquals(List.of(
                "timer 2000: RESET 1000 [a, 1, 1000L] | CURRENT 1000 [a, 1, 1000L] | CURRENT 1500 [b, 2, 1500L]",
                "timer 3000: EXPIRED 3000 [a, 1, 1000L] | EXPIRED 3000 [b, 2, 1500L] | RESET 2000 [c, 3, 2000L]"
                        + " | CURRENT 2000 [c, 3, 2000L]",
                // an empty batch still expires the previous one, with no reset
                "timer 4000: EXPIRED 4000 [c, 3, 2000L]"), w.take());
    }

    @Test
    void timeBatchWithoutExpiredOutputSendsNothingForAnEmptyBatch() {
        WindowTester w = new WindowTester("timeBatch(1000)");
        w.send(1000, "a", 1, 1000L).send(1500, "b", 2, 1500L).send(2000, "c", 3, 2000L);
        w.advance(3000).advance(4000);
        assertEquals(List.of(
                "timer 2000: RESET 1000 [a, 1, 1000L] | CURRENT 1000 [a, 1, 1000L] | CURRENT 1500 [b, 2, 1500L]",
                "timer 3000: RESET 2000 [c, 3, 2000L] | CURRENT 2000 [c, 3, 2000L]"), w.take());
    }

    @Test
    void timeBatchCatchesUpOnePeriodPerTimer() {
        WindowTester w = new WindowTester("timeBatch(1000)", true);
        w.send(1000, "a", 1, 1000L).send(1500, "b", 2, 1500L).advance(4200);
        w.send(4300, "c", 3, 4300L).advance(5000);
        assertEquals(List.of(
                "timer 2000: RESET 1000 [a, 1, 1000L] | CURRENT 1000 [a, 1, 1000L] | CURRENT 1500 [b, 2, 1500L]",
                "timer 3000: EXPIRED 4200 [a, 1, 1000L] | EXPIRED 4200 [b, 2, 1500L]",
                "timer 5000: RESET 4300 [c, 3, 4300L] | CURRENT 4300 [c, 3, 4300L]"), w.take());
    }

    @Test
    void timeBatchStartTimeAlignsBatchesToItsGrid() {
        WindowTester w = new WindowTester("timeBatch(1000, 200)");
        w.send(1050, "a", 1, 1050L).send(1150, "b", 2, 1150L).send(1200, "c", 3, 1200L).advance(2200);
        assertEquals(List.of(
                "timer 1200: RESET 1050 [a, 1, 1050L] | CURRENT 1050 [a, 1, 1050L] | CURRENT 1150 [b, 2, 1150L]",
                "timer 2200: RESET 1200 [c, 3, 1200L] | CURRENT 1200 [c, 3, 1200L]"), w.take());
        assertEquals(List.of(3200L), w.pendingTimers());
    }

    @Test
    void timeBatchStreamingCurrentEvents() {
        WindowTester w = new WindowTester("timeBatch(1000, true)", true);
        w.send(1000, "a", 1, 1000L).send(1500, "b", 2, 1500L).send(2000, "c", 3, 2000L).advance(3000);
        assertEquals(List.of(
                "CURRENT 1000 [a, 1, 1000L]",
                "CURRENT 1500 [b, 2, 1500L]",
                "timer 2000: EXPIRED 2000 [a, 1, 1000L] | EXPIRED 2000 [b, 2, 1500L] | RESET 1000 [a, 1, 1000L]",
                "CURRENT 2000 [c, 3, 2000L]",
                "timer 3000: EXPIRED 3000 [c, 3, 2000L] | RESET 2000 [c, 3, 2000L]"), w.take());
        assertEquals(WindowSpec.ProcessingMode.RESET, w.spec.processingMode());
    }

    @Test
    void timeLengthExpiresByLengthAndByTime() {
        WindowTester w = new WindowTester("timeLength(1000, 2)", true);
        w.send(1000, "a", 1, 1000L).send(1100, "b", 2, 1100L).send(1200, "c", 3, 1200L).advance(2150);
        assertEquals(List.of(
                "CURRENT 1000 [a, 1, 1000L]",
                "CURRENT 1100 [b, 2, 1100L]",
                "EXPIRED 1200 [a, 1, 1000L] | CURRENT 1200 [c, 3, 1200L]",
                "timer 2000: EXPIRED 2150 [b, 2, 1100L]"), w.take());
    }

    @Test
    void timeLengthTimersFireInSiddhisArrivalOrder() {
        // b's expiry time (2000) is asked for after a's (6000); Siddhi only looks at the oldest request, so b waits
        WindowTester w = new WindowTester("timeLength(1000, 5)", true);
        w.send(5000, "a", 1, 5000L).send(1000, "b", 2, 1000L).advance(5500).advance(5600);
        w.send(5700, "c", 3, 5700L).advance(6000).advance(7000);
        assertEquals(List.of(
                "CURRENT 5000 [a, 1, 5000L]",
                "CURRENT 1000 [b, 2, 1000L]",
                "CURRENT 5700 [c, 3, 5700L]",
                "timer 6000: EXPIRED 6000 [a, 1, 5000L] | EXPIRED 6000 [b, 2, 1000L]",
                "timer 6700: EXPIRED 7000 [c, 3, 5700L]"), w.take());
    }
}
