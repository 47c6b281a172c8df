package org.siddhiql.beam.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.core.InMemoryStateInternals;
import org.apache.beam.runners.core.StateNamespaces;
import org.apache.beam.runners.core.StateTags;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KernelTimersTest {
    private final BeamStateProvider state = new BeamStateProvider();

    @BeforeEach
    void bindInMemoryState() {
        InMemoryStateInternals<String> internals = InMemoryStateInternals.forKey("app");
        state.bind(
                internals.state(StateNamespaces.global(), StateTags.map("values", StringUtf8Coder.of(),
                        ByteArrayCoder.of())),
                internals.state(StateNamespaces.global(), StateTags.map("entries", StringUtf8Coder.of(),
                        ByteArrayCoder.of())));
    }

    @Test
    void firesInTimeOrderThenInTheOrderAskedOncePerTimeAndKey() {
        KernelTimers timers = new KernelTimers(state, "partition0");
        timers.schedule(300, "b");
        timers.schedule(100, "a");
        timers.schedule(300, "a");
        timers.schedule(100, "a"); // the same time and key again: one firing, as Flink's timer service
        timers.schedule(200, "c");
        assertEquals(100L, timers.earliest());

        List<String> fired = new ArrayList<>();
        for (String key = timers.pollDue(300); key != null; key = timers.pollDue(300)) {
            fired.add(key);
        }
        assertEquals(List.of("a", "c", "b", "a"), fired);
        assertNull(timers.earliest());
    }

    @Test
    void leavesTimersThatAreNotDueAndKeepsStagesApart() {
        KernelTimers first = new KernelTimers(state, "app");
        KernelTimers second = new KernelTimers(state, "partition0");
        first.schedule(500, "app");
        second.schedule(100, "partition0:k");

        assertNull(first.pollDue(499));
        assertEquals("partition0:k", second.pollDue(499));
        assertEquals(500L, first.earliest());
        assertEquals("app", first.pollDue(500));
    }

    @Test
    void ordersTimesBeforeTheEpochAndAtTheEndOfTime() {
        KernelTimers timers = new KernelTimers(state, "partition0");
        timers.schedule(300, "b");
        timers.schedule(-5, "a"); // before the epoch: still first
        timers.schedule(300, "a");
        timers.schedule(300, "b"); // already asked for
        timers.schedule(100, "c");
        timers.schedule(Long.MAX_VALUE, "z");

        assertEquals(-5L, timers.earliest());
        assertEquals(List.of("a", "c"), dueBy(timers, 299));
        assertEquals(List.of("b", "a"), dueBy(timers, 300));
        assertEquals(Long.MAX_VALUE, timers.earliest());
        assertEquals(List.of("z"), dueBy(timers, Long.MAX_VALUE));
        assertNull(timers.earliest());
    }

    private static List<String> dueBy(KernelTimers timers, long now) {
        List<String> due = new ArrayList<>();
        for (String subKey = timers.pollDue(now); subKey != null; subKey = timers.pollDue(now)) {
            due.add(subKey);
        }
        return due;
    }
}
