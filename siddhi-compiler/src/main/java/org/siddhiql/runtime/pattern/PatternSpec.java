package org.siddhiql.runtime.pattern;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.siddhiql.compiler.schema.StreamSchema;

/** A compiled pattern: its steps in slot order, the schema of each slot's stream, and its {@code within} time. */
public final class PatternSpec implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final long NO_WITHIN = -1;

    private final List<PatternStep> steps;
    private final List<StreamSchema> slotSchemas;
    private final long within;

    public PatternSpec(List<PatternStep> steps, List<StreamSchema> slotSchemas, long within) {
        this.steps = List.copyOf(steps);
        this.slotSchemas = List.copyOf(slotSchemas);
        this.within = within;
    }

    public List<PatternStep> steps() {
        return steps;
    }

    public List<StreamSchema> slotSchemas() {
        return slotSchemas;
    }

    /** Milliseconds from the first to the last event of a match, inclusive, or {@link #NO_WITHIN}. */
    public long within() {
        return within;
    }

    public List<String> inputStreams() {
        List<String> streams = new ArrayList<>();
        for (PatternStep step : steps) {
            if (!streams.contains(step.stream())) {
                streams.add(step.stream());
            }
        }
        return streams;
    }
}
