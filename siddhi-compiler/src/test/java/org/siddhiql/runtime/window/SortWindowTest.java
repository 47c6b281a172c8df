package org.siddhiql.runtime.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** sort; expected chunks are Siddhi 5.1.21's (checked against siddhi-core). */
class SortWindowTest {

    @Test
    void keepsTheSmallestAndExpiresTheLargestAfterTheArrival() {
        WindowTester w = new WindowTester("sort(2, price)", true);
        w.send(1000, "a", 5, 1000L).send(1100, "b", 3, 1100L).send(1200, "c", 4, 1200L)
                .send(1300, "d", 4, 1300L).send(1400, "e", 1, 1400L);
        assertEquals(List.of(
                "CURRENT 1000 [a, 5, 1000L]",
                "CURRENT 1100 [b, 3, 1100L]",
                "CURRENT 1200 [c, 4, 1200L] | EXPIRED 1200 [a, 5, 1000L]",
                // a tie: the one added last leaves
                "CURRENT 1300 [d, 4, 1300L] | EXPIRED 1300 [d, 4, 1300L]",
                "CURRENT 1400 [e, 1, 1400L] | EXPIRED 1400 [c, 4, 1200L]"), w.take());
    }

    @Test
    void sortsBySeveralAttributesAndOrders() {
        WindowTester w = new WindowTester("sort(2, price, 'desc', sym)", true);
        w.send(1000, "a", 5, 1000L).send(1100, "b", 5, 1100L).send(1200, "c", 4, 1200L);
        assertEquals(List.of(
                "CURRENT 1000 [a, 5, 1000L]",
                "CURRENT 1100 [b, 5, 1100L]",
                "CURRENT 1200 [c, 4, 1200L] | EXPIRED 1200 [c, 4, 1200L]"), w.take());
    }

    @Test
    void aNullSortValueJamsTheWindowAsInSiddhi() {
        WindowTester w = new WindowTester("sort(1, price)", true);
        w.send(1000, "a", 5, 1000L).send(1100, "b", null, 1100L).send(1200, "c", 4, 1200L);
        assertEquals(List.of("CURRENT 1000 [a, 5, 1000L]"), w.take());
    }
}
