package org.siddhiql.runtime.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.state.InMemoryStateProvider;

/** The rows in state: the scan order of each of Siddhi's holders, and the key map. */
class TableRowsTest {
    private static final StreamSchema SCHEMA = new StreamSchema("T", List.of("k", "n"),
            List.of(AttributeType.STRING, AttributeType.LONG));

    @Test
    void aListScansInInsertionOrderAndKeepsDuplicates() {
        TableRows rows = rows(new int[0]);
        put(rows, "b", 1);
        put(rows, "a", 2);
        put(rows, "b", 3);
        assertEquals("[b 1, a 2, b 3]", contents(rows));
    }

    @Test
    void aStringKeyScansInHashMapOrderAndDropsARepeatedKey() {
        TableRows rows = rows(new int[] {0});
        for (String key : List.of("delta", "alpha", "kilo", "bravo", "zulu", "alpha")) {
            put(rows, key, key.length());
        }
        // The order of the HashMap Siddhi keeps its rows in, "alpha" kept where it was first put.
        assertEquals("[bravo 5, kilo 4, alpha 5, delta 5, zulu 4]", contents(rows));
    }

    @Test
    void aNumericKeyScansInKeyOrderAndOverwritesInPlace() {
        TableRows rows = rows(new int[] {1});
        put(rows, "c", 30);
        put(rows, "a", -4);
        put(rows, "b", 7);
        rows.overwrite(new Event(2000, new Object[] {"b2", 7L}));
        rows.overwrite(new Event(2000, new Object[] {"d", 100L}));
        assertEquals("[a -4, b2 7, c 30, d 100]", contents(rows));
        assertEquals("b2 7", describe(rows.find(new Object[] {7L}).getValue()));
    }

    @Test
    void aListKeepsRowsAddedAfterItsLastRowWasDeleted() {
        // siddhi-core 5.1 loses "c" here (its list's tail pointer stays on the deleted row); we keep user data.
        TableRows rows = rows(new int[0]);
        put(rows, "a", 1);
        put(rows, "b", 2);
        rows.delete(rows.scan().get(1).getKey());
        put(rows, "c", 3);
        assertEquals("[a 1, c 3]", contents(rows));
    }

    private static TableRows rows(int[] primaryKey) {
        InMemoryStateProvider state = new InMemoryStateProvider();
        state.setCurrentKey("");
        return new TableSpec(SCHEMA, primaryKey, new int[0]).instantiate(state);
    }

    private static void put(TableRows rows, String key, long n) {
        rows.insert(new Event(1000, new Object[] {key, n}));
    }

    private static String contents(TableRows rows) {
        return rows.contents().stream().map(TableRowsTest::describe).collect(Collectors.toList()).toString();
    }

    private static String describe(Event row) {
        return row.get(0) + " " + row.get(1);
    }
}
