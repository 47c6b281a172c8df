package org.siddhiql.runtime.pattern;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.expression.Row;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.pattern.PatternState.StepState;

/**
 * Siddhi 5.1's pattern algorithm over a {@link PatternState}, step by step as its state processors run it, because
 * the results (which instances start, which pair up, in which order simultaneous matches come out) follow from that
 * procedure, quirks included:
 * <ul>
 * <li>an arriving event first expires, at every step, the partial matches older than {@code within}; then the fresh
 * partial matches of the steps reading its stream become pending (sorted by time, unstamped ones last); then each such
 * step (the last one first, when a stream feeds several) offers the event to each of its pending matches;</li>
 * <li>a match that takes a step's event moves on to the next step's fresh list, and {@code every} adds a copy with
 * this and later slots cleared to the restarting step's fresh list;</li>
 * <li>a counted step keeps collecting into the same instance after passing it on at its minimum count, until the
 * maximum, so the next step sees the later events too.</li>
 * </ul>
 * Not thread-safe; one instance per kernel, used for one call at a time.
 */
final class PatternMatcher {
    private static final Comparator<PartialMatch> BY_TIME_UNSTAMPED_LAST = (a, b) -> a.timestamp == -1
            ? (b.timestamp == -1 ? 0 : 1)
            : b.timestamp == -1 ? -1 : Long.compare(a.timestamp, b.timestamp);

    private final PatternStep[] steps;
    private final Evaluator[][] filters;
    private final long within;
    private final int[] startSteps;
    private final Map<String, int[]> stepsByStream;
    private StepState[] state;

    PatternMatcher(PatternSpec spec) {
        steps = spec.steps().toArray(new PatternStep[0]);
        filters = new Evaluator[steps.length][];
        List<Integer> starts = new ArrayList<>();
        Map<String, List<Integer>> byStream = new java.util.LinkedHashMap<>();
        for (int i = 0; i < steps.length; i++) {
            filters[i] = steps[i].filters().toArray(new Evaluator[0]);
            if (steps[i].isStart()) {
                starts.add(i);
            }
            byStream.computeIfAbsent(steps[i].stream(), s -> new ArrayList<>()).add(i);
        }
        within = spec.within();
        startSteps = starts.stream().mapToInt(Integer::intValue).toArray();
        stepsByStream = new java.util.HashMap<>();
        byStream.forEach((stream, list) -> stepsByStream.put(stream, list.stream().mapToInt(Integer::intValue)
                .toArray()));
    }

    /** The state before any event: each start step waits with an empty instance. */
    PatternState initialState() {
        PatternState initial = new PatternState(steps.length);
        state = initial.steps;
        for (int i = 0; i < steps.length; i++) {
            if (steps[i].isStart()) {
                addState(i, new PartialMatch(steps.length));
            }
        }
        return initial;
    }

    /**
     * Offers one event of {@code stream} to the pattern; each completed match goes to {@code completed}, in Siddhi's
     * order, as soon as the step that completed it has seen the event.
     */
    void onEvent(PatternState patternState, String stream, Event event, Consumer<MatchEvent> completed) {
        int[] readers = stepsByStream.get(stream);
        if (readers == null) {
            return;
        }
        state = patternState.steps;
        for (int i = 0; i < steps.length; i++) {
            expire(i, event.timestamp());
        }
        for (int reader : readers) {
            updateState(reader);
        }
        for (int r = readers.length - 1; r >= 0; r--) {
            for (PartialMatch match : offer(readers[r], event)) {
                completed.accept(MatchEvent.of(match));
            }
        }
    }

    // ------------------------------------------------------------------------------------------- moving instances

