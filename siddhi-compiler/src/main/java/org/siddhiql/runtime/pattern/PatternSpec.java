package org.siddhiql.runtime.pattern;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.siddhiql.compiler.schema.StreamSchema;

/**
 * A compiled pattern ({@code ->}) or sequence ({@code ,}): its steps in slot order, the schema of each slot's stream,
 * its {@code within} time, and for a sequence the steps Siddhi resets and refreshes before each event (its state
 * runtimes reach only some of the steps, which decides what an intervening event breaks).
 */
public final class PatternSpec implements Serializable {
    private static final long serialVersionUID = 1L;
    public static final long NO_WITHIN = -1;

    private final List<PatternStep> steps;
    private final List<StreamSchema> slotSchemas;
    private final long within;
    private final boolean sequence;
    private final List<Integer> resetOrder;
    private final List<Integer> updateOrder;

    /** A pattern. */
    public PatternSpec(List<PatternStep> steps, List<StreamSchema> slotSchemas, long within) {
        this(steps, slotSchemas, within, false, List.of(), List.of());
    }

    /**
     * @param sequence whether this is a sequence
     * @param resetOrder for a sequence, the steps whose waiting instances are dropped before each event, in order
     * @param updateOrder for a sequence, the steps whose new instances start waiting before each event, in order
     */
    public PatternSpec(List<PatternStep> steps, List<StreamSchema> slotSchemas, long within, boolean sequence,
            List<Integer> resetOrder, List<Integer> updateOrder) {
        this.steps = List.copyOf(steps);
        this.slotSchemas = List.copyOf(slotSchemas);
        this.within = within;
        this.sequence = sequence;
        this.resetOrder = List.copyOf(resetOrder);
        this.updateOrder = List.copyOf(updateOrder);
    }

    public boolean isSequence() {
        return sequence;
    }

    public List<Integer> resetOrder() {
        return resetOrder;
    }

    public List<Integer> updateOrder() {
        return updateOrder;
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
