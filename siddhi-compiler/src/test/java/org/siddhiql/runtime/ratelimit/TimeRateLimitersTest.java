package org.siddhiql.runtime.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.siddhiql.runtime.ratelimit.RateLimitTestDriver.cur;
import static org.siddhiql.runtime.ratelimit.RateLimitTestDriver.exp;
import static org.siddhiql.runtime.ratelimit.RateLimitTestDriver.reset;
import static org.siddhiql.runtime.ratelimit.RateLimitTestSpecs.SYM_INT;
import static org.siddhiql.runtime.ratelimit.RateLimitTestSpecs.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.siddhiql.runtime.event.Event;

/**
 * Time-based limiters. Unless a test says otherwise the app starts at app-clock time 0 and timestamps are relative to
 * it, so the grid ticks at 1000, 2000, ... Expected outputs are siddhi-core 5.1.21's for the same input sent at
 * start + timestamp (where its ticks fall on that same grid).
 */
class TimeRateLimitersTest {
    private static final Event A1 = cur(100, "a", 1);
    private static final Event B2 = cur(300, "b", 2);
    private static final Event C3 = cur(1100, "c", 3);
    private static final Event D4 = cur(1500, "d", 4);
    private static final Event E5 = cur(4100, "e", 5);

    /** One event per chunk; per step, what was emitted (timers first, then the chunk). */
    private static List<List<Event>> run(String query, boolean grouped, Event... input) {
        RateLimitTestDriver d = new RateLimitTestDriver(spec(query, SYM_INT, null));
        List<List<Event>> steps = new ArrayList<>();
        for (Event e : input) {
            List<Event> out = new ArrayList<>(d.at(e.timestamp()));
            out.addAll(grouped ? d.selectByFirst(e) : d.select(e));
            steps.add(out);
        }
        return steps;
    }

    @Test
    void lastEverySecond() {
        assertEquals(List.of(List.of(), List.of(), List.of(B2), List.of(), List.of(D4)),
                run("from S select sym, v output last every 1 sec insert into O", false, A1, B2, C3, D4, E5));
    }

    @Test
    void allEverySecondEmitsOnceAfterAGap() {
        assertEquals(List.of(List.of(), List.of(), List.of(A1, B2), List.of(), List.of(C3, D4)),
                run("from S select sym, v output all every 1 sec insert into O", false, A1, B2, C3, D4, E5));
        assertEquals(List.of(List.of(), List.of(), List.of(A1, B2), List.of(), List.of(C3, D4)),
                run("from S select sym, v output every 1 sec insert into O", false, A1, B2, C3, D4, E5));
    }

    @Test
    void firstEverySecondHasNoTimerAndUsesTheAppClock() {
        assertEquals(List.of(List.of(A1), List.of(), List.of(C3), List.of(), List.of(E5)),
                run("from S select sym, v output first every 1 sec insert into O", false, A1, B2, C3, D4, E5));
    }

    private static final Event[] GROUPED = {cur(100, "a", 1), cur(200, "b", 2), cur(300, "a", 3),
        cur(1100, "c", 4), cur(1200, "a", 5), cur(2050, "b", 6), cur(2500, "b", 7), cur(3100, "a", 8)};

    private static List<Event> flat(List<List<Event>> steps) {
        List<Event> all = new ArrayList<>();
        steps.forEach(all::addAll);
        return all;
    }

    @Test
    void lastEverySecondPerGroupInFirstArrivalOrder() {
        List<List<Event>> steps = run("from S select sym, v group by sym output last every 1 sec insert into O",
                true, GROUPED);
        assertEquals(List.of(GROUPED[2], GROUPED[1]), steps.get(3));
        assertEquals(List.of(GROUPED[3], GROUPED[4]), steps.get(5));
        assertEquals(List.of(GROUPED[6]), steps.get(7));
        assertEquals(5, flat(steps).size());
    }

    @Test
    void allEverySecondPerGroupKeepsArrivalOrder() {
        List<List<Event>> steps = run("from S select sym, v group by sym output all every 1 sec insert into O",
                true, GROUPED);
        assertEquals(List.of(GROUPED[0], GROUPED[1], GROUPED[2]), steps.get(3));
        assertEquals(List.of(GROUPED[3], GROUPED[4]), steps.get(5));
        assertEquals(List.of(GROUPED[5], GROUPED[6]), steps.get(7));
    }

