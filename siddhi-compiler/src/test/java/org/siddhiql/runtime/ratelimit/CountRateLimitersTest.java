package org.siddhiql.runtime.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.siddhiql.runtime.ratelimit.RateLimitTestDriver.cur;
import static org.siddhiql.runtime.ratelimit.RateLimitTestDriver.exp;
import static org.siddhiql.runtime.ratelimit.RateLimitTestDriver.reset;
import static org.siddhiql.runtime.ratelimit.RateLimitTestSpecs.SYM_INT;
import static org.siddhiql.runtime.ratelimit.RateLimitTestSpecs.spec;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.siddhiql.runtime.event.Event;

/**
 * Event-count limiters and pass-through. Expected outputs are what siddhi-core 5.1.21 emitted for the same input in
 * playback (recorded with the oracle; the chunks are what Siddhi's selector hands its limiter).
 */
class CountRateLimitersTest {
    private static final Event A1 = cur(1000, "a", 1);
    private static final Event B2 = cur(1100, "b", 2);
    private static final Event A3 = cur(1200, "a", 3);
    private static final Event C4 = cur(1300, "c", 4);
    private static final Event B5 = cur(1400, "b", 5);
    private static final Event A6 = cur(1500, "a", 6);
    private static final Event B7 = cur(1600, "b", 7);
    private static final Event[] INPUT = {A1, B2, A3, C4, B5, A6, B7};

    /** Feeds each event as its own chunk (a query without a window), grouped by symbol when asked. */
    private static List<Event> run(String query, boolean grouped) {
        RateLimitTestDriver d = new RateLimitTestDriver(spec(query, SYM_INT, null));
        List<Event> out = new ArrayList<>();
        for (Event e : INPUT) {
            out.addAll(d.at(e.timestamp()));
            out.addAll(grouped ? d.selectByFirst(e) : d.select(e));
        }
        return out;
    }

    @Test
    void passThroughEmitsEveryCurrentAndExpiredEventAndDropsResets() {
        RateLimitTestDriver d = new RateLimitTestDriver(spec("from S select sym, v insert all events into O",
                SYM_INT, null));
        assertEquals(List.of(exp(5, "a", 1), cur(5, "b", 2)),
                d.select(exp(5, "a", 1), reset(5, 2), cur(5, "b", 2)));
    }

    @Test
    void firstEveryOneEventEmitsOnlyTheVeryFirstEvent() {
        assertEquals(List.of(A1), run("from S select sym, v output first every 1 events insert into O", false));
    }

    @Test
    void firstEveryOneEventPerGroupEmitsOnlyEachGroupsFirstEvent() {
        assertEquals(List.of(A1, B2, C4),
                run("from S select sym, v group by sym output first every 1 events insert into O", true));
    }

    @Test
    void firstEveryThreeEvents() {
        assertEquals(List.of(A1, C4, B7), run("from S select sym, v output first every 3 events insert into O",
                false));
    }

    @Test
    void firstEveryTwoEventsPerGroup() {
        assertEquals(List.of(A1, B2, C4, A6, B7),
                run("from S select sym, v group by sym output first every 2 events insert into O", true));
    }

    @Test
    void lastEveryTwoEvents() {
        assertEquals(List.of(B2, C4, A6), run("from S select sym, v output last every 2 events insert into O",
                false));
    }

    @Test
    void lastEveryThreeEventsPerGroupCountsOverAllGroupsAndKeepsFirstArrivalOrder() {
        assertEquals(List.of(A3, B2, C4, B5, A6),
                run("from S select sym, v group by sym output last every 3 events insert into O", true));
    }

    @Test
    void allEveryTwoEventsWithAndWithoutGroupBy() {
        List<Event> expected = List.of(A1, B2, A3, C4, B5, A6);
        assertEquals(expected, run("from S select sym, v output all every 2 events insert into O", false));
        assertEquals(expected, run("from S select sym, v output every 2 events insert into O", false));
        assertEquals(expected, run("from S select sym, v group by sym output all every 2 events insert into O",
                true));
    }