    private void addState(int step, PartialMatch match) {
        PatternStep spec = steps[step];
        StepState own = state[step];
        if (spec.isLogical()) {
            StepState partner = state[spec.partner()];
            if (spec.isStart()) {
                // A start step of 'and'/'or' holds one waiting instance, shared with its partner.
                if (own.fresh.isEmpty()) {
                    own.fresh.add(match);
                }
                if (partner.fresh.isEmpty()) {
                    partner.fresh.add(match);
                }
            } else {
                own.fresh.add(match);
                partner.fresh.add(match);
            }
            return;
        }
        own.fresh.add(match);
        if (spec.kind() == PatternStep.Kind.COUNT && spec.minCount() == 0 && match.slots[step] == null) {
            minCountReached(step, match); // zero events already satisfy '<0:m>': the next step may start now
        }
    }

    /** {@code every}: a copy of the instance, this step and the later ones cleared, starts over here. */
    private void addEveryState(int step, PartialMatch match) {
        PartialMatch copy = match.copy();
        copy.expired = false;
        for (int slot = step; slot < copy.slots.length; slot++) {
            copy.slots[slot] = null;
        }
        state[step].fresh.add(copy);
        if (steps[step].isLogical()) {
            copy.slots[steps[step].partner()] = null;
            state[steps[step].partner()].fresh.add(copy);
        }
    }

    private void updateState(int step) {
        promote(state[step]);
        if (steps[step].isLogical()) {
            promote(state[steps[step].partner()]);
        }
    }

    private static void promote(StepState step) {
        step.fresh.sort(BY_TIME_UNSTAMPED_LAST);
        step.pending.addAll(step.fresh);
        step.fresh.clear();
    }

    // -------------------------------------------------------------------------------------------------- within

    private void expire(int step, long now) {
        if (within == PatternSpec.NO_WITHIN) {
            return;
        }
        StepState own = state[step];
        PartialMatch lastExpired = null;
        for (Iterator<PartialMatch> it = own.pending.iterator(); it.hasNext(); ) {
            PartialMatch match = it.next();
            if (!isExpired(match, now)) {
                break; // pending is in time order: the rest are younger (as Siddhi assumes)
            }
            it.remove();
            if (!match.expired) {
                match.expired = true;
                lastExpired = match;
            }
        }
        for (Iterator<PartialMatch> it = own.fresh.iterator(); it.hasNext(); ) {
            PartialMatch match = it.next();
            if (isExpired(match, now)) {
                it.remove();
                if (!match.expired) {
                    match.expired = true;
                    lastExpired = match;
                }
            }
        }
        int restart = steps[step].withinEvery();
        if (lastExpired != null && restart != PatternStep.NONE) {
            addEveryState(restart, lastExpired);
            updateState(restart);
        }
    }

    private boolean isExpired(PartialMatch match, long now) {
        for (int start : startSteps) {
            EventChain chain = match.slots[start];
            if (chain != null && Math.abs(chain.first().timestamp() - now) > within) {
                return true;
            }
        }
        return false;
    }

    // ----------------------------------------------------------------------------------------- offering an event

    /** Offers the event to each pending instance of the step; returns the instances it completed. */
    private List<PartialMatch> offer(int step, Event event) {
        PatternStep spec = steps[step];
        StepState own = state[step];
        StepState completion = state[spec.completionStep()];
        List<PartialMatch> completed = new ArrayList<>(1);
        for (Iterator<PartialMatch> it = own.pending.iterator(); it.hasNext(); ) {
            PartialMatch match = it.next();
            if (spec.kind() == PatternStep.Kind.COUNT) {
                // The following step already took this instance: it is done collecting.
                if (filled(match, step + 1) || filled(match, step + 2)) {
                    it.remove();
                    continue;
                }
                append(match, step, event);
                own.successCondition = false;
            } else {
                if (spec.kind() == PatternStep.Kind.OR && match.slots[spec.partner()] != null) {
                    it.remove(); // the other side of 'or' already matched
                    continue;
                }
                match.slots[step] = new EventChain(event);
            }
            attempt(step, match, event);
            if (completion.completed) {
                completion.completed = false;
                completed.add(match);
            }
            if (spec.kind() == PatternStep.Kind.COUNT) {
                if (own.stateChanged) {
                    it.remove();
                }
                if (!own.successCondition) {
                    removeLast(match, step);
                }
            } else if (own.stateChanged) {
                it.remove();
            } else {
                match.slots[step] = null;
            }
        }
        return completed;
    }

