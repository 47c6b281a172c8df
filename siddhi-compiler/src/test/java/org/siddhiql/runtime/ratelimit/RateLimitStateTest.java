package org.siddhiql.runtime.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.siddhiql.runtime.state.Codecs;

class RateLimitStateTest {
    @Test
    void slotListMatchesAnArrayListUnderRandomOperations() {
        RateLimitTestState state = new RateLimitTestState();
        SlotList<Long> list = new SlotList<>(state, "l", Codecs.LONG);
        List<Long> model = new ArrayList<>();
        Random rnd = new Random(7);
        for (int step = 0; step < 20_000; step++) {
            int op = rnd.nextInt(10);
            if (op < 5) {
                long v = rnd.nextInt(50);
                list.add(v);
                model.add(v);
            } else if (op < 9) {
                long v = rnd.nextInt(50);
                boolean removed = list.removeFirst(x -> x == v);
                assertEquals(model.remove(Long.valueOf(v)), removed);
            } else if (rnd.nextInt(50) == 0) {
                list.clear();
                model.clear();
            }
            assertEquals(model.size(), list.size());
            if (step % 97 == 0) {
                assertEquals(model, list.toList());
            }
        }
        assertEquals(model, list.toList());
    }

    @Test
    void slotListRemovalStopsAtAFailingTestAndKeepsTheElements() {
        SlotList<Long> list = new SlotList<>(new RateLimitTestState(), "l", Codecs.LONG);
        list.add(1L);
        list.add(2L);
        assertThrows(SiddhiFailure.class, () -> list.removeFirst(x -> {
            throw new SiddhiFailure("x");
        }));
        assertEquals(List.of(1L, 2L), list.toList());
    }

    @Test
    void insertionOrderedMapKeepsFirstInsertionOrder() {
        RateLimitTestState state = new RateLimitTestState();
        InsertionOrderedMap<Long> map = new InsertionOrderedMap<>(state, "m", Codecs.LONG);
        map.put("b", 1L);
        map.put("a", 2L);
        map.put("c", 3L);
        map.put("b", 4L);
        map.remove("a");
        map.put("a", 5L);
        List<String> keys = new ArrayList<>();
        List<Long> values = new ArrayList<>();
        for (Map.Entry<String, Long> e : map.inOrder()) {
            keys.add(e.getKey());
            values.add(e.getValue());
        }
        assertEquals(List.of("b", "c", "a"), keys);
        assertEquals(List.of(4L, 3L, 5L), values);
        assertFalse(map.isEmpty());
        map.clear();
        assertTrue(map.isEmpty());
        assertEquals(0, state.storedEntries());
    }
}
