package org.siddhiql.runtime.pattern;

import java.io.Serializable;
import java.util.List;
import org.siddhiql.compiler.expression.Evaluator;

/**
 * One stream step of a pattern ({@code e1=A[v > 10]}, possibly counted or one side of {@code and}/{@code or}) and
 * how it is wired to the others, after Siddhi's pre/post state processors: where a partial match goes when the step
 * matches ({@link #next()}), which step restarts for {@code every} ({@link #nextEvery()}), and so on. A step's index
 * in {@link PatternSpec#steps()} is also its slot in a match. The wiring is set once by the compiler.
 */
public final class PatternStep implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How the step collects events. */
    public enum Kind { STREAM, COUNT, AND, OR, ABSENT }

    public static final int NONE = -1;

    private final String stream;
    private final List<Evaluator> filters;
    private final Kind kind;
    private final int minCount;
    private final int maxCount;
    private final boolean start;
    private int partner = NONE;
    private int next = NONE;
    private int nextEvery = NONE;
    private int withinEvery = NONE;
    private int completionStep;
    private boolean selects;
    private long waitingTime = NO_WAITING;
    private int countToRestart = NONE;
    private boolean absentSide;

    /** An absent step without {@code for}, or a step that is not absent. */
    public static final long NO_WAITING = -1;

    /**
     * @param minCount for COUNT steps, at least this many events (0 for {@code <:m>})
     * @param maxCount for COUNT steps, at most this many ({@link Integer#MAX_VALUE} for {@code <n:>})
     * @param start whether the step can begin the pattern
     */
    public PatternStep(int index, String stream, List<Evaluator> filters, Kind kind, int minCount, int maxCount,
            boolean start) {
        this.stream = stream;
        this.filters = List.copyOf(filters);
        this.kind = kind;
        this.minCount = minCount;
        this.maxCount = maxCount;
        this.start = start;
        this.completionStep = index;
    }

    public String stream() {
        return stream;
    }

    public List<Evaluator> filters() {
        return filters;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isLogical() {
        return kind == Kind.AND || kind == Kind.OR;
    }

    public int minCount() {
        return minCount;
    }

    public int maxCount() {
        return maxCount;
    }

    public boolean isStart() {
        return start;
    }

    /** The other side of an {@code and}/{@code or}, or NONE. */
    public int partner() {
        return partner;
    }

    /** The step a match of this one moves on to, or NONE. */
    public int next() {
        return next;
    }

    /** The step that starts a fresh instance when this one matches ({@code every}), or NONE. */
    public int nextEvery() {
        return nextEvery;
    }

    /** The first step of the enclosing {@code every}, restarted when a partial match expires by {@code within}. */
    public int withinEvery() {
        return withinEvery;
    }

    /**
     * The step whose completion flag this step checks after each attempt: itself, except for the pattern's first
     * step, which checks the pattern's last (Siddhi's "this last processor"; it matters for {@code A or B}).
     */
    public int completionStep() {
        return completionStep;
    }

    /** Whether a match of this step completes the pattern and goes to the selector. */
    public boolean selects() {
        return selects;
    }

    /** For an absent step ({@code not B for 1 sec}), how long B must stay away, in milliseconds. */
    public long waitingTime() {
        return waitingTime;
    }

    /**
     * In a sequence starting with a counted step that may be empty ({@code e1=A*, e2=B}), the step after it: each
     * attempt of this step makes that counted step start afresh at the next event (Siddhi's callback processor).
     */
    public int countToRestart() {
        return countToRestart;
    }

    public void setCountToRestart(int countToRestart) {
        this.countToRestart = countToRestart;
    }

    /** Whether this is a {@code not B [for t]} side of an {@code and}/{@code or}; its wait, if any, is {@link #waitingTime()}. */
    public boolean isAbsentSide() {
        return absentSide;
    }

    public void setAbsentSide(boolean absentSide) {
        this.absentSide = absentSide;
    }

    /** Whether the step waits for its stream to stay away: an absent step or an absent side. */
    public boolean isAbsence() {
        return kind == Kind.ABSENT || absentSide;
    }

    public void setWaitingTime(long waitingTime) {
        this.waitingTime = waitingTime;
    }

    public void setPartner(int partner) {
        this.partner = partner;
    }

    public void setNext(int next) {
        this.next = next;
    }

    public void setNextEvery(int nextEvery) {
        this.nextEvery = nextEvery;
    }

    public void setWithinEvery(int withinEvery) {
        this.withinEvery = withinEvery;
    }

    public void setCompletionStep(int completionStep) {
        this.completionStep = completionStep;
    }

    public void setSelects(boolean selects) {
        this.selects = selects;
    }
}
