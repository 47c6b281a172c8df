package org.siddhiql.runtime.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** frequent and lossyFrequent; expected chunks are Siddhi 5.1.21's (checked against siddhi-core). */
class FrequentWindowsTest {

    @Test
    void frequentCountsDownInSiddhisMapOrder() {
        WindowTester w = new WindowTester("frequent(2, sym)", true);
        w.send(1000, "x", 1, 1000L).send(1100, "ab", 2, 1100L).send(1200, "q1", 3, 1200L)
                .send(1300, "q1", 4, 1300L).send(1400, "zz", 5, 1400L).send(1500, "x", 6, 1500L)
                .send(1600, "m", 7, 1600L);
        assertEquals(List.of(
                "CURRENT 1000 [x, 1, 1000L]",
                "CURRENT 1100 [ab, 2, 1100L]",
                "EXPIRED 1200 [ab, 2, 1100L] | EXPIRED 1200 [x, 1, 1000L] | CURRENT 1200 [q1, 3, 1200L]",
                "CURRENT 1300 [q1, 4, 1300L]",
                "CURRENT 1400 [zz, 5, 1400L]",
                "EXPIRED 1500 [zz, 5, 1400L] | CURRENT 1500 [x, 6, 1500L]",
                // the kept event of a key is its latest (q1 at 1300)
                "EXPIRED 1600 [q1, 4, 1300L] | EXPIRED 1600 [x, 6, 1500L] | CURRENT 1600 [m, 7, 1600L]"), w.take());
    }

    @Test
    void frequentDropsANewKeyWhenNoKeyReachesZero() {
        WindowTester w = new WindowTester("frequent(1, sym)", true);
        w.send(1000, "a", 1, 1000L).send(1100, "a", 2, 1100L).send(1200, "b", 3, 1200L).send(1300, "b", 4, 1300L);
        assertEquals(List.of(
                "CURRENT 1000 [a, 1, 1000L]",
                "CURRENT 1100 [a, 2, 1100L]",
                "EXPIRED 1300 [a, 2, 1100L] | CURRENT 1300 [b, 4, 1300L]"), w.take());
    }

    @Test
    void lossyFrequent() {
        WindowTester w = new WindowTester("lossyFrequent(0.4, 0.25, sym)", true);
        w.send(1000, "x", 1, 1000L).send(1100, "ab", 2, 1100L).send(1200, "x", 3, 1200L)
                .send(1300, "q1", 4, 1300L).send(1400, "x", 5, 1400L).send(1500, "ab", 6, 1500L)
                .send(1600, "q1", 7, 1600L).send(1700, "zz", 8, 1700L);
        assertEquals(List.of(
                "CURRENT 1000 [x, 1, 1000L]",
                "CURRENT 1100 [ab, 2, 1100L]",
                "CURRENT 1200 [x, 3, 1200L]",
                "CURRENT 1300 [q1, 4, 1300L] | EXPIRED 1300 [q1, 4, 1300L] | EXPIRED 1300 [ab, 2, 1100L]",
                "CURRENT 1400 [x, 5, 1400L]",
                "CURRENT 1500 [ab, 6, 1500L]",
                "EXPIRED 1700 [q1, 7, 1600L] | EXPIRED 1700 [zz, 8, 1700L] | EXPIRED 1700 [ab, 6, 1500L]"), w.take());
    }

    @Test
    void withoutAttributeFrequentKeysOnWhatTheQuerySelects() {
        // select price + 1 as x, sym: Siddhi's events carry [null, sym] at the window, so a1 and a2 share a key
        WindowSpec spec = FrequentWindow.FACTORY.create(WindowTester.params("frequent(1)"),
                new TestCompileContext(WindowTester.S, true) {
                    @Override
                    public int[] selectedInputAttributes() {
                        return new int[] {-1, 0};
                    }
                });
        WindowTester w = new WindowTester(spec);
        w.send(1000, "a", 1, 1000L).send(1100, "a", 2, 1100L).send(1200, "b", 3, 1200L).send(1300, "b", 4, 1300L);
        assertEquals(List.of(
                "CURRENT 1000 [a, 1, 1000L]",
                "CURRENT 1100 [a, 2, 1100L]",
                "EXPIRED 1300 [a, 2, 1100L] | CURRENT 1300 [b, 4, 1300L]"), w.take());
    }
}
