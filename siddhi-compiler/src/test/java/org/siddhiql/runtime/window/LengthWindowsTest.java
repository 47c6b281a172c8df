package org.siddhiql.runtime.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** length, lengthBatch and batch; expected chunks are Siddhi 5.1.21's (checked against siddhi-core). */
class LengthWindowsTest {

    @Test
    void lengthExpiresTheOldestStampedWithTheClock() {
        WindowTester w = new WindowTester("length(2)");
        w.send(1000, "a", 1, 1000L).send(1100, "b", 2, 1100L).send(1200, "c", 3, 1200L);
        assertEquals(List.of(
                "CURRENT 1000 [a, 1, 1000L]",
                "CURRENT 1100 [b, 2, 1100L]",
                "EXPIRED 1200 [a, 1, 1000L] | CURRENT 1200 [c, 3, 1200L]"), w.take());
        // an event older than the clock: the expired event takes the clock's time, the arrival keeps its own
        w.advance(1500).send(1300, "d", 4, 1300L);
        assertEquals(List.of("EXPIRED 1500 [b, 2, 1100L] | CURRENT 1300 [d, 4, 1300L]"), w.take());
    }

    @Test
    void lengthZeroEmitsEachEventAsCurrentExpiredAndReset() {
        WindowTester w = new WindowTester("length(0)");
        w.send(1000, "a", 1, 1000L).advance(1500).send(1200, "b", 2, 1200L);
        assertEquals(List.of(
                "CURRENT 1000 [a, 1, 1000L] | EXPIRED 1000 [a, 1, 1000L] | RESET 1000 [a, 1, 1000L]",
                "CURRENT 1200 [b, 2, 1200L] | EXPIRED 1200 [b, 2, 1200L] | RESET 1200 [b, 2, 1200L]"), w.take());
    }

    @Test
    void lengthBatchWithoutExpiredOutput() {
        WindowTester w = new WindowTester("lengthBatch(2)");
        w.send(1000, "a", 1, 1000L).send(1100, "b", 2, 1100L).send(1200, "c", 3, 1200L).advance(1500)
                .send(1400, "d", 4, 1400L).send(1500, "e", 5, 1500L);
        assertEquals(List.of(
                "RESET 1100 [a, 1, 1000L] | CURRENT 1000 [a, 1, 1000L] | CURRENT 1100 [b, 2, 1100L]",
                "RESET 1500 [c, 3, 1200L] | CURRENT 1200 [c, 3, 1200L] | CURRENT 1400 [d, 4, 1400L]"), w.take());
    }

    @Test
    void lengthBatchExpiresThePreviousBatchWhenExpiredEventsAreOutput() {
        WindowTester w = new WindowTester("lengthBatch(2)", true);
        w.send(1000, "a", 1, 1000L).send(1100, "b", 2, 1100L).send(1200, "c", 3, 1200L).advance(1500)
                .send(1400, "d", 4, 1400L);
        assertEquals(List.of(
                "RESET 1100 [a, 1, 1000L] | CURRENT 1000 [a, 1, 1000L] | CURRENT 1100 [b, 2, 1100L]",
                "EXPIRED 1500 [a, 1, 1000L] | EXPIRED 1500 [b, 2, 1100L] | RESET 1500 [c, 3, 1200L]"
                        + " | CURRENT 1200 [c, 3, 1200L] | CURRENT 1400 [d, 4, 1400L]"), w.take());
    }

    @Test
    void lengthBatchStreamingCurrentEvents() {
        WindowTester w = new WindowTester("lengthBatch(2, true)", true);
        w.send(1000, "a", 1, 1000L).send(1100, "b", 2, 1100L).send(1200, "c", 3, 1200L)
                .send(1300, "d", 4, 1300L).send(1400, "e", 5, 1400L);
        assertEquals(List.of(
                "CURRENT 1000 [a, 1, 1000L]",
                "CURRENT 1100 [b, 2, 1100L]",
                "EXPIRED 1200 [a, 1, 1000L] | EXPIRED 1200 [b, 2, 1100L] | RESET 1200 [a, 1, 1000L]"
                        + " | CURRENT 1200 [c, 3, 1200L]",
                "CURRENT 1300 [d, 4, 1300L]",
                // Siddhi's reset copies the first event after the previous reset went out: d, not c
                "EXPIRED 1400 [c, 3, 1200L] | EXPIRED 1400 [d, 4, 1300L] | RESET 1400 [d, 4, 1300L]"
                        + " | CURRENT 1400 [e, 5, 1400L]"), w.take());
    }

    @Test
    void lengthBatchZeroResetsEveryEventAtTheClock() {
        WindowTester w = new WindowTester("lengthBatch(0)", true);
        w.send(1000, "a", 1, 1000L).advance(1500).send(1200, "b", 2, 1200L);
        assertEquals(List.of(
                "CURRENT 1000 [a, 1, 1000L] | EXPIRED 1000 [a, 1, 1000L] | RESET 1000 [a, 1, 1000L]",
                "CURRENT 1200 [b, 2, 1200L] | EXPIRED 1500 [b, 2, 1200L] | RESET 1500 [b, 2, 1200L]"), w.take());
    }

    @Test
    void batchTreatsEachEventAsABatch() {
        WindowTester w = new WindowTester("batch()");
        w.send(1000, "a", 1, 1000L).send(1100, "b", 2, 1100L).send(1100, "c", 3, 1100L);
        assertEquals(List.of(
                "CURRENT 1000 [a, 1, 1000L]",
                "RESET 1000 [a, 1, 1000L] | CURRENT 1100 [b, 2, 1100L]",
                "RESET 1100 [b, 2, 1100L] | CURRENT 1100 [c, 3, 1100L]"), w.take());
    }

    @Test
    void batchWithExpiredOutputKeepsTheResetTimestampButStampsExpiredWithTheClock() {
        WindowTester w = new WindowTester("batch()", true);
        w.send(1000, "a", 1, 1000L).send(1100, "b", 2, 1100L).advance(1500).send(1200, "c", 3, 1200L);
        assertEquals(List.of(
                "CURRENT 1000 [a, 1, 1000L]",
                "EXPIRED 1100 [a, 1, 1000L] | RESET 1000 [a, 1, 1000L] | CURRENT 1100 [b, 2, 1100L]",
                "EXPIRED 1500 [b, 2, 1100L] | RESET 1100 [b, 2, 1100L] | CURRENT 1200 [c, 3, 1200L]"), w.take());
    }
}