    private static boolean filled(PartialMatch match, int slot) {
        return slot < match.slots.length && match.slots[slot] != null;
    }

    private static void append(PartialMatch match, int slot, Event event) {
        if (match.slots[slot] == null) {
            match.slots[slot] = new EventChain(event);
        } else {
            match.slots[slot].events.add(event);
        }
    }

    private static void removeLast(PartialMatch match, int slot) {
        EventChain chain = match.slots[slot];
        if (chain == null) {
            return;
        }
        if (chain.events.size() == 1) {
            match.slots[slot] = null; // the chain itself stays intact for copies sharing it
        } else {
            chain.events.remove(chain.events.size() - 1);
        }
    }

    /** The step's filters, then, if they pass, what its post-processor does with the match. */
    private void attempt(int step, PartialMatch match, Event event) {
        state[step].stateChanged = false;
        Row row = new FilterRow(match, event.timestamp());
        for (Evaluator filter : filters[step]) {
            if (!Boolean.TRUE.equals(filter.evaluate(row))) {
                return;
            }
        }
        PatternStep spec = steps[step];
        switch (spec.kind()) {
            case COUNT: {
                EventChain chain = match.slots[step];
                int count = chain.events.size();
                state[step].successCondition = true;
                match.timestamp = chain.last().timestamp();
                if (count >= spec.minCount()) {
                    if (count == spec.minCount()) {
                        minCountReached(step, match);
                    }
                    if (count == spec.maxCount()) {
                        state[step].stateChanged = true;
                    }
                }
                break;
            }
            case AND:
                if (match.slots[spec.partner()] != null) {
                    matched(step, match);
                } else {
                    state[step].stateChanged = true; // half done: the partner's list still holds the instance
                }
                break;
            case OR:
                matched(step, match);
                PatternStep partner = steps[spec.partner()];
                if (partner.selects() && spec.completionStep() == spec.partner()) {
                    state[spec.partner()].completed = true; // 'from A or B': the first side reports via B
                }
                break;
            default:
                matched(step, match);
        }
    }

    /** A step matched: the instance leaves it, moves on, and {@code every} restarts a copy. */
    private void matched(int step, PartialMatch match) {
        PatternStep spec = steps[step];
        state[step].stateChanged = true;
        match.timestamp = match.slots[step].first().timestamp();
        if (spec.selects()) {
            state[step].completed = true;
        }
        passOn(step, match);
    }

    private void minCountReached(int step, PartialMatch match) {
        if (steps[step].selects()) {
            state[step].stateChanged = true;
            state[step].completed = true;
        }
        passOn(step, match);
    }

    private void passOn(int step, PartialMatch match) {
        PatternStep spec = steps[step];
        if (spec.next() != PatternStep.NONE) {
            addState(spec.next(), match);
        }
        if (spec.nextEvery() != PatternStep.NONE) {
            addEveryState(spec.nextEvery(), match);
        }
    }

    /** What a step's filter reads: plain references read the slot's latest event, as in Siddhi's filters. */
    private static final class FilterRow implements Row {
        private final PartialMatch match;
        private final long now;

        FilterRow(PartialMatch match, long now) {
            this.match = match;
            this.now = now;
        }

        @Override
        public Object get(int streamIndex, int attributeIndex) {
            EventChain chain = match.slots[streamIndex];
            return chain == null ? null : chain.last().get(attributeIndex);
        }

        @Override
        public Object get(int streamIndex, int position, int attributeIndex) {
            EventChain chain = match.slots[streamIndex];
            return MatchEvent.valueAt(chain == null ? List.of() : chain.events, position, attributeIndex);
        }

        @Override
        public long timestamp(int streamIndex) {
            EventChain chain = match.slots[streamIndex];
            return chain == null ? now : chain.last().timestamp();
        }

        @Override
        public long timestamp() {
            return now;
        }
    }
}
