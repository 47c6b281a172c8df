package org.siddhiql.runtime.pattern;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.pattern.PatternState.StepState;

/**
 * The absent steps of a {@link PatternMatcher} ({@code not B[cond] for t}, alone or as a side of {@code and}/{@code
 * or}), as Siddhi's absent state processors run them: each such step has its own queue of wake-up times in the
 * pattern state (Siddhi's per-processor scheduler); when the clock passes one, the instances whose wait ran out move
 * on, stamped with the wake-up time. An event of the step's stream that satisfies its condition breaks the wait.
 * Works on the matcher's state of the current call.
 */
final class Absences {
    private final PatternMatcher m;
    /** Per slot, the number of attributes of its stream (for the mark an absence that held leaves in its slot). */
    private final int[] slotArity;

    Absences(PatternMatcher matcher, PatternSpec spec) {
        this.m = matcher;
        this.slotArity = spec.slotSchemas().stream().mapToInt(schema -> schema.typeArray().length).toArray();
    }

    /**
     * The clock moved to {@code now}: runs the absent steps' wake-ups due by then, as Siddhi's schedulers do: the
     * steps whose earliest wake-up is due, earliest first, each running all of its due wake-ups in time order. An
     * absence that held is stamped with its wake-up time, not with {@code now}.
     */
    void runDue(long now, Consumer<MatchEvent> completed) {
        List<Integer> due = new ArrayList<>();
        for (int i = 0; i < m.steps.length; i++) {
            if (!m.state[i].timers.isEmpty() && m.state[i].timers.get(0) <= now) {
                due.add(i);
            }
        }
        due.sort(Comparator.comparingLong(i -> m.state[i].timers.get(0)));
        for (int step : due) {
            List<Long> timers = m.state[step].timers;
            while (!timers.isEmpty() && timers.get(0) <= now) {
                if (m.steps[step].isLogical()) {
                    absentSideTimer(step, timers.remove(0), now, completed);
                } else {
                    absenceTimer(step, timers.remove(0), now, completed);
                }
            }
        }
    }

    /**
     * The awaited absence did not hold: the instance is dropped. An absent start step under its own {@code every}
     * starts waiting again from this event.
     */
    void absenceBroken(int step, PartialMatch match, long time) {
        PatternStep spec = m.steps[step];
        m.state[step].stateChanged = true;
        match.timestamp = time;
        if (spec.isStart() && spec.nextEvery() == step) {
            m.addEveryState(step, match);
        }
        scheduleAbsence(step, time + spec.waitingTime());
    }

    /** Records the deadline of the step's latest wait and asks for a wake-up then. */
    void scheduleAbsence(int step, long time) {
        m.state[step].lastScheduledTime = time;
        scheduleWakeUp(step, time);
    }

    /** Adds a wake-up to the step's queue, in time order after equal times, and asks the backend for it. */
    void scheduleWakeUp(int step, long time) {
        StepState own = m.state[step];
        int at = own.timers.size();
        while (at > 0 && own.timers.get(at - 1) > time) {
            at--;
        }
        own.timers.add(at, time);
        m.scheduler.accept(time);
    }

    /**
     * One wake-up of an absent step at {@code time} (the clock is at {@code now}): each waiting instance whose wait
     * has run out moves on, stamped {@code time}. A start step without a waiting instance gets a fresh one first,
     * which waits until the step's latest deadline.
     */
    private void absenceTimer(int step, long time, long now, Consumer<MatchEvent> completed) {
        PatternStep spec = m.steps[step];
        StepState own = m.state[step];
        if (!own.active) {
            return;
        }
        boolean initialize = spec.isStart() && own.fresh.isEmpty() && own.pending.isEmpty();
        if (initialize && m.sequence && spec.nextEvery() == PatternStep.NONE && own.lastScheduledTime > 0) {
            initialize = false; // a sequence without 'every' whose absence was already broken does not start again
        }
        if (initialize) {
            m.addState(step, new PartialMatch(m.steps.length));
        } else if (m.sequence && !own.fresh.isEmpty()) {
            m.resetState(step);
        }
        m.updateState(step);
        List<PartialMatch> held = new ArrayList<>();
        for (Iterator<PartialMatch> it = own.pending.iterator(); it.hasNext(); ) {
            PartialMatch match = it.next();
            if (m.within != PatternSpec.NO_WITHIN && m.isExpired(match, time)) {
                it.remove();
                if (spec.withinEvery() != PatternStep.NONE && spec.nextEvery() != PatternStep.NONE
                        && spec.nextEvery() != step) {
                    m.addEveryState(spec.nextEvery(), match);
                }
                continue;
            }
            long deadline = match.timestamp == -1 ? own.lastScheduledTime : match.timestamp + spec.waitingTime();
            if (time >= deadline) {
                it.remove();
                match.timestamp = time;
                held.add(match);
            }
        }
        if (spec.withinEvery() != PatternStep.NONE) {
            m.updateState(spec.withinEvery());
        }
        for (PartialMatch match : held) {
            absenceHeld(step, match, completed);
        }
        if (now > time + spec.waitingTime()) {
            own.lastScheduledTime = now + spec.waitingTime(); // as Siddhi: moved, but no wake-up asked for it
        }
        if (held.isEmpty() && own.lastScheduledTime < time) {
            scheduleAbsence(step, time + spec.waitingTime());
        }
    }

