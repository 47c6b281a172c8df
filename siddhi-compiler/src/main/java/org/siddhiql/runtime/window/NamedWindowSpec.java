package org.siddhiql.runtime.window;

import java.io.Serializable;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.state.StateProvider;

/**
 * A named window ({@code define window W (...) <window>(...) output <type> events}): one window shared by every query
 * that inserts into it or reads from it. What it publishes to its readers is its window's output without RESET
 * markers, restricted to current and/or expired events by the output clause (all events by default).
 */
public final class NamedWindowSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final StreamSchema schema;
    private final WindowSpec window;
    private final boolean publishesCurrent;
    private final boolean publishesExpired;

    public NamedWindowSpec(StreamSchema schema, WindowSpec window, boolean publishesCurrent,
            boolean publishesExpired) {
        this.schema = schema;
        this.window = window;
        this.publishesCurrent = publishesCurrent;
        this.publishesExpired = publishesExpired;
    }

    public String name() {
        return schema.name();
    }

    public StreamSchema schema() {
        return schema;
    }

    public WindowSpec window() {
        return window;
    }

    public boolean publishesCurrent() {
        return publishesCurrent;
    }

    public boolean publishesExpired() {
        return publishesExpired;
    }

    /** A view of the window's state; every view of one operator shares the same cells (see {@link org.siddhiql.runtime.state.SharedState}). */
    public NamedWindowKernel instantiate(StateProvider state) {
        return new NamedWindowKernel(this, state);
    }

    @Override
    public String toString() {
        return name() + " " + window.describe();
    }
}
