package org.siddhiql.runtime.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.EventCodec;
import org.siddhiql.runtime.state.MapCell;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;

/**
 * A table's rows in managed state: one map entry per row under an insertion number, so a scan returns rows in
 * insertion order (as Siddhi's list-backed table does) and a backend touches one entry per changed row.
 */
public final class TableRows {
    private final TableSpec spec;
    private final MapCell<Long, Event> rows;
    private final ValueCell<Long> nextNumber;

    TableRows(TableSpec spec, StateProvider state, String name) {
        this.spec = spec;
        this.rows = state.map(name + ".rows", Codecs.LONG, new EventCodec(spec.schema().typeArray()));
        this.nextNumber = state.value(name + ".next", Codecs.LONG);
    }

    /**
     * Adds a row. With a primary key, a row whose key is already present is dropped, as Siddhi refuses it; without
     * one, duplicates are kept.
     */
    public void insert(Event event) {
        Event row = new Event(event.timestamp(), event.data().clone(), EventType.CURRENT);
        if (spec.primaryKey().length > 0 && hasKeyOf(row)) {
            return;
        }
        Long next = nextNumber.get();
        long number = next == null ? 0 : next;
        rows.put(number, row);
        nextNumber.set(number + 1);
    }

    /** The rows in insertion order. */
    public List<Event> contents() {
        List<Map.Entry<Long, Event>> entries = new ArrayList<>();
        for (Map.Entry<Long, Event> entry : rows.entries()) {
            entries.add(entry);
        }
        entries.sort(Map.Entry.comparingByKey());
        List<Event> contents = new ArrayList<>(entries.size());
        for (Map.Entry<Long, Event> entry : entries) {
            contents.add(entry.getValue());
        }
        return contents;
    }

    private boolean hasKeyOf(Event row) {
        int[] key = spec.primaryKey();
        for (Map.Entry<Long, Event> entry : rows.entries()) {
            boolean same = true;
            for (int attribute : key) {
                same &= java.util.Objects.equals(entry.getValue().get(attribute), row.get(attribute));
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return spec.name() + Arrays.toString(contents().toArray());
    }
}
