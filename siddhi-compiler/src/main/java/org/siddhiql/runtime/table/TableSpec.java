package org.siddhiql.runtime.table;

import java.io.Serializable;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.state.StateProvider;

/**
 * A compiled {@code define table}: its attributes and the positions of its {@code @primaryKey} attributes (empty
 * without one: Siddhi then keeps duplicate rows).
 */
public final class TableSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final StreamSchema schema;
    private final int[] primaryKey;

    public TableSpec(StreamSchema schema, int[] primaryKey) {
        this.schema = schema;
        this.primaryKey = primaryKey.clone();
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
     * operator that reads or writes the table sees the same rows (see {@link SharedTableState}).
     */
    public TableRows instantiate(StateProvider state) {
        return new TableRows(this, state, SharedTableState.PREFIX + name());
    }
}
