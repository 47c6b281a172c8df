package org.siddhiql.runtime.pattern;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
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
 * maximum, so the next step sees the later events too;</li>
 * <li>in a sequence, before each event of its streams the steps Siddhi's state runtimes reach drop the instances
 * that waited for the previous event (a step inside {@code every (...)} other than its first is not reached, which
 * is why an absence there is not broken by its stream), and an event a step's instance does not take breaks it;
 * a counted step hands its instance on at each event past its minimum and never completes the sequence itself;</li>
 * <li>absent steps wait on timers, see {@link Absences}.</li>
 * </ul>
 * Not thread-safe; one instance per kernel, used for one call at a time.
 */
final class PatternMatcher {
    private static final Comparator<PartialMatch> BY_TIME_UNSTAMPED_LAST = (a, b) -> a.timestamp == -1
            ? (b.timestamp == -1 ? 0 : 1)
            : b.timestamp == -1 ? -1 : Long.compare(a.timestamp, b.timestamp);

    final PatternStep[] steps;
    private final Evaluator[][] filters;
    final long within;
    final boolean sequence;
    private final int[] resetOrder;
    private final int[] updateOrder;
    private final Absences absences;
    private final int[] startSteps;
    private final Map<String, int[]> stepsByStream;
    StepState[] state;
    /** Where the current call asks the backend for a wake-up. */
    LongConsumer scheduler;

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
        sequence = spec.isSequence();
        resetOrder = spec.resetOrder().stream().mapToInt(Integer::intValue).toArray();
        updateOrder = spec.updateOrder().stream().mapToInt(Integer::intValue).toArray();
        absences = new Absences(this, spec);
        startSteps = starts.stream().mapToInt(Integer::intValue).toArray();
        stepsByStream = new java.util.HashMap<>();
        byStream.forEach((stream, list) -> stepsByStream.put(stream, list.stream().mapToInt(Integer::intValue)
                .toArray()));
    }

    /**
     * The state before any event: each start step waits with an empty instance, and an absent start step's wait
     * begins at {@code clockStart}.
     */
    PatternState initialState(long clockStart, LongConsumer schedule) {
        PatternState initial = new PatternState(steps.length);
        state = initial.steps;
        scheduler = schedule;
        for (int i = 0; i < steps.length; i++) {
            if (steps[i].isStart()) {
                addState(i, new PartialMatch(steps.length));
                state[i].initialized = true;
                if (steps[i].kind() == PatternStep.Kind.ABSENT) {
                    absences.scheduleAbsence(i, clockStart + steps[i].waitingTime());
                } else if (steps[i].isAbsentSide() && steps[i].waitingTime() != PatternStep.NO_WAITING) {
                    absences.scheduleWakeUp(i, clockStart + steps[i].waitingTime());
                }
            }
        }
        return initial;
    }

    boolean hasAbsence() {
        for (PatternStep step : steps) {
            if (step.isAbsence()) {
                return true;
            }
        }
        return false;
    }

    /** Whether the pattern must see the clock from the app's start, before any of its events: it begins with 'not'. */
    boolean startsWithAbsence() {
        for (PatternStep step : steps) {
            if (step.isStart() && step.isAbsence()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The clock moved to {@code now}: runs the absent steps' wake-ups due by then (see {@link Absences#runDue}).
     */
    void onClock(PatternState patternState, long now, LongConsumer schedule, Consumer<MatchEvent> completed) {
        state = patternState.steps;
        scheduler = schedule;
        absences.runDue(now, completed);
    }

    /**
     * Offers one event of {@code stream} to the pattern; each completed match goes to {@code completed}, in Siddhi's
     * order, as soon as the step that completed it has seen the event.
     */
    void onEvent(PatternState patternState, String stream, Event event, LongConsumer schedule,
            Consumer<MatchEvent> completed) {
        int[] readers = stepsByStream.get(stream);
        if (readers == null) {
            return;
        }
        state = patternState.steps;
        scheduler = schedule;
        for (int i = 0; i < steps.length; i++) {
            expire(i, event.timestamp());
        }
        if (sequence) {
            // Before each event a sequence drops what waited for the previous one: that is its strict contiguity.
            for (int step : resetOrder) {
                resetState(step);
            }
            for (int step : updateOrder) {
                updateState(step);
            }
        } else {
            for (int reader : readers) {
                updateState(reader);
            }
        }
        for (int r = readers.length - 1; r >= 0; r--) {
            for (PartialMatch match : offer(readers[r], event)) {
                completed.accept(MatchEvent.of(match));
            }
        }
    }

    // ------------------------------------------------------------------------------------------- moving instances

    void addState(int step, PartialMatch match) {
        PatternStep spec = steps[step];
        StepState own = state[step];
        if (spec.isLogical()) {
            if (!own.active) {
                return;
            }
            StepState partner = state[spec.partner()];
            if (spec.isAbsentSide() && !spec.isStart() && spec.waitingTime() != PatternStep.NO_WAITING) {
                // Both absent sides start waiting when the instance arrives (Siddhi asks the first side only).
                absences.scheduleWakeUp(step, match.timestamp + spec.waitingTime());
                PatternStep other = steps[spec.partner()];
                if (other.isAbsentSide() && other.waitingTime() != PatternStep.NO_WAITING) {
                    absences.scheduleWakeUp(spec.partner(), match.timestamp + other.waitingTime());
                }
            }
            if (spec.isStart() || sequence) {
                // A start step of 'and'/'or' (any step, in a sequence) holds one new instance, shared with its partner.
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
        if (spec.kind() == PatternStep.Kind.ABSENT) {
            if (!own.active) {
                return;
            }
            if (sequence) {
                own.fresh.clear();
            }
            own.fresh.add(match);
            if (!spec.isStart()) {
                absences.scheduleAbsence(step, match.timestamp + spec.waitingTime()); // the wait starts with the previous step
            }
            return;
        }
        if (sequence && !own.fresh.isEmpty()) {
            return; // a sequence step takes one new instance per event
        }
        own.fresh.add(match);
        if (spec.kind() == PatternStep.Kind.COUNT && spec.minCount() == 0 && match.slots[step] == null) {
            minCountReached(step, match); // zero events already satisfy '<0:m>': the next step may start now
        }
    }

    /** {@code every}: a copy of the instance, this step and the later ones cleared, starts over here. */
    void addEveryState(int step, PartialMatch match) {
        PartialMatch copy = match.copy();
        copy.expired = false;
        if (steps[step].isAbsentSide() && copy.slots[step] != null) {
            copy.timestamp = copy.slots[step].first().timestamp();
        }
        for (int slot = step; slot < copy.slots.length; slot++) {
            copy.slots[slot] = null;
        }
        state[step].fresh.add(copy);
        if (steps[step].kind() == PatternStep.Kind.ABSENT) {
            absences.scheduleAbsence(step, match.timestamp + steps[step].waitingTime());
        }
        if (steps[step].isLogical()) {
            copy.slots[steps[step].partner()] = null;
            state[steps[step].partner()].fresh.add(copy);
        }
    }

    void updateState(int step) {
        if (state[step].restart) {
            state[step].restart = false;
            init(step);
        }
        promote(state[step]);
        if (steps[step].isLogical()) {
            promote(state[steps[step].partner()]);
        }
    }

    /**
     * A sequence's step drops its waiting instances before an event; a start step left without a new instance gets
     * one (see {@link #init}). Both sides of an 'and' are reset only when they wait for the same number.
     */
    void resetState(int step) {
        PatternStep spec = steps[step];
        StepState own = state[step];
        if (spec.isLogical()) {
            StepState partner = state[spec.partner()];
            if (spec.kind() == PatternStep.Kind.AND && own.pending.size() != partner.pending.size()) {
                return;
            }
            partner.pending.clear();
        }
        own.pending.clear();
        if (spec.isStart() && own.fresh.isEmpty()) {
            if (spec.nextEvery() == PatternStep.NONE && spec.next() != PatternStep.NONE
                    && !state[spec.next()].pending.isEmpty()) {
                return;
            }
            init(step);
        }
    }

    /** A start step begins a new instance: once, or again each time under 'every' (or before a sequence's 'not'). */
    void init(int step) {
        PatternStep spec = steps[step];
        boolean beforeAbsence = sequence && spec.next() != PatternStep.NONE
                && steps[spec.next()].kind() == PatternStep.Kind.ABSENT;
        if (spec.isStart() && (!state[step].initialized || spec.nextEvery() != PatternStep.NONE || beforeAbsence)) {
            addState(step, new PartialMatch(steps.length));
            state[step].initialized = true;
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

    boolean isExpired(PartialMatch match, long now) {
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
        if (!own.active) {
            return completed;
        }
        if (spec.isAbsentSide()) {
            absences.offerToAbsentSide(step, event);
            return completed;
        }
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
                    if (sequence && !own.stateChanged) {
                        it.remove();
                    }
                }
            } else if (own.stateChanged) {
                it.remove();
            } else {
                match.slots[step] = null;
                if (sequence && spec.kind() != PatternStep.Kind.ABSENT) {
                    it.remove(); // in a sequence an event that does not match breaks the instance
                }
                if (sequence) {
                    restartCount(spec);
                }
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
        if (!passes(step, match, event)) {
            return;
        }
        PatternStep spec = steps[step];
        switch (spec.kind()) {
            case COUNT: {
                EventChain chain = match.slots[step];
                int count = chain.events.size();
                state[step].successCondition = true;
                match.timestamp = chain.last().timestamp();
                if (count >= spec.minCount()) {
                    if (sequence) {
                        // The next step may take it now, and this one keeps it for one more event.
                        if (spec.next() != PatternStep.NONE) {
                            addState(spec.next(), match);
                        }
                        if (count != spec.maxCount()) {
                            addState(step, match);
                        }
                    } else if (count == spec.minCount()) {
                        minCountReached(step, match);
                    }
                    if (count == spec.maxCount()) {
                        state[step].stateChanged = true;
                    }
                }
                break;
            }
            case ABSENT:
                absences.absenceBroken(step, match, event.timestamp());
                break;
            case AND:
                if (steps[spec.partner()].isAbsentSide() ? absences.absentPartnerAllows(spec.partner(), match)
                        : match.slots[spec.partner()] != null) {
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

    /** Whether the event, in the step's slot of the instance, satisfies the step's filters. */
    boolean passes(int step, PartialMatch match, Event event) {
        Row row = new FilterRow(match, event.timestamp());
        for (Evaluator filter : filters[step]) {
            if (!Boolean.TRUE.equals(filter.evaluate(row))) {
                return false;
            }
        }
        return true;
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
        if (sequence) {
            restartCount(spec);
        }
    }

    private void restartCount(PatternStep spec) {
        if (spec.countToRestart() != PatternStep.NONE) {
            state[spec.countToRestart()].restart = true;
        }
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