    @Test
    void firstEverySecondPerGroup() {
        assertEquals(List.of(GROUPED[0], GROUPED[1], GROUPED[3], GROUPED[4], GROUPED[5], GROUPED[7]),
                flat(run("from S select sym, v group by sym output first every 1 sec insert into O", true,
                        GROUPED)));
    }

    /** A chunk that starts with a RESET marker (lengthBatch without group by): the RESET takes the period. */
    @Test
    void firstEverySecondSpendsThePeriodOnALeadingReset() {
        RateLimitTestDriver d = new RateLimitTestDriver(spec(
                "from S#window.lengthBatch(2) select sym, v output first every 1 sec insert into O", SYM_INT, null));
        List<Event> out = new ArrayList<>();
        d.at(1100);
        out.addAll(d.select(reset(1100, 2), cur(1000, "a", 1), cur(1100, "b", 2)));
        d.at(3100);
        out.addAll(d.select(reset(3100, 2), cur(3000, "e", 5), cur(3100, "f", 6)));
        assertEquals(List.of(), out);
        d.at(4200);
        assertEquals(List.of(cur(4200, "g", 7)), d.select(cur(4200, "g", 7), reset(4200, 2)));
    }

    @Test
    void expiredEventsAreEmittedAsExpired() {
        RateLimitTestDriver d = new RateLimitTestDriver(spec(
                "from S#window.length(1) select sym, v output last every 1 sec insert all events into O",
                SYM_INT, null));
        d.at(100);
        d.select(cur(100, "a", 1));
        d.at(200);
        d.select(cur(200, "b", 2), exp(200, "a", 1));
        assertEquals(List.of(exp(200, "a", 1)), d.at(1000));
    }

    /**
     * time(1500) window, a at 100, b at 200, then c at 5100: Siddhi first runs the window's due timer (expiring a and
     * b, stamped 5100), then the limiter's ticks, so the expired rows are in the tick's output.
     */
    @Test
    void windowTimersRunBeforeTheLimitersTicks() {
        String window = "from S#window.time(1500) select sym, v ";
        RateLimitTestDriver last = new RateLimitTestDriver(spec(window + "output last every 1 sec "
                + "insert all events into O", SYM_INT, null));
        RateLimitTestDriver all = new RateLimitTestDriver(spec(window + "output all every 1 sec "
                + "insert all events into O", SYM_INT, null));
        List<Event> lastOut = new ArrayList<>();
        List<Event> allOut = new ArrayList<>();
        for (RateLimitTestDriver d : List.of(last, all)) {
            List<Event> out = d == last ? lastOut : allOut;
            d.at(100);
            d.select(cur(100, "a", 1));
            d.at(200);
            d.select(cur(200, "b", 2));
            d.advance(5100);
            out.addAll(d.select(exp(5100, "a", 1), exp(5100, "b", 2)));
            out.addAll(d.fireDue());
            out.addAll(d.select(cur(5100, "c", 3)));
        }
        assertEquals(List.of(exp(5100, "b", 2)), lastOut);
        assertEquals(List.of(cur(100, "a", 1), cur(200, "b", 2), exp(5100, "a", 1), exp(5100, "b", 2)), allOut);
    }

    /** An app started at a recorded epoch timestamp, as in an event-time run over recorded data. */
    private static final long T0 = 1_700_000_000_250L;

    /** The grid follows the app clock: on recorded data ticks fall at appStart + k * period and the limiter emits. */
    @Test
    void appStartTicksOnTheAppClockFromTheAppsStart() {
        RateLimitTestDriver d = new RateLimitTestDriver(spec(
                "from S select sym, v output last every 1 sec insert into O", SYM_INT, null), T0);
        List<Event> out = new ArrayList<>();
        out.addAll(d.at(T0));
        out.addAll(d.select(cur(T0, "a", 1)));
        assertEquals(new TreeSet<>(List.of(T0 + 1000)), d.pendingTimers());
        out.addAll(d.at(T0 + 900));
        out.addAll(d.select(cur(T0 + 900, "b", 2)));
        assertEquals(List.of(), out);
        assertEquals(List.of(cur(T0 + 900, "b", 2)), d.at(T0 + 1500));
        d.select(cur(T0 + 1500, "c", 3));
        assertEquals(List.of(), d.at(T0 + 1999));
        assertEquals(List.of(cur(T0 + 1500, "c", 3)), d.at(T0 + 2000));
        assertEquals(new TreeSet<>(List.of(T0 + 3000)), d.pendingTimers());
    }

