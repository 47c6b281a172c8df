package org.siddhiql.beam.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.runners.core.InMemoryStateInternals;
import org.apache.beam.runners.core.StateNamespaces;
import org.apache.beam.runners.core.StateTags;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.state.MapState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.MapCell;
import org.siddhiql.runtime.state.ValueCell;

/**
 * All kernel cells of an app share two Beam map states, scoped by sub-key (partition key) and cell name: no sub-key
 * or cell may read, list or clear another's entries. Runs on Beam's in-memory state, as the DirectRunner's.
 */
class BeamStateProviderTest {
    private final BeamStateProvider state = new BeamStateProvider();
    private MapState<String, byte[]> values;
    private MapState<String, byte[]> entries;

    @BeforeEach
    void bindToAnAppKey() {
        InMemoryStateInternals<String> app = InMemoryStateInternals.forKey("app");
        values = app.state(StateNamespaces.global(),
                StateTags.map("siddhi-values", StringUtf8Coder.of(), ByteArrayCoder.of()));
        entries = app.state(StateNamespaces.global(),
                StateTags.map("siddhi-entries", StringUtf8Coder.of(), ByteArrayCoder.of()));
        state.bind(values, entries);
    }

    @Test
    void aValueCellHoldsOneValuePerSubKey() {
        ValueCell<Long> count = state.value("count", Codecs.LONG);
        state.subKey("p:IBM");
        count.set(3L);
        state.subKey("p:WSO2");
        assertNull(count.get());
        count.set(7L);
        count.clear();
        assertNull(count.get());
        state.subKey("p:IBM");
        assertEquals(3L, count.get());
    }

    @Test
    void aGlobalValueIsTheSameUnderEverySubKey() {
        ValueCell<Long> clock = state.globalValue("clock", Codecs.LONG);
        ValueCell<Long> scoped = state.value("clock", Codecs.LONG);
        state.subKey("p:IBM");
        clock.set(1_000L);
        state.subKey("p:WSO2");
        assertEquals(1_000L, clock.get());
        assertNull(scoped.get(), "a scoped cell of the same name is another cell");
    }

    @Test
    void noSubKeyAndNameCanPassForAnotherPair() {
        ValueCell<String> bc = state.value("b|c", Codecs.STRING);
        ValueCell<String> c = state.value("c", Codecs.STRING);
        state.subKey("a");
        bc.set("sub-key a, cell b|c");
        state.subKey("a|b");
        assertNull(c.get());
        c.set("sub-key a|b, cell c");
        state.subKey("a");
        assertEquals("sub-key a, cell b|c", bc.get());
        assertEquals(2, size(values));
    }

    @Test
    void aMapCellListsAndClearsOnlyItsOwnEntriesOfTheCurrentSubKey() {
        MapCell<Long, String> window = state.map("window", Codecs.LONG, Codecs.STRING);
        MapCell<Long, String> windows = state.map("windows", Codecs.LONG, Codecs.STRING);
        state.subKey("p:IBM");
        window.put(1L, "IBM 1");
        window.put(2L, "IBM 2");
        windows.put(1L, "a longer name, same prefix");
        state.subKey("p:WSO2");
        assertTrue(window.isEmpty());
        window.put(1L, "WSO2 1");

        state.subKey("p:IBM");
        assertEquals(Map.of(1L, "IBM 1", 2L, "IBM 2"), contents(window));
        window.clear();
        assertTrue(window.isEmpty());
        assertEquals(Map.of(1L, "a longer name, same prefix"), contents(windows));
        state.subKey("p:WSO2");
        assertEquals(Map.of(1L, "WSO2 1"), contents(window));
        assertEquals(2, size(entries), "what the clear left: WSO2's window entry, IBM's windows entry");
    }

    @Test
    void mapKeysOfAnyBytesComeBackAsTheyWent() {
        MapCell<Long, Long> cell = state.map("by-time", Codecs.LONG, Codecs.LONG);
        state.subKey("");
        List<Long> keys = List.of(0L, -1L, 255L, 0x00ff00ff00ff00ffL, Long.MIN_VALUE, Long.MAX_VALUE);
        keys.forEach(key -> cell.put(key, key + 1));
        for (Long key : keys) {
            assertEquals(key + 1, cell.get(key));
        }
        assertEquals(keys.size(), contents(cell).size());
        cell.remove(-1L);
        assertNull(cell.get(-1L));
        assertFalse(contents(cell).containsKey(-1L));
    }

    @Test
    void cellsReadTheStateTheyAreBoundTo() {
        ValueCell<Long> count = state.value("count", Codecs.LONG);
        state.subKey("");
        count.set(1L);
        InMemoryStateInternals<String> other = InMemoryStateInternals.forKey("other");
        state.bind(other.state(StateNamespaces.global(),
                        StateTags.map("siddhi-values", StringUtf8Coder.of(), ByteArrayCoder.of())),
                other.state(StateNamespaces.global(),
                        StateTags.map("siddhi-entries", StringUtf8Coder.of(), ByteArrayCoder.of())));
        assertNull(count.get(), "a cell holds no value of its own");
        state.bind(values, entries);
        assertEquals(1L, count.get());
    }

    private static <K, V> Map<K, V> contents(MapCell<K, V> cell) {
        Map<K, V> contents = new TreeMap<>();
        cell.entries().forEach(e -> contents.put(e.getKey(), e.getValue()));
        return contents;
    }

    /** The cells' entries in a map state; the entry index's version stamp (see EntryIndex) is not a cell. */
    private static int size(MapState<String, byte[]> map) {
        List<String> keys = new ArrayList<>();
        map.keys().read().forEach(key -> {
            if (!key.startsWith("index|")) {
                keys.add(key);
            }
        });
        return keys.size();
    }

    @Test
    void cellsSeeOnlyTheirOwnEntriesInKeyOrder() {
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
        BeamStateProvider first = state;
        MapCell<Long, String> seenByFirst = first.map("times", Codecs.LONG, Codecs.STRING);
        seenByFirst.put(1L, "one");

        BeamStateProvider second = new BeamStateProvider();
        second.bind(values, entries);
        MapCell<Long, String> seenBySecond = second.map("times", Codecs.LONG, Codecs.STRING);
        assertEquals(List.of(Map.entry(1L, "one")), list(seenBySecond));
        seenBySecond.remove(1L);
        seenBySecond.put(2L, "two");

        first.bind(values, entries);
        assertEquals(List.of(Map.entry(2L, "two")), list(seenByFirst));
    }

    private static List<Map.Entry<Long, String>> list(MapCell<Long, String> cell) {
        List<Map.Entry<Long, String>> found = new ArrayList<>();
        cell.entries().forEach(e -> found.add(Map.entry(e.getKey(), e.getValue())));
        return found;
    }
}
