package org.siddhiql.compiler;

import io.siddhi.query.api.expression.Variable;
import java.util.ArrayList;
import java.util.List;
import org.siddhiql.compiler.expression.ResolvedAttribute;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.aggregate.Aggregator;

/**
 * The names visible in a pattern query: each step's stream, known by its alias ({@code e1}) or, without one, by its
 * stream id, at its slot. References resolve as Siddhi's do: in a step's filter a plain attribute is the step's own
 * and reads its latest event; in the select clause an unindexed reference to a counted step is the list of its
 * values; {@code e[last]} is the last event, {@code e[last-1]} the one before.
 */
final class PatternScope extends ClauseScope {
    /** One slot of the pattern. */
    static final class Slot {
        final String alias;
        final StreamSchema schema;
        final boolean counted;

        Slot(String alias, StreamSchema schema, boolean counted) {
            this.alias = alias;
            this.schema = schema;
            this.counted = counted;
        }
    }

    private static final int NO_STEP = -1;

    private final List<Slot> slots;
    private final int currentStep;

    private PatternScope(List<Slot> slots, int currentStep, String clause, List<Aggregator> aggregators,
            boolean trackRemovals) {
        super(clause, aggregators, trackRemovals);
        this.slots = slots;
        this.currentStep = currentStep;
    }

    /** The filter of step {@code step}; {@code clause} names it in messages. */
    static PatternScope filter(List<Slot> slots, int step, String clause) {
        return new PatternScope(slots, step, clause, null, false);
    }

    static PatternScope selecting(List<Slot> slots) {
        return new PatternScope(slots, NO_STEP, "select", new ArrayList<>(), false);
    }

    /** A join's select clause: its aggregators see expired pairs, so they keep removable state. */
    static PatternScope selectingJoined(List<Slot> slots) {
        return new PatternScope(slots, NO_STEP, "select", new ArrayList<>(), true);
    }

    static PatternScope of(List<Slot> slots, String clause) {
        return new PatternScope(slots, NO_STEP, clause, null, false);
    }

    /** siddhi-core 5.1 fails on {@code in T} over several events; see {@link Scope#allowsTableMembership()}. */
    @Override
    public boolean allowsTableMembership() {
        return false;
    }

    @Override
    public ResolvedAttribute resolve(Variable variable) {
        String name = variable.getAttributeName();
        int slot = variable.getStreamId() != null ? slotNamed(variable) : slotHaving(variable);
        StreamSchema schema = slots.get(slot).schema;
        int index = schema.indexOf(name);
        if (index < 0) {
            String reference = variable.getStreamId() == null ? ""
                    : " (reference " + variable.getStreamId() + indexText(variable.getStreamIndex()) + ")";
            throw new CompileException(SourcePosition.of(variable), "attribute '" + name + "' is not defined in "
                    + "stream " + schema.name() + reference);
        }
        Integer streamIndex = variable.getStreamIndex();
        int position;
        if (streamIndex == null) {
            position = currentStep == NO_STEP && slots.get(slot).counted
                    ? ResolvedAttribute.ALL_EVENTS : ResolvedAttribute.DEFAULT_EVENT;
        } else if (streamIndex <= Variable.LAST) {
            // e[last] is -2 in Siddhi's model; in a step's own filter the event under test is already the last one
            // collected, so there e1[last] is the one before it.
            position = slot == currentStep ? streamIndex : streamIndex + 1;
        } else {
            position = streamIndex;
        }
        AttributeType type = position == ResolvedAttribute.ALL_EVENTS ? AttributeType.OBJECT
                : schema.attributeType(index);
        return new ResolvedAttribute(slot, index, type, position);
    }

    private int slotNamed(Variable variable) {
        String id = variable.getStreamId();
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            if (slot.alias == null ? slot.schema.name().equals(id) : slot.alias.equals(id)) {
                return i;
            }
        }
        throw new CompileException(SourcePosition.of(variable), "event reference '" + id + "' is not defined in the "
                + "pattern");
    }

    private int slotHaving(Variable variable) {
        String name = variable.getAttributeName();
        if (currentStep != NO_STEP) {
            return currentStep;
        }
        int found = -1;
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).schema.indexOf(name) >= 0) {
                if (found >= 0) {
                    throw new CompileException(SourcePosition.of(variable), "attribute '" + name + "' is ambiguous: "
                            + "streams " + describe(found) + " and " + describe(i) + " both have it");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new CompileException(SourcePosition.of(variable), "attribute '" + name + "' is not defined in any "
                    + "stream of the pattern");
        }
        return found;
    }

    private String describe(int slot) {
        Slot s = slots.get(slot);
        return s.schema.name() + (s.alias == null ? "" : " (" + s.alias + ")");
    }

    private static String indexText(Integer index) {
        if (index == null) {
            return "";
        }
        if (index <= Variable.LAST) {
            return index == Variable.LAST ? "[last]" : "[last-" + (Variable.LAST - index) + "]";
        }
        return "[" + index + "]";
    }
}
