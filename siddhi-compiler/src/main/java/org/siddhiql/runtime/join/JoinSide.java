package org.siddhiql.runtime.join;

import java.io.Serializable;
import java.util.List;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.schema.StreamSchema;
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

    public JoinSide(StreamSchema schema, List<Evaluator> filters, WindowSpec window, boolean triggers,
            boolean outer) {
        this.schema = schema;
        this.filters = List.copyOf(filters);
        this.window = window;
        this.triggers = triggers;
        this.outer = outer;
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
