package org.siddhiql.compiler.plan;

import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.SharedState;
import org.siddhiql.runtime.table.TableRows;
import org.siddhiql.runtime.table.TableSpec;

/** A table's rows, in insertion order, each with the timestamp of the event that wrote it. */
public final class TableSource implements OnDemandSource {
    private static final long serialVersionUID = 1L;

    private final TableSpec table;

    public TableSource(TableSpec table) {
        this.table = table;
    }

    @Override
    public String name() {
        return table.name();
    }

    @Override
    public StreamSchema schema() {
        return table.schema();
    }

    @Override
    public Rows declare(StateProvider state) {
        TableRows rows = table.instantiate(new SharedState(state));
        return rows::contents;
    }
}
