package org.siddhiql.runtime.pattern;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * All run-time state of one pattern query, kept as one managed value: per step, the partial matches waiting for its
 * next event ({@code pending}) and those added since its stream last delivered an event ({@code fresh}), plus the
 * flags Siddhi's processors leave behind between calls.
 */
final class PatternState {
    final StepState[] steps;

    PatternState(int stepCount) {
        steps = new StepState[stepCount];
        for (int i = 0; i < stepCount; i++) {
            steps[i] = new StepState();
        }
    }

    /**
     * The partial matches: the distinct instances in the steps' lists that hold at least one event, each counted
     * once however many lists hold it (the copies {@code every} makes are instances of their own). Instances without
     * events (those start steps keep ready for their first event, and those of a leading absence) are not counted.
     */
    int partialMatches() {
        Set<PartialMatch> counted = Collections.newSetFromMap(new IdentityHashMap<>());
        for (StepState step : steps) {
            countInto(step.pending, counted);
            countInto(step.fresh, counted);
        }
        return counted.size();
    }

    private static void countInto(List<PartialMatch> matches, Set<PartialMatch> counted) {
        for (PartialMatch match : matches) {
            if (match.holdsEvent()) {
                counted.add(match);
            }
        }
    }

    static final class StepState {
        final List<PartialMatch> pending = new ArrayList<>();
        final List<PartialMatch> fresh = new ArrayList<>();
        /** The last attempt moved the match on (or, for a counted step, filled it), so it leaves this step. */
        boolean stateChanged;
        /** A counted step accepted the event it was offered. */
        boolean successCondition;
        /** This step completed the pattern; read and cleared by the step whose completion step this is. */
        boolean completed;
        /** Absent steps: the deadline of an instance that has no timestamp yet (a start step's). */
        long lastScheduledTime;
        /** Absent start steps without {@code every}: false once the absence was reported. */
        boolean active = true;
        /** Absent steps: the pending wake-up times, ascending, repeats kept (Siddhi's per-step scheduler queue). */
        final List<Long> timers = new ArrayList<>();
        /** Start steps: an instance was created at the start (without 'every', a sequence never starts another). */
        boolean initialized;
        /** A counted start step of a sequence: start afresh at the next event. */
        boolean restart;
        /** Absent sides of 'and'/'or': when an event last broke the absence (0: none since the last wake-up). */
        long lastArrivalTime;
    }
}
