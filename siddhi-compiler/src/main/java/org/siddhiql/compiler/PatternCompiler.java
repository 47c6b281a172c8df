package org.siddhiql.compiler;

import io.siddhi.query.api.execution.query.input.handler.Filter;
import io.siddhi.query.api.execution.query.input.handler.StreamHandler;
import io.siddhi.query.api.execution.query.input.state.AbsentStreamStateElement;
import io.siddhi.query.api.execution.query.input.state.CountStateElement;
import io.siddhi.query.api.execution.query.input.state.EveryStateElement;
import io.siddhi.query.api.execution.query.input.state.LogicalStateElement;
import io.siddhi.query.api.execution.query.input.state.NextStateElement;
import io.siddhi.query.api.execution.query.input.state.StateElement;
import io.siddhi.query.api.execution.query.input.state.StreamStateElement;
import io.siddhi.query.api.execution.query.input.stream.BasicSingleInputStream;
import io.siddhi.query.api.execution.query.input.stream.StateInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.expression.ExpressionCompiler;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.pattern.PatternSpec;
import org.siddhiql.runtime.pattern.PatternStep;

/**
 * Plans the input of a pattern query ({@code from every e1=A -> e2=B[v > e1.v] within 1 sec}). Steps get their slots
 * in the order Siddhi numbers them (left to right, except that the right side of {@code and}/{@code or} comes first),
 * and are wired as Siddhi wires its state processors, so that {@link org.siddhiql.runtime.pattern.PatternKernel}
 * can follow Siddhi's procedure exactly. Sequences ({@code ,}) and absent steps ({@code not B for t}, or {@code not B}
 * as a side of {@code and}/{@code or}) are planned the same way.
 */
final class PatternCompiler {
    private final ExpressionCompiler expressions;
    private final Map<String, StreamSchema> streams;
    private final List<PatternScope.Slot> slots = new ArrayList<>();
    private final List<PatternStep> steps = new ArrayList<>();

    /** The steps a sub-pattern spans: the first to receive instances, the last to pass them on, and who selects. */
    private static final class Part {
        final int first;
        final int last;
        final List<Integer> selecting;
        final int from;
        final int to;
        /** The steps Siddhi's state runtime for this part resets before each event of a sequence, in order. */
        final List<Integer> resets;
        /** The steps it refreshes (moves new instances to waiting) before each event of a sequence, in order. */
        final List<Integer> updates;

        Part(int first, int last, List<Integer> selecting, int from, int to, List<Integer> resets,
                List<Integer> updates) {
            this.first = first;
            this.last = last;
            this.selecting = selecting;
            this.from = from;
            this.to = to;
            this.resets = resets;
            this.updates = updates;
        }

        /** A part of one step, which its runtime resets and refreshes itself. */
        static Part single(int step) {
            return new Part(step, step, List.of(step), step, step + 1, List.of(step), List.of(step));
        }
    }

    private boolean sequence;

    private final boolean inPartition;

    PatternCompiler(ExpressionCompiler expressions, Map<String, StreamSchema> streams, boolean inPartition) {
        this.expressions = expressions;
        this.streams = streams;
        this.inPartition = inPartition;
    }

    /** The slots, known once {@link #compile} has run, for the select clause's scope. */
    List<PatternScope.Slot> slots() {
        return slots;
    }

    PatternSpec compile(StateInputStream input) {
        sequence = input.getStateType() == StateInputStream.Type.SEQUENCE;
        collectSlots(input.getStateElement());
        Part root = build(input.getStateElement(), true);
        for (int selecting : root.selecting) {
            steps.get(selecting).setSelects(true);
        }
        steps.get(root.first).setCompletionStep(root.last);
        if (sequence) {
            wireCountRestarts();
        }
        List<StreamSchema> schemas = new ArrayList<>();
        slots.forEach(slot -> schemas.add(slot.schema));
        long within = input.getWithinTime() == null ? PatternSpec.NO_WITHIN : input.getWithinTime().value();
        return new PatternSpec(steps, schemas, within, sequence, root.resets, root.updates);
    }

    /** A sequence starting with a counted step that may be empty restarts it whenever the step after it tries. */
    private void wireCountRestarts() {
        for (int i = 0; i < steps.size(); i++) {
            PatternStep step = steps.get(i);
            if (step.kind() == PatternStep.Kind.COUNT && step.isStart() && step.minCount() == 0
                    && step.next() != PatternStep.NONE) {
                steps.get(step.next()).setCountToRestart(i);
            }
        }
    }

    /** First pass: every step's alias and stream, so filters may refer to any step. */
    private void collectSlots(StateElement element) {
        if (element instanceof StreamStateElement) {
            slots.add(slot((StreamStateElement) element, false));
        } else if (element instanceof CountStateElement) {
            slots.add(slot(((CountStateElement) element).getStreamStateElement(), true));
        } else if (element instanceof NextStateElement) {
            collectSlots(((NextStateElement) element).getStateElement());
            collectSlots(((NextStateElement) element).getNextStateElement());
        } else if (element instanceof EveryStateElement) {
            collectSlots(((EveryStateElement) element).getStateElement());
        } else if (element instanceof LogicalStateElement) {
            collectSlots(((LogicalStateElement) element).getStreamStateElement2());
            collectSlots(((LogicalStateElement) element).getStreamStateElement1());
        } else {
            throw AppCompiler.unsupported(element, "this kind of pattern element is not supported yet");
        }
    }

