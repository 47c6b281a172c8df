package org.siddhiql.runtime.table;

import java.io.Serializable;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.state.SharedState;
import org.siddhiql.runtime.state.StateProvider;

/**
 * A compiled {@code define table}: its attributes, the positions of its {@code @primaryKey} attributes (empty
 * without one: Siddhi then keeps duplicate rows) and whether it has an {@code @index}. The last two decide which of
 * Siddhi's row holders the table mirrors: a list without either, an indexed holder with one.
 */
public final class TableSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final StreamSchema schema;
    private final int[] primaryKey;
    private final int[] indexes;

    /** @param indexes the positions of the {@code @index} attributes */
    public TableSpec(StreamSchema schema, int[] primaryKey, int[] indexes) {
        this.schema = schema;
        this.primaryKey = primaryKey.clone();
        this.indexes = indexes.clone();
    }

    /** Whether Siddhi keeps the rows in its plain list holder: no primary key and no index. */
    public boolean isListBacked() {
        return primaryKey.length == 0 && indexes.length == 0;
    }

    /** Whether Siddhi's indexed holder keeps an index on the attribute: a primary key's or an {@code @index}. */
    public boolean isIndexed(int attribute) {
        for (int key : primaryKey) {
            if (key == attribute) {
                return true;
            }
        }
        for (int index : indexes) {
            if (index == attribute) {
                return true;
            }
        }
        return false;
    }

    public StreamSchema schema() {
        return schema;
    }

    public String name() {
        return schema.name();
    }

    public int[] primaryKey() {
        return primaryKey.clone();
    }

    /**
     * The table's rows in managed state. Their state names derive from the table's name only, so every query of one
     * operator that reads or writes the table sees the same rows (see {@link SharedState}).
     */
    public TableRows instantiate(StateProvider state) {
        return new TableRows(this, state, SharedState.name("table", name()));
    }
}