    /**
     * An event of an absent side's stream: each waiting instance it satisfies leaves the side (it stays with the
     * present side, which then finds the absence broken). Without {@code for}, the event stays in the slot as the
     * sign of that.
     */
    void offerToAbsentSide(int step, Event event) {
        PatternStep spec = m.steps[step];
        StepState own = m.state[step];
        for (Iterator<PartialMatch> it = own.pending.iterator(); it.hasNext(); ) {
            PartialMatch match = it.next();
            if (spec.kind() == PatternStep.Kind.OR && match.slots[spec.partner()] != null) {
                it.remove();
                continue;
            }
            EventChain before = match.slots[step];
            match.slots[step] = new EventChain(event);
            if (m.passes(step, match, event)) {
                own.lastArrivalTime = event.timestamp();
                it.remove();
                if (spec.waitingTime() != PatternStep.NO_WAITING) {
                    match.slots[step] = before;
                }
            } else {
                match.slots[step] = before;
                if (m.sequence) {
                    it.remove();
                }
            }
        }
    }

    /** Whether the present side of 'A and not B' may complete: B's absence held (or, without 'for', B never came). */
    boolean absentPartnerAllows(int partner, PartialMatch match) {
        PatternStep side = m.steps[partner];
        StepState sideState = m.state[partner];
        if (m.sequence && side.nextEvery() == PatternStep.NONE && sideState.lastArrivalTime > 0) {
            return false;
        }
        if (side.waitingTime() != PatternStep.NO_WAITING) {
            return match.slots[partner] != null;
        }
        if (side.nextEvery() == PatternStep.NONE) {
            return match.slots[partner] == null;
        }
        if (sideState.lastArrivalTime > 0) {
            // Under 'every' a B since the last start breaks this instance, and a new one starts.
            sideState.lastArrivalTime = 0;
            m.init(partner);
            return false;
        }
        return true;
    }

    /**
     * A wake-up of an absent side of 'and'/'or' at {@code time}: if no breaking event came in the last wait, each
     * instance whose wait ran out either completes (its partner is done, or it is 'or') or, for 'and', keeps the
     * mark that this side held. Under {@code every}, or at a start still waiting, the side asks for its next wake-up.
     */
    private void absentSideTimer(int step, long time, long now, Consumer<MatchEvent> completed) {
        PatternStep spec = m.steps[step];
        StepState own = m.state[step];
        if (!own.active) {
            return;
        }
        boolean processed = false;
        long wait = spec.waitingTime();
        if (time >= own.lastArrivalTime + wait) {
            m.updateState(step);
            PartialMatch expired = null;
            List<PartialMatch> held = new ArrayList<>();
            for (Iterator<PartialMatch> it = own.pending.iterator(); it.hasNext(); ) {
                PartialMatch match = it.next();
                if (m.within != PatternSpec.NO_WITHIN && m.isExpired(match, time)) {
                    expired = match;
                    it.remove();
                    continue;
                }
                EventChain collected = match.slots[step];
                long since = collected == null ? match.timestamp : collected.first().timestamp();
                if (time < since + wait) {
                    continue;
                }
                it.remove();
                boolean partnerDone = match.slots[spec.partner()] != null;
                if (spec.kind() == PatternStep.Kind.OR ? !partnerDone : partnerDone) {
                    if (spec.kind() == PatternStep.Kind.OR) {
                        match.slots[step] = absenceMark(step);
                    }
                    held.add(match);
                } else if (spec.kind() == PatternStep.Kind.AND) {
                    match.slots[step] = absenceMark(step);
                }
            }
            if (expired != null && spec.withinEvery() != PatternStep.NONE) {
                m.addEveryState(spec.withinEvery(), expired);
                m.updateState(spec.withinEvery());
            }
            for (PartialMatch match : held) {
                match.timestamp = time;
                absenceHeld(step, match, completed);
            }
            processed = !held.isEmpty();
            own.lastArrivalTime = 0;
        }
        if (spec.nextEvery() != PatternStep.NONE || (!processed && spec.isStart())) {
            scheduleWakeUp(step, (own.lastArrivalTime == 0 ? now : own.lastArrivalTime) + wait);
        }
    }

    private void absenceHeld(int step, PartialMatch match, Consumer<MatchEvent> completed) {
        PatternStep spec = m.steps[step];
        if (spec.selects()) {
            completed.accept(MatchEvent.of(match));
        }
        if (spec.next() != PatternStep.NONE) {
            m.addState(spec.next(), match);
        }
        if (spec.nextEvery() != PatternStep.NONE) {
            m.addEveryState(spec.nextEvery(), match);
        } else if (spec.isStart()) {
            m.state[step].active = false;
            if (spec.kind() == PatternStep.Kind.OR && m.steps[spec.partner()].isAbsentSide()) {
                m.state[spec.partner()].active = false;
            }
        }
    }

    /** What an absence that held leaves in its slot: an event without values, so the slot reads as filled. */
    private EventChain absenceMark(int step) {
        return new EventChain(new Event(-1, new Object[slotArity[step]]));
    }

}