    private PatternScope.Slot slot(StreamStateElement element, boolean counted) {
        BasicSingleInputStream input = element.getBasicSingleInputStream();
        StreamSchema schema = streams.get(input.getStreamId());
        if (schema == null) {
            throw new CompileException(SourcePosition.firstOf(input, element),
                    "stream '" + input.getStreamId() + "' is not defined");
        }
        if (input.isInnerStream() && !inPartition) {
            throw AppCompiler.unsupported(input, "inner streams (#) are only valid inside partitions");
        }
        return new PatternScope.Slot(input.getStreamReferenceId(), schema, counted);
    }

    /** Second pass, in the same order: creates and wires the steps of {@code element}. */
    private Part build(StateElement element, boolean start) {
        if (element instanceof AbsentStreamStateElement) {
            AbsentStreamStateElement absent = (AbsentStreamStateElement) element;
            if (absent.getWaitingTime() == null) {
                throw AppCompiler.unsupported(element, "'not' without 'for' is only supported in 'and'");
            }
            int step = addStep(absent, PatternStep.Kind.ABSENT, 0, 0, start);
            steps.get(step).setWaitingTime(absent.getWaitingTime().value());
            return Part.single(step);
        }
        if (element instanceof StreamStateElement) {
            return Part.single(addStep((StreamStateElement) element, PatternStep.Kind.STREAM, 0, 0, start));
        }
        if (element instanceof CountStateElement) {
            CountStateElement count = (CountStateElement) element;
            int min = count.getMinCount() == CountStateElement.ANY ? 0 : count.getMinCount();
            int max = count.getMaxCount() == CountStateElement.ANY ? Integer.MAX_VALUE : count.getMaxCount();
            return Part.single(addStep(count.getStreamStateElement(), PatternStep.Kind.COUNT, min, max, start));
        }
        if (element instanceof NextStateElement) {
            Part current = build(((NextStateElement) element).getStateElement(), start);
            Part next = build(((NextStateElement) element).getNextStateElement(), false);
            wire(current.last, next.first, false);
            List<Integer> resets = new ArrayList<>(next.resets);
            resets.addAll(current.resets);
            List<Integer> updates = new ArrayList<>(current.updates);
            updates.addAll(next.updates);
            return new Part(current.first, next.last, next.selecting, current.from, next.to, resets, updates);
        }
        if (element instanceof EveryStateElement) {
            Part inner = build(((EveryStateElement) element).getStateElement(), start);
            wire(inner.last, inner.first, true);
            for (int step = inner.from; step < inner.to; step++) {
                steps.get(step).setWithinEvery(inner.first);
            }
            // Siddhi's runtime for 'every' resets and refreshes only the first step inside it.
            return new Part(inner.first, inner.last, inner.selecting, inner.from, inner.to, List.of(inner.first),
                    List.of(inner.first));
        }
        LogicalStateElement logical = (LogicalStateElement) element;
        PatternStep.Kind kind = logical.getType() == LogicalStateElement.Type.AND
                ? PatternStep.Kind.AND : PatternStep.Kind.OR;
        int second = addStep(logical.getStreamStateElement2(), kind, 0, 0, start);
        int first = addStep(logical.getStreamStateElement1(), kind, 0, 0, start);
        steps.get(first).setPartner(second);
        steps.get(second).setPartner(first);
        markAbsentSide(second, logical.getStreamStateElement2());
        markAbsentSide(first, logical.getStreamStateElement1());
        // Siddhi's runtime for 'and'/'or' resets and refreshes through its second side (which reaches both).
        return new Part(first, second, List.of(second, first), second, first + 1, List.of(second), List.of(second));
    }

    private void markAbsentSide(int step, StreamStateElement element) {
        if (element instanceof AbsentStreamStateElement) {
            AbsentStreamStateElement absent = (AbsentStreamStateElement) element;
            steps.get(step).setAbsentSide(true);
            steps.get(step).setWaitingTime(absent.getWaitingTime() == null ? PatternStep.NO_WAITING
                    : absent.getWaitingTime().value());
        }
    }

    /** Sets where a match of {@code from} goes; both sides of an 'and'/'or' pass on to the same step. */
    private void wire(int from, int to, boolean every) {
        PatternStep step = steps.get(from);
        set(step, to, every);
        if (step.isLogical()) {
            set(steps.get(step.partner()), to, every);
        }
    }

    private static void set(PatternStep step, int to, boolean every) {
        if (every) {
            step.setNextEvery(to);
        } else {
            step.setNext(to);
        }
    }

    private int addStep(StreamStateElement element, PatternStep.Kind kind, int min, int max, boolean start) {
        int index = steps.size();
        BasicSingleInputStream input = element.getBasicSingleInputStream();
        List<Evaluator> filters = new ArrayList<>();
        for (StreamHandler handler : input.getStreamHandlers()) {
            if (!(handler instanceof Filter)) {
                throw AppCompiler.unsupported(handler, "windows and stream functions in pattern steps are not "
                        + "supported yet");
            }
            filters.add(expressions.compileCondition(((Filter) handler).getParameters()[0],
                    PatternScope.filter(slots, index, "filter")));
        }
        steps.add(new PatternStep(index, input.getStreamId(), filters, kind, min, max, start));
        return index;
    }
}
