package org.siddhiql.runtime.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.InMemoryStateProvider;

/** The emulated iteration orders against the JDK's own maps. */
class HashOrderedMapTest {

    @Test
    void iteratesLikeAConcurrentHashMapWithTheSameHistory() {
        Random random = new Random(42);
        for (int run = 0; run < 60; run++) {
            InMemoryStateProvider state = new InMemoryStateProvider();
            HashOrderedMap<Long> emulated = new HashOrderedMap<>(state, "m", Codecs.LONG);
            ConcurrentHashMap<String, Long> real = new ConcurrentHashMap<>();
            int keys = 5 + random.nextInt(200);
            for (int op = 0; op < 300; op++) {
                String key = "k" + random.nextInt(keys) * 7919;
                if (random.nextInt(4) == 0) {
                    emulated.remove(key);
                    real.remove(key);
                } else {
                    emulated.put(key, (long) op);
                    real.put(key, (long) op);
                }
                assertEquals(new ArrayList<>(real.entrySet()).toString(), emulated.entries().toString(),
                        "run " + run + " op " + op);
                assertEquals(real.size(), emulated.size());
            }
        }
    }

    @Test
    void hashMapOrderDependsOnTheLargestSizeEverHeld() {
        Random random = new Random(7);
        for (int run = 0; run < 200; run++) {
            HashMap<String, Integer> real = new HashMap<>();
            int largest = 0;
            List<Map.Entry<String, Integer>> last = new ArrayList<>();
            for (int fill = 0; fill < 5; fill++) {
                real.clear();
                last.clear();
                int n = random.nextInt(40);
                for (int i = 0; i < n; i++) {
                    String key = "s" + random.nextInt(1000);
                    if (!real.containsKey(key)) {
                        real.put(key, i);
                        last.add(Map.entry(key, i));
                    }
                }
                largest = Math.max(largest, real.size());
                assertEquals(new ArrayList<>(real.entrySet()).toString(),
                        HashOrderedMap.hashMapOrder(last, largest).toString());
            }
        }
    }
}
