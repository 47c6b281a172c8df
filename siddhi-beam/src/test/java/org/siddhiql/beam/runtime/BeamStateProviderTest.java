package org.siddhiql.beam.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.beam.runners.core.InMemoryStateInternals;
import org.apache.beam.runners.core.StateNamespaces;
import org.apache.beam.runners.core.StateTags;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.state.MapState;
import org.junit.jupiter.api.Test;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.MapCell;

/** Map cells on real (in-memory) Beam state, as AppGraphFn binds it: one key's two MapStates. */
class BeamStateProviderTest {
    private final InMemoryStateInternals<String> internals = InMemoryStateInternals.forKey("app");
    private final MapState<String, byte[]> values = internals.state(StateNamespaces.global(),
            StateTags.map("values", StringUtf8Coder.of(), ByteArrayCoder.of()));
    private final MapState<String, byte[]> entries = internals.state(StateNamespaces.global(),
            StateTags.map("entries", StringUtf8Coder.of(), ByteArrayCoder.of()));

    @Test
    void cellsSeeOnlyTheirOwnEntriesInKeyOrder() {
        BeamStateProvider state = bound(new BeamStateProvider());
        MapCell<Long, String> times = state.map("times", Codecs.LONG, Codecs.STRING);
        MapCell<Long, String> others = state.map("others", Codecs.LONG, Codecs.STRING);
        state.subKey("p:a");
        times.put(30L, "thirty");
        times.put(10L, "ten");
        others.put(20L, "other");
        state.subKey("p:b");
        times.put(20L, "twenty, other key");

        state.subKey("p:a");
        assertEquals(List.of(Map.entry(10L, "ten"), Map.entry(30L, "thirty")), list(times));
        times.remove(10L);
        times.clear();
        assertTrue(times.isEmpty());
        assertEquals(List.of(Map.entry(20L, "other")), list(others));
        state.subKey("p:b");
        assertFalse(times.isEmpty());
        assertEquals(List.of(Map.entry(20L, "twenty, other key")), list(times));
    }

    /** The in-memory index of entry ids is a cache: a provider whose state was changed by another one rebuilds it. */
    @Test
    void anotherWriterMakesTheIndexRebuild() {
        BeamStateProvider first = bound(new BeamStateProvider());
        MapCell<Long, String> seenByFirst = first.map("times", Codecs.LONG, Codecs.STRING);
        seenByFirst.put(1L, "one");

        BeamStateProvider second = bound(new BeamStateProvider());
        MapCell<Long, String> seenBySecond = second.map("times", Codecs.LONG, Codecs.STRING);
        assertEquals(List.of(Map.entry(1L, "one")), list(seenBySecond));
        seenBySecond.remove(1L);
        seenBySecond.put(2L, "two");

        bound(first);
        assertEquals(List.of(Map.entry(2L, "two")), list(seenByFirst));
    }

    private BeamStateProvider bound(BeamStateProvider state) {
        state.bind(values, entries);
        return state;
    }

    private static List<Map.Entry<Long, String>> list(MapCell<Long, String> cell) {
        List<Map.Entry<Long, String>> found = new ArrayList<>();
        cell.entries().forEach(e -> found.add(Map.entry(e.getKey(), e.getValue())));
        return found;
    }
}
