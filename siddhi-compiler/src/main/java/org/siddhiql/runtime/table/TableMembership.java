package org.siddhiql.runtime.table;

import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.expression.Row;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.runtime.event.Event;

/**
 * {@code condition in T}: true when some row of table {@code T} satisfies the condition, which reads the row in
 * slot {@link #TABLE_SLOT} and the enclosing expression's events in their own slots.
 *
 * <p>The rows are managed state of the operator running the query, so the evaluator is bound to them when the
 * operator's kernels are made ({@link #bind}); the binding is a view of that state, never a copy.
 */
public final class TableMembership implements Evaluator {
    private static final long serialVersionUID = 1L;
    /** The slot the table's row takes in the condition, clear of any query's own slots. */
    public static final int TABLE_SLOT = 1 << 16;

    private final TableSpec table;
    private final Evaluator condition;
    /** When the condition is exactly the primary key's equality, the values the key must equal; else null. */
    private final Evaluator[] key;
    private transient TableRows rows;

    /** @param key when the condition is exactly the primary key's equality, the key's values; else null (a scan) */
    public TableMembership(TableSpec table, Evaluator condition, Evaluator[] key) {
        this.table = table;
        this.condition = condition;
        this.key = key == null ? null : key.clone();
    }

    /** The table whose rows {@link #bind} must be given. */
    public TableSpec table() {
        return table;
    }

    public void bind(TableRows tableRows) {
        this.rows = tableRows;
    }

    @Override
    public Object evaluate(Row row) {
        if (rows == null) {
            throw new IllegalStateException("'in " + table.name() + "' evaluated before its table was bound");
        }
        if (key != null) {
            Object[] values = new Object[key.length];
            for (int i = 0; i < key.length; i++) {
                values[i] = key[i].evaluate(row);
            }
            return rows.find(values) != null;
        }
        for (Event candidate : rows.contents()) {
            if (Boolean.TRUE.equals(condition.evaluate(new WithRow(row, candidate)))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public AttributeType type() {
        return AttributeType.BOOL;
    }

    @Override
    public String toString() {
        return "(" + condition + ") in " + table.name();
    }

    /** The enclosing row with the candidate table row in {@link #TABLE_SLOT}. */
    private static final class WithRow implements Row {
        private final Row outer;
        private final Event tableRow;

        WithRow(Row outer, Event tableRow) {
            this.outer = outer;
            this.tableRow = tableRow;
        }

        @Override
        public Object get(int streamIndex, int attributeIndex) {
            return streamIndex == TABLE_SLOT ? tableRow.get(attributeIndex) : outer.get(streamIndex, attributeIndex);
        }

        @Override
        public Object get(int streamIndex, int position, int attributeIndex) {
            return streamIndex == TABLE_SLOT ? tableRow.get(attributeIndex)
                    : outer.get(streamIndex, position, attributeIndex);
        }

        @Override
        public long timestamp(int streamIndex) {
            return streamIndex == TABLE_SLOT ? tableRow.timestamp() : outer.timestamp(streamIndex);
        }

        @Override
        public long timestamp() {
            return outer.timestamp();
        }
    }
}