    @Test
    void zeroEventsNeverEmitsForAllAndLastButFirstEmitsTheFirstEvent() {
        assertEquals(List.of(), run("from S select sym, v output all every 0 events insert into O", false));
        assertEquals(List.of(), run("from S select sym, v output last every 0 events insert into O", false));
        assertEquals(List.of(A1), run("from S select sym, v output first every 0 events insert into O", false));
    }

    /**
     * A lengthBatch(2) window without group by or aggregation: Siddhi's selector forwards the window's RESET marker
     * (in front of each batch), and {@code first every N events} counts it.
     */
    @Test
    void firstEveryTwoEventsCountsResetMarkers() {
        RateLimitTestDriver d = new RateLimitTestDriver(
                spec("from S#window.lengthBatch(2) select sym, v output first every 2 events insert into O",
                        SYM_INT, null));
        List<Event> out = new ArrayList<>();
        out.addAll(d.select(reset(1100, 2), cur(1000, "a", 1), cur(1100, "b", 2)));
        out.addAll(d.select(reset(1300, 2), cur(1200, "c", 3), cur(1300, "d", 4)));
        out.addAll(d.select(reset(3100, 2), cur(3000, "e", 5), cur(3100, "f", 6)));
        out.addAll(d.select(reset(5100, 2), cur(5000, "g", 7), cur(5100, "h", 8)));
        assertEquals(List.of(cur(1100, "b", 2), cur(1200, "c", 3), cur(3100, "f", 6), cur(5000, "g", 7)), out);
    }

    /** As above with {@code insert all events}: expired events of the previous batch come first. */
    @Test
    void firstEveryThreeEventsWithExpiredEventsAndResets() {
        RateLimitTestDriver d = new RateLimitTestDriver(spec("from S#window.lengthBatch(2) select sym, v "
                + "output first every 3 events insert all events into O", SYM_INT, null));
        List<Event> out = new ArrayList<>();
        out.addAll(d.select(reset(1100, 2), cur(1000, "a", 1), cur(1100, "b", 2)));
        out.addAll(d.select(exp(1300, "a", 1), exp(1300, "b", 2), reset(1300, 2), cur(1200, "c", 3),
                cur(1300, "d", 4)));
        out.addAll(d.select(exp(3100, "c", 3), exp(3100, "d", 4), reset(3100, 2), cur(3000, "e", 5),
                cur(3100, "f", 6)));
        out.addAll(d.select(exp(5100, "e", 5), exp(5100, "f", 6), reset(5100, 2), cur(5000, "g", 7),
                cur(5100, "h", 8)));
        assertEquals(List.of(exp(1300, "a", 1), cur(1200, "c", 3), exp(3100, "d", 4), cur(3100, "f", 6)), out);
    }

    @Test
    void lastAndAllIgnoreResetsAndKeepExpiredEvents() {
        RateLimitTestDriver last = new RateLimitTestDriver(spec("from S#window.lengthBatch(2) select sym, v "
                + "output last every 3 events insert all events into O", SYM_INT, null));
        assertEquals(List.of(), last.select(reset(1, 2), cur(1, "a", 1), cur(1, "b", 2)));
        assertEquals(List.of(exp(2, "a", 1)), last.select(exp(2, "a", 1), exp(2, "b", 2), reset(2, 2)));
        RateLimitTestDriver all = new RateLimitTestDriver(spec("from S#window.lengthBatch(2) select sym, v "
                + "output all every 3 events insert all events into O", SYM_INT, null));
        assertEquals(List.of(), all.select(reset(1, 2), cur(1, "a", 1), cur(1, "b", 2)));
        assertEquals(List.of(cur(1, "a", 1), cur(1, "b", 2), exp(2, "a", 1)),
                all.select(exp(2, "a", 1), exp(2, "b", 2), reset(2, 2)));
    }

    @Test
    void stateIsPerBackendKeyAndClearedWhenIdle() {
        RateLimitTestDriver d = new RateLimitTestDriver(
                spec("from S select sym, v output last every 2 events insert into O", SYM_INT, null));
        d.key("p1");
        assertEquals(List.of(), d.select(A1));
        d.key("p2");
        assertEquals(List.of(), d.select(B2));
        assertEquals(List.of(A3), d.select(A3));
        d.key("p1");
        assertEquals(List.of(C4), d.select(C4));
        assertEquals(0, d.state.storedEntries());
    }
}