    /**
     * The query's first event comes several periods after the app started (the app's first events were for other
     * queries): the grid is still the app's, ticks that passed are gone.
     */
    @Test
    void appStartGridHoldsWhenTheQuerysFirstEventComesSeveralPeriodsLater() {
        RateLimitTestDriver d = new RateLimitTestDriver(spec(
                "from S select sym, v output all every 1 sec insert into O", SYM_INT, null), T0);
        d.at(T0 + 3_600);
        d.select(cur(T0 + 3_600, "a", 1));
        assertEquals(new TreeSet<>(List.of(T0 + 4_000)), d.pendingTimers());
        d.at(T0 + 3_900);
        d.select(cur(T0 + 3_900, "b", 2));
        assertEquals(List.of(cur(T0 + 3_600, "a", 1), cur(T0 + 3_900, "b", 2)), d.at(T0 + 4_000));
        d.select(cur(T0 + 4_000, "c", 3));
        assertEquals(List.of(cur(T0 + 4_000, "c", 3)), d.at(T0 + 7_500));
        assertEquals(new TreeSet<>(List.of(T0 + 8_000)), d.pendingTimers());
    }

    /** A first event exactly on a grid point: that tick fires before the event arrives, so the next one is due. */
    @Test
    void aFirstEventOnAGridPointWaitsForTheNextTick() {
        RateLimitTestDriver d = new RateLimitTestDriver(spec(
                "from S select sym, v output last every 1 sec insert into O", SYM_INT, null), T0);
        d.at(T0 + 3_000);
        d.select(cur(T0 + 3_000, "a", 1));
        assertEquals(new TreeSet<>(List.of(T0 + 4_000)), d.pendingTimers());
        assertEquals(List.of(cur(T0 + 3_000, "a", 1)), d.at(T0 + 4_000));
    }

    @Test
    void snapshotTicksOnTheAppStartGrid() {
        RateLimitTestDriver d = new RateLimitTestDriver(spec(
                "from S select sym, v output snapshot every 1 sec insert into O", SYM_INT, null), T0);
        d.at(T0 + 2_300);
        d.select(cur(T0 + 2_300, "a", 1));
        assertEquals(List.of(), d.at(T0 + 2_999));
        assertEquals(List.of(cur(T0 + 2_300, "a", 1)), d.at(T0 + 3_000));
        assertEquals(List.of(cur(T0 + 2_300, "a", 1)), d.at(T0 + 4_000));
    }

    /** Inside a partition each key's grid starts at the app clock when the key is first seen, not at the app's start. */
    @Test
    void keyStartAnchorsEachKeyAtTheAppClockWhenFirstSeen() {
        RateLimitTestDriver d = new RateLimitTestDriver(spec(
                "from S select sym, v output last every 1 sec insert into O", SYM_INT, null, TimerAnchor.KEY_START),
                250);
        d.key("p1");
        d.at(600);
        d.select(cur(600, "a", 1));
        assertEquals(new TreeSet<>(List.of(1_600L)), d.pendingTimers());
        d.key("p2");
        d.at(800);
        d.select(cur(800, "b", 2));
        assertEquals(new TreeSet<>(List.of(1_800L)), d.pendingTimers());
        assertEquals(List.of(), d.at(1_500));
        assertEquals(List.of(cur(600, "a", 1)), d.at(1_600));
        assertEquals(List.of(cur(800, "b", 2)), d.at(1_800));
        d.key("p1");
        d.at(2_000);
        d.select(cur(2_000, "c", 3));
        assertEquals(new TreeSet<>(List.of(2_600L)), d.pendingTimers());
        assertEquals(List.of(), d.at(2_599));
        assertEquals(List.of(cur(2_000, "c", 3)), d.at(2_600));
    }
}
