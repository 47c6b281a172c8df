package org.siddhiql.runtime.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * A table's rows in managed state: one map entry per row under an insertion number, so a backend touches one entry
 * per changed row. With a primary key, a second map from the encoded key to the row's number answers key lookups
 * without a scan.
 *
 * <p>Scans return rows in the order Siddhi's in-memory table iterates them, since a join's or an update's output
 * follows it: insertion order without a primary key (Siddhi's list); with one, the order of Siddhi's key map, a
 * {@code TreeMap} for a single numeric key and a {@code HashMap} otherwise. The hash order is reproduced by filling
 * a {@code HashMap} of the capacity Siddhi's would have (it never shrinks: the peak row count decides) in insertion
 * order, as a key overwritten in place keeps its place and a key deleted and added again goes last.
 *
 * <p>Siddhi 5.1's list holder (no primary key, no index) loses the rows added after a delete removed its last row
 * while others remained (its linked chunk keeps its tail pointer on the removed row). That is a bug that loses
 * data, and we do not reproduce it: such rows are kept (see the skipped case table_list_tail_delete_loses_rows).
 */
public final class TableRows {
    private static final int HASH_MAP_DEFAULT_CAPACITY = 16;

    private final TableSpec spec;
    private final MapCell<Long, Event> rows;
    private final ValueCell<Long> nextNumber;
    /** With a primary key: the encoded key of each row to its number; null without one. */
    private final MapCell<String, Long> numbersByKey;
    /** With a primary key: the rows held, and the most ever held, which sizes Siddhi's hash map and so its order. */
    private final ValueCell<Long> size;
    private final ValueCell<Long> peakSize;

    TableRows(TableSpec spec, StateProvider state, String name) {
        this.spec = spec;
        this.rows = state.map(name + ".rows", Codecs.LONG, new EventCodec(spec.schema().typeArray()));
        this.nextNumber = state.value(name + ".next", Codecs.LONG);
        boolean keyed = spec.primaryKey().length > 0;
        this.numbersByKey = keyed ? state.map(name + ".keys", Codecs.STRING, Codecs.LONG) : null;
        this.size = keyed ? state.value(name + ".size", Codecs.LONG) : null;
        this.peakSize = keyed ? state.value(name + ".peak", Codecs.LONG) : null;
    }

    public TableSpec spec() {
        return spec;
    }

    /**
     * Adds a row. With a primary key, a row whose key is already present is dropped, as Siddhi drops it (logging an
     * error); without one, duplicates are kept.
     */
    public void insert(Event event) {
        Event row = rowOf(event);
        if (numbersByKey != null && numbersByKey.get(TableKeys.encode(spec, row)) != null) {
            return;
        }
        append(row);
    }

    /**
     * Replaces the row with the event's primary key by the event, in place, or adds it when the key is new: Siddhi's
     * update or insert when its condition is the primary key's equality.
     */
    public void overwrite(Event event) {
        Event row = rowOf(event);
        Long number = numbersByKey.get(TableKeys.encode(spec, row));
        if (number == null) {
            append(row);
        } else {
            rows.put(number, row);
        }
    }

    /** The rows in Siddhi's scan order (see the class comment). */
    public List<Event> contents() {
        List<Event> contents = new ArrayList<>();
        for (Map.Entry<Long, Event> entry : scan()) {
            contents.add(entry.getValue());
        }
        return contents;
    }

    /** The rows with their numbers, in Siddhi's scan order; what {@link #replace} and {@link #delete} take. */
    public List<Map.Entry<Long, Event>> scan() {
        List<Map.Entry<Long, Event>> entries = new ArrayList<>();
        for (Map.Entry<Long, Event> entry : rows.entries()) {
            entries.add(Map.entry(entry.getKey(), entry.getValue()));
        }
        entries.sort(Map.Entry.comparingByKey());
        if (numbersByKey == null) {
            return entries;
        }
        if (TableKeys.isNumeric(spec)) {
            int key = spec.primaryKey()[0];
            entries.sort((a, b) -> TableKeys.compareNumbers(a.getValue().get(key), b.getValue().get(key)));
            return entries;
        }
        Map<Object, Map.Entry<Long, Event>> hashed = new HashMap<>(siddhiCapacity());
        for (Map.Entry<Long, Event> entry : entries) {
            hashed.put(TableKeys.siddhiKey(spec, entry.getValue()), entry);
        }
        return new ArrayList<>(hashed.values());
    }

    /**
     * The row whose primary key attributes equal {@code keyValues} (in key order), with its number, or null; only
     * for tables with a primary key. A null value equals nothing, as in a scan.
     */
    public Map.Entry<Long, Event> find(Object[] keyValues) {
        for (Object value : keyValues) {
            if (value == null) {
                return null;
            }
        }
        Long number = numbersByKey.get(TableKeys.encode(spec, keyValues));
        return number == null ? null : Map.entry(number, rows.get(number));
    }

    /** Stores a changed row under its number, moving its primary key entry if the key changed. */
    public void replace(long number, Event row) {
        if (numbersByKey != null) {
            Event old = rows.get(number);
            String oldKey = TableKeys.encode(spec, old);
            String newKey = TableKeys.encode(spec, row);
            if (!oldKey.equals(newKey)) {
                numbersByKey.remove(oldKey);
                numbersByKey.put(newKey, number);
            }
        }
        rows.put(number, row);
    }

    public void delete(long number) {
        if (numbersByKey != null) {
            numbersByKey.remove(TableKeys.encode(spec, rows.get(number)));
            size.set(size.get() - 1);
        }
        rows.remove(number);
    }

    private void append(Event row) {
        Long next = nextNumber.get();
        long number = next == null ? 0 : next;
        rows.put(number, row);
        nextNumber.set(number + 1);
        if (numbersByKey != null) {
            numbersByKey.put(TableKeys.encode(spec, row), number);
            Long held = size.get();
            long newSize = held == null ? 1 : held + 1;
            size.set(newSize);
            Long peak = peakSize.get();
            if (peak == null || newSize > peak) {
                peakSize.set(newSize);
            }
        }
    }

    /** The initial capacity that makes a new {@code HashMap} as large as Siddhi's after its peak row count. */
    private int siddhiCapacity() {
        Long peak = peakSize.get();
        int capacity = HASH_MAP_DEFAULT_CAPACITY;
        while (peak != null && peak > capacity * 3L / 4) {
            capacity *= 2;
        }
        return capacity;
    }

    private static Event rowOf(Event event) {
        return new Event(event.timestamp(), event.data().clone(), EventType.CURRENT);
    }

    @Override
    public String toString() {
        return spec.name() + Arrays.toString(contents().toArray());
    }
}
