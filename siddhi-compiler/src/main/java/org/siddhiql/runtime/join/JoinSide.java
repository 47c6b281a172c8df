package org.siddhiql.runtime.join;

import java.io.Serializable;
import java.util.List;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.table.TableSpec;
import org.siddhiql.runtime.window.NamedWindowSpec;
import org.siddhiql.runtime.window.WindowSpec;

/**
 * One input of a join: its stream, the filters before its window, its window (null when the side has none: Siddhi
 * then holds nothing of it), whether its arrivals trigger a join ({@code unidirectional} on the other side turns
 * this off) and whether its unmatched events are output with nulls for the other side (an outer join's side).
 */
public final class JoinSide implements Serializable {
    private static final long serialVersionUID = 1L;

    private final StreamSchema schema;
    private final List<Evaluator> filters;
    private final WindowSpec window;
    private final boolean triggers;
    private final boolean outer;
    /** The table this side reads, or null for a stream. */
    private final TableSpec table;
    /** The named window this side reads, or null. */
    private final NamedWindowSpec namedWindow;

    public JoinSide(StreamSchema schema, List<Evaluator> filters, WindowSpec window, boolean triggers,
            boolean outer) {
        this.schema = schema;
        this.filters = List.copyOf(filters);
        this.window = window;
        this.triggers = triggers;
        this.outer = outer;
        this.table = null;
        this.namedWindow = null;
    }

    /**
     * A named window as a side: its arrivals are what the window publishes, and the other side's events are matched
     * against the window's contents.
     */
    public JoinSide(NamedWindowSpec namedWindow, boolean triggers, boolean outer) {
        this.schema = namedWindow.schema();
        this.filters = List.of();
        this.window = null;
        this.triggers = triggers;
        this.outer = outer;
        this.table = null;
        this.namedWindow = namedWindow;
    }

    /** The named window read, or null. */
    public NamedWindowSpec namedWindow() {
        return namedWindow;
    }

    /**
     * A table as a side: its contents are the table's rows and it never triggers, since a table has no arrivals
     * (writes to it only change what the other side finds).
     */
    public JoinSide(TableSpec table, boolean outer) {
        this.schema = table.schema();
        this.filters = List.of();
        this.window = null;
        this.triggers = false;
        this.outer = outer;
        this.table = table;
        this.namedWindow = null;
    }

    /** The table read, or null when the side is a stream. */
    public TableSpec table() {
        return table;
    }

    public StreamSchema schema() {
        return schema;
    }

    public String stream() {
        return schema.name();
    }

    public List<Evaluator> filters() {
        return filters;
    }

    /** The window, or null for none. */
    public WindowSpec window() {
        return window;
    }

    public boolean triggers() {
        return triggers;
    }

    public boolean outer() {
        return outer;
    }
}
