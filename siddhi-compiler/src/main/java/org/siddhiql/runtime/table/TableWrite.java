package org.siddhiql.runtime.table;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;

/**
 * What a query does with its output when it writes a table, with Siddhi 5.1's in-memory semantics. Conditions and
 * set expressions read a {@link WriteRow}: the query's output event in slot 0, a table row in slot 1.
 * <ul>
 * <li>{@code insert into T}: each event becomes a row (with a primary key, one whose key is present is dropped);</li>
 * <li>{@code delete T on c}: per event, every row satisfying {@code c} is removed;</li>
 * <li>{@code update T set ... on c}: per event, every row satisfying {@code c} gets the assignments, applied in
 * the order of the table's attributes, each seeing the ones before it (Siddhi writes into the row as it goes).
 * A table with a primary key or an index is Siddhi's indexed holder, whose update evaluates the assignments
 * without the row in place, so the row's attributes read null there; and when an assignment changes an indexed
 * attribute, the rows are removed and added again (they move to the end), or, when the new primary key is taken,
 * left alone;</li>
 * <li>{@code update or insert into T ... on c}: per event as update; the events of a chunk that updated nothing are
 * then added, in order, an event matching one added before it from the same chunk updating that one instead. When
 * {@code c} is exactly the primary key's equality, Siddhi instead overwrites the row with that key by the event
 * (set clause ignored) or adds it.</li>
 * </ul>
 * A condition that is exactly the primary key's equality finds its row through the key map instead of a scan.
 */
