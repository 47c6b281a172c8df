package org.siddhiql.runtime.join;

import java.io.Serializable;
import java.util.List;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.aggregation.AggregationRead;
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
    /**
     * When the join condition is exactly the table's primary key equality: per key attribute, the value it must
     * equal, read from the other side's event; else null.
     */
    private final Evaluator[] tableKey;
    /** The aggregation this side reads, or null. */
    private final AggregationRead aggregation;
    /** The named window this side reads, or null. */
    private final NamedWindowSpec namedWindow;

    public JoinSide(StreamSchema schema, List<Evaluator> filters, WindowSpec window, boolean triggers,
            boolean outer) {
        this(schema, filters, window, triggers, outer, null, null, null, null);
    }

    /**
     * A named window as a side: its arrivals are what the window publishes, and the other side's events are matched
     * against the window's contents.
     */
    public JoinSide(NamedWindowSpec namedWindow, boolean triggers, boolean outer) {
        this(namedWindow.schema(), List.of(), null, triggers, outer, null, null, null, namedWindow);
    }

    /**
     * A table as a side: its contents are the table's rows and it never triggers, since a table has no arrivals
     * (writes to it only change what the other side finds).
     *
     * @param tableKey when the condition is exactly the primary key's equality, the values the key must equal,
     *     read from the other side's event, so its row is found by key; else null
     */
    public JoinSide(TableSpec table, boolean outer, Evaluator[] tableKey) {
        this(table.schema(), List.of(), null, false, outer, table, tableKey == null ? null : tableKey.clone(), null,
                null);
    }

    /**
     * An aggregation as a side: like a table it never triggers; its contents for each event of the other side are
     * the buckets the read's within and per select.
     */
    public JoinSide(AggregationRead aggregation, boolean outer) {
        this(aggregation.aggregation().output(), List.of(), null, false, outer, null, null, aggregation, null);
    }

    private JoinSide(StreamSchema schema, List<Evaluator> filters, WindowSpec window, boolean triggers,
            boolean outer, TableSpec table, Evaluator[] tableKey, AggregationRead aggregation,
            NamedWindowSpec namedWindow) {
        this.schema = schema;
        this.filters = List.copyOf(filters);
        this.window = window;
        this.triggers = triggers;
        this.outer = outer;
        this.table = table;
        this.tableKey = tableKey;
        this.aggregation = aggregation;
        this.namedWindow = namedWindow;
    }

    /** The named window read, or null. */
    public NamedWindowSpec namedWindow() {
        return namedWindow;
    }

    /** The aggregation read, or null when the side is a stream or a table. */
    public AggregationRead aggregation() {
        return aggregation;
    }

    /** Whether the side is stored state (a table or an aggregation) rather than a stream's arrivals. */
    public boolean isStored() {
        return table != null || aggregation != null;
    }

    /** The primary key values a table side's row is found by, or null when it is scanned. */
    public Evaluator[] tableKey() {
        return tableKey == null ? null : tableKey.clone();
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