public final class TableWrite implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The four ways Siddhi writes a table. */
    public enum Kind { INSERT, DELETE, UPDATE, UPDATE_OR_INSERT }

    private final Kind kind;
    private final TableSpec table;
    private final Evaluator condition;
    /** The table attributes assigned, in ascending order, and what each gets. */
    private final int[] assigned;
    private final Evaluator[] values;
    /**
     * When the condition is exactly the primary key's equality: per key attribute, the value it must equal, read
     * from the event; else null.
     */
    private final Evaluator[] key;

    private TableWrite(Kind kind, TableSpec table, Evaluator condition, int[] assigned, Evaluator[] values,
            Evaluator[] key) {
        this.kind = kind;
        this.table = table;
        this.condition = condition;
        this.assigned = assigned;
        this.values = values;
        this.key = key;
    }

    public static TableWrite insert(TableSpec table) {
        return new TableWrite(Kind.INSERT, table, null, new int[0], new Evaluator[0], null);
    }

    /** @param key see {@link #update}: null unless the condition is exactly the primary key's equality */
    public static TableWrite delete(TableSpec table, Evaluator condition, Evaluator[] key) {
        return new TableWrite(Kind.DELETE, table, condition, new int[0], new Evaluator[0], key);
    }

    /**
     * @param assigned table attribute positions in ascending order, one value each
     * @param key when the condition is exactly the primary key's equality, per key attribute the value it equals
     *     (read from the event); else null
     */
    public static TableWrite update(TableSpec table, Evaluator condition, int[] assigned, Evaluator[] values,
            Evaluator[] key) {
        return new TableWrite(Kind.UPDATE, table, condition, assigned.clone(), values.clone(), key);
    }

    /** @param key as for {@link #update}; with one, rows are overwritten (see the class comment) */
    public static TableWrite updateOrInsert(TableSpec table, Evaluator condition, int[] assigned, Evaluator[] values,
            Evaluator[] key) {
        return new TableWrite(Kind.UPDATE_OR_INSERT, table, condition, assigned.clone(), values.clone(), key);
    }

    public Kind kind() {
        return kind;
    }

    public TableSpec table() {
        return table;
    }

    /** Applies one output chunk of the query to the table's rows. */
    public void apply(List<Event> chunk, TableRows rows) {
        if (kind == Kind.UPDATE_OR_INSERT && key == null) {
            updateOrInsert(chunk, rows);
            return;
        }
        for (Event event : chunk) {
            if (event.type() == EventType.RESET) {
                continue;
            }
            switch (kind) {
                case INSERT:
                    rows.insert(event);
                    break;
                case DELETE:
                    for (Map.Entry<Long, Event> row : matching(event, rows)) {
                        rows.delete(row.getKey());
                    }
                    break;
                case UPDATE:
                    update(event, rows);
                    break;
                case UPDATE_OR_INSERT: // on exactly the primary key
                    rows.overwrite(event);
                    break;
                default:
                    throw new IllegalStateException("unknown table write " + kind);
            }
        }
    }

    private void updateOrInsert(List<Event> chunk, TableRows rows) {
        List<Event> failed = new ArrayList<>();
        for (Event event : chunk) {
            if (event.type() != EventType.RESET && !update(event, rows)) {
                failed.add(event);
            }
        }
        List<Event> added = new ArrayList<>();
        for (Event event : failed) {
            boolean updated = false;
            for (int i = 0; i < added.size(); i++) {
                Object[] row = added.get(i).data();
                WriteRow pair = new WriteRow(event, added.get(i));
                if (Boolean.TRUE.equals(condition.evaluate(pair))) {
                    assign(pair, row);
                    updated = true;
                }
            }
            if (!updated) {
                added.add(new Event(event.timestamp(), event.data().clone(), EventType.CURRENT));
            }
        }
        for (Event row : added) {
            rows.insert(row);
        }
    }

    /** Updates every row the event matches; false when it matches none. */
    private boolean update(Event event, TableRows rows) {
        List<Map.Entry<Long, Event>> found = matching(event, rows);
        if (!table.isListBacked()) {
            updateIndexed(event, found, rows);
            return !found.isEmpty();
        }
        for (Map.Entry<Long, Event> entry : found) {
            Event row = copy(entry.getValue());
            assign(new WriteRow(event, row), row.data());
            rows.replace(entry.getKey(), row);
        }
        return !found.isEmpty();
    }

    /** Siddhi's indexed holder's update; see the class comment. */
    private void updateIndexed(Event event, List<Map.Entry<Long, Event>> found, TableRows rows) {
        WriteRow withoutRow = new WriteRow(event, null);
        Object[] assignedValues = new Object[assigned.length];
        for (int i = 0; i < assigned.length; i++) {
            assignedValues[i] = values[i].evaluate(withoutRow);
        }
        boolean moves = false;
        for (int i = 0; i < assigned.length && !moves; i++) {
            if (table.isIndexed(assigned[i])) {
                for (Map.Entry<Long, Event> entry : found) {
                    Object old = entry.getValue().get(assigned[i]);
                    moves |= assignedValues[i] != null && old != null && !assignedValues[i].equals(old);
                }
            }
        }
        List<Event> updated = new ArrayList<>();
        for (Map.Entry<Long, Event> entry : found) {
            Event row = copy(entry.getValue());
            for (int i = 0; i < assigned.length; i++) {
                row.data()[assigned[i]] = assignedValues[i];
            }
            updated.add(row);
        }
        if (!moves) {
            for (int i = 0; i < found.size(); i++) {
                rows.replace(found.get(i).getKey(), updated.get(i));
            }
            return;
        }
        if (takesExistingKey(found, updated, rows)) {
            return;
        }
        for (Map.Entry<Long, Event> entry : found) {
            rows.delete(entry.getKey());
        }
        for (Event row : updated) {
            rows.insert(row);
        }
    }

    /** Whether moving the rows would give one of them a primary key another row holds: Siddhi then updates none. */
    private boolean takesExistingKey(List<Map.Entry<Long, Event>> found, List<Event> updated, TableRows rows) {
        if (table.primaryKey().length == 0) {
            return false;
        }
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Map.Entry<Long, Event> entry : rows.scan()) {
            keys.add(TableKeys.encode(table, entry.getValue()));
        }
        for (int i = 0; i < found.size(); i++) {
            keys.remove(TableKeys.encode(table, found.get(i).getValue()));
            if (!keys.add(TableKeys.encode(table, updated.get(i)))) {
                return true;
            }
        }
        return false;
    }

    private static Event copy(Event row) {
        return new Event(row.timestamp(), row.data().clone(), EventType.CURRENT);
    }

    /** Assigns in place, so each assignment sees the ones before it, as in Siddhi. */
    private void assign(WriteRow pair, Object[] row) {
        for (int i = 0; i < assigned.length; i++) {
            row[assigned[i]] = values[i].evaluate(pair);
        }
    }

    private List<Map.Entry<Long, Event>> matching(Event event, TableRows rows) {
        if (key != null) {
            Object[] values = new Object[key.length];
            for (int i = 0; i < key.length; i++) {
                values[i] = key[i].evaluate(new WriteRow(event, null));
            }
            Map.Entry<Long, Event> row = rows.find(values);
            return row == null ? List.of() : List.of(row);
        }
        List<Map.Entry<Long, Event>> matches = new ArrayList<>();
        for (Map.Entry<Long, Event> row : rows.scan()) {
            if (Boolean.TRUE.equals(condition.evaluate(new WriteRow(event, row.getValue())))) {
                matches.add(row);
            }
        }
        return matches;
    }
}
