package org.siddhiql.runtime.ratelimit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.siddhiql.runtime.ratelimit.RateLimitTestDriver.cur;
import static org.siddhiql.runtime.ratelimit.RateLimitTestDriver.exp;
import static org.siddhiql.runtime.ratelimit.RateLimitTestDriver.reset;
import static org.siddhiql.runtime.ratelimit.RateLimitTestSpecs.SYM_INT;
import static org.siddhiql.runtime.ratelimit.RateLimitTestSpecs.schema;
import static org.siddhiql.runtime.ratelimit.RateLimitTestSpecs.spec;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.ratelimit.OutputRateSpec.Variant;

/**
 * {@code output snapshot every 1 sec} in all of Siddhi's variants. Input: a at 100, b at 200, a at 300, c at 1100,
 * a at 1200, b at 2050, b at 2500, a at 3100, a at 5100 (v = 1..9), relative to the app's start; the chunks are what
 * Siddhi's unbatched selector hands the limiter, with the window's expired rows first. Expected outputs are
 * siddhi-core 5.1.21's for the same app, grouped by the input event whose arrival released them.
 */
class SnapshotRateLimitersTest {
    private static final long[] TS = {100, 200, 300, 1100, 1200, 2050, 2500, 3100, 5100};

    /** Runs the steps: at each timestamp, fire the limiter's due ticks, then deliver the chunk. */
    private static List<List<Event>> run(OutputRateSpec spec, boolean grouped, Event[]... chunks) {
        RateLimitTestDriver d = new RateLimitTestDriver(spec);
        List<List<Event>> steps = new ArrayList<>();
        for (int i = 0; i < chunks.length; i++) {
            List<Event> out = new ArrayList<>(d.at(TS[i]));
            out.addAll(grouped ? d.selectByFirst(chunks[i]) : d.select(chunks[i]));
            steps.add(out);
        }
        return steps;
    }

    private static Event[] chunk(Event... events) {
        return events;
    }

    private static List<Event> twice(Event... events) {
        List<Event> list = new ArrayList<>(List.of(events));
        list.addAll(List.of(events));
        return list;
    }

    private static void assertSteps(List<List<Event>> steps, List<Event> at1100, List<Event> at2050,
            List<Event> at3100, List<Event> at5100) {
        assertEquals(List.of(), steps.get(0));
        assertEquals(List.of(), steps.get(1));
        assertEquals(List.of(), steps.get(2));
        assertEquals(at1100, steps.get(3));
        assertEquals(List.of(), steps.get(4));
        assertEquals(at2050, steps.get(5));
        assertEquals(List.of(), steps.get(6));
        assertEquals(at3100, steps.get(7));
        assertEquals(at5100, steps.get(8));
    }

    // ---- no window: each event is its own chunk ----

    private static final Event[][] PLAIN = {
        {cur(100, "a", 1)}, {cur(200, "b", 2)}, {cur(300, "a", 3)}, {cur(1100, "c", 4)}, {cur(1200, "a", 5)},
        {cur(2050, "b", 6)}, {cur(2500, "b", 7)}, {cur(3100, "a", 8)}, {cur(5100, "a", 9)}};

    @Test
    void noWindowReEmitsTheLatestRowEveryPeriod() {
        OutputRateSpec spec = spec("from S select sym, v output snapshot every 1 sec insert into O", SYM_INT, null);
        assertEquals(Variant.SNAPSHOT_LATEST_ROW, spec.variant());
        assertSteps(run(spec, false, PLAIN), List.of(cur(300, "a", 3)), List.of(cur(1200, "a", 5)),
                List.of(cur(2500, "b", 7)), twice(cur(3100, "a", 8)));
    }

    @Test
    void noWindowGroupByReEmitsEachGroupsLatestRowInFirstArrivalOrder() {
        OutputRateSpec spec = spec("from S select sym, v group by sym output snapshot every 1 sec insert into O",
                SYM_INT, null);
        assertEquals(Variant.SNAPSHOT_LATEST_ROW_PER_GROUP, spec.variant());
        assertSteps(run(spec, true, PLAIN), List.of(cur(300, "a", 3), cur(200, "b", 2)),
                List.of(cur(1200, "a", 5), cur(200, "b", 2), cur(1100, "c", 4)),
                List.of(cur(1200, "a", 5), cur(2500, "b", 7), cur(1100, "c", 4)),
                twice(cur(3100, "a", 8), cur(2500, "b", 7), cur(1100, "c", 4)));
    }

    // ---- length(2) window: [expired oldest, current newest] ----

    private static final Event[][] LENGTH2 = {
        chunk(cur(100, "a", 1)),
        chunk(cur(200, "b", 2)),
        chunk(exp(300, "a", 1), cur(300, "a", 3)),
        chunk(exp(1100, "b", 2), cur(1100, "c", 4)),
        chunk(exp(1200, "a", 3), cur(1200, "a", 5)),
        chunk(exp(2050, "c", 4), cur(2050, "b", 6)),
        chunk(exp(2500, "a", 5), cur(2500, "b", 7)),
        chunk(exp(3100, "b", 6), cur(3100, "a", 8)),
        chunk(exp(5100, "b", 7), cur(5100, "a", 9))};

    @Test
    void windowWithoutAggregationReEmitsTheWindowsRows() {
        for (String groupBy : new String[] {"", "group by sym "}) {
            OutputRateSpec spec = spec("from S#window.length(2) select sym, v " + groupBy
                    + "output snapshot every 1 sec insert into O", SYM_INT, null);
            assertEquals(Variant.SNAPSHOT_WINDOW_ROWS, spec.variant());
            assertSteps(run(spec, !groupBy.isEmpty(), LENGTH2), List.of(cur(200, "b", 2), cur(300, "a", 3)),
                    List.of(cur(1100, "c", 4), cur(1200, "a", 5)), List.of(cur(2050, "b", 6), cur(2500, "b", 7)),
                    twice(cur(2500, "b", 7), cur(3100, "a", 8)));
        }
    }

    /** lengthBatch(2): [expired previous batch, RESET, current batch]; the RESET clears the rows. */
    @Test
    void batchWindowRowsAreClearedByTheResetMarker() {
        OutputRateSpec spec = spec("from S#window.lengthBatch(2) select sym, v output snapshot every 1 sec "
                + "insert into O", SYM_INT, null);
        Event[][] chunks = {
            chunk(), chunk(reset(200, 2), cur(100, "a", 1), cur(200, "b", 2)), chunk(),
            chunk(exp(1100, "a", 1), exp(1100, "b", 2), reset(1100, 2), cur(300, "a", 3), cur(1100, "c", 4)),
            chunk(),
            chunk(exp(2050, "a", 3), exp(2050, "c", 4), reset(2050, 2), cur(1200, "a", 5), cur(2050, "b", 6)),
            chunk(),
            chunk(exp(3100, "a", 5), exp(3100, "b", 6), reset(3100, 2), cur(2500, "b", 7), cur(3100, "a", 8)),
            chunk()};
        assertSteps(run(spec, false, chunks), List.of(cur(100, "a", 1), cur(200, "b", 2)),
                List.of(cur(300, "a", 3), cur(1100, "c", 4)), List.of(cur(1200, "a", 5), cur(2050, "b", 6)),
                twice(cur(2500, "b", 7), cur(3100, "a", 8)));
    }

    private static final StreamSchema INT_LONG = schema(AttributeType.LONG, AttributeType.LONG);

    /** {@code select sum(v) as s, count() as c} over length(2). */
    @Test
    void windowAllAggregatedReEmitsTheLatestRow() {
        OutputRateSpec spec = spec("from S#window.length(2) select sum(v) as s, count() as c "
                + "output snapshot every 1 sec insert into O", INT_LONG, new boolean[] {true, true});
        assertEquals(Variant.SNAPSHOT_LATEST_AGGREGATE_ROW, spec.variant());
        Event[][] chunks = {
            chunk(cur(100, 1L, 1L)), chunk(cur(200, 3L, 2L)), chunk(exp(300, 2L, 1L), cur(300, 5L, 2L)),
            chunk(exp(1100, 3L, 1L), cur(1100, 7L, 2L)), chunk(exp(1200, 4L, 1L), cur(1200, 9L, 2L)),
            chunk(exp(2050, 5L, 1L), cur(2050, 11L, 2L)), chunk(exp(2500, 6L, 1L), cur(2500, 13L, 2L)),
            chunk(exp(3100, 7L, 1L), cur(3100, 15L, 2L)), chunk(exp(5100, 8L, 1L), cur(5100, 17L, 2L))};
        assertSteps(run(spec, false, chunks), List.of(cur(300, 5L, 2L)), List.of(cur(1200, 9L, 2L)),
                List.of(cur(2500, 13L, 2L)), twice(cur(3100, 15L, 2L)));
    }

    /** {@code select sym, sum(v) as s} over length(2): rows of the window with the latest sum. */
    @Test
    void windowSomeAggregatedPutsTheLatestAggregatesIntoTheWindowsRows() {
        StreamSchema out = schema(AttributeType.STRING, AttributeType.LONG);
        OutputRateSpec spec = spec("from S#window.length(2) select sym, sum(v) as s "
                + "output snapshot every 1 sec insert into O", out, new boolean[] {false, true});
        assertEquals(Variant.SNAPSHOT_WINDOW_ROWS_WITH_AGGREGATES, spec.variant());
        Event[][] chunks = {
            chunk(cur(100, "a", 1L)), chunk(cur(200, "b", 3L)), chunk(exp(300, "a", 2L), cur(300, "a", 5L)),
            chunk(exp(1100, "b", 3L), cur(1100, "c", 7L)), chunk(exp(1200, "a", 4L), cur(1200, "a", 9L)),
            chunk(exp(2050, "c", 5L), cur(2050, "b", 11L)), chunk(exp(2500, "a", 6L), cur(2500, "b", 13L)),
            chunk(exp(3100, "b", 7L), cur(3100, "a", 15L)), chunk(exp(5100, "b", 8L), cur(5100, "a", 17L))};
        assertSteps(run(spec, false, chunks), List.of(cur(200, "b", 5L), cur(300, "a", 5L)),
                List.of(cur(1100, "c", 9L), cur(1200, "a", 9L)), List.of(cur(2050, "b", 13L), cur(2500, "b", 13L)),
                twice(cur(2500, "b", 15L), cur(3100, "a", 15L)));
    }

    /**
     * {@code select sum(v) as s, count() as c group by sym} over length(2): each group's latest row while it has rows
     * in the window; an expired row can be the one re-emitted.
     */
    @Test
    void windowGroupByAllAggregatedReEmitsEachLiveGroupsLatestRow() {
        OutputRateSpec spec = spec("from S#window.length(2) select sum(v) as s, count() as c group by sym "
                + "output snapshot every 1 sec insert into O", INT_LONG, new boolean[] {true, true});
        assertEquals(Variant.SNAPSHOT_LATEST_AGGREGATE_ROW_PER_GROUP, spec.variant());
        String[][] keys = {{"a"}, {"b"}, {"a", "a"}, {"b", "c"}, {"a", "a"}, {"c", "b"}, {"a", "b"}, {"b", "a"},
            {"b", "a"}};
        Event[][] chunks = {
            chunk(cur(100, 1L, 1L)), chunk(cur(200, 2L, 1L)), chunk(exp(300, null, 0L), cur(300, 3L, 1L)),
            chunk(exp(1100, null, 0L), cur(1100, 4L, 1L)), chunk(exp(1200, null, 0L), cur(1200, 5L, 1L)),
            chunk(exp(2050, null, 0L), cur(2050, 6L, 1L)), chunk(exp(2500, null, 0L), cur(2500, 13L, 2L)),
            chunk(exp(3100, 7L, 1L), cur(3100, 8L, 1L)), chunk(exp(5100, null, 0L), cur(5100, 17L, 2L))};
        RateLimitTestDriver d = new RateLimitTestDriver(spec);
        List<List<Event>> steps = new ArrayList<>();
        for (int i = 0; i < chunks.length; i++) {
            List<Event> stepOut = new ArrayList<>(d.at(TS[i]));
            stepOut.addAll(d.selectGrouped(keys[i], chunks[i]));
            steps.add(stepOut);
        }
        assertSteps(steps, List.of(cur(300, 3L, 1L), cur(200, 2L, 1L)), List.of(cur(1200, 5L, 1L),
                cur(1100, 4L, 1L)), List.of(cur(2500, 13L, 2L)), twice(exp(3100, 7L, 1L), cur(3100, 8L, 1L)));
    }

    /** {@code select sym, sum(v) as s group by sym} over length(2): one row per group with the group's sum. */
    @Test
    void windowGroupBySomeAggregatedEmitsOneRowPerGroupWithItsAggregates() {
        StreamSchema out = schema(AttributeType.STRING, AttributeType.LONG);
        OutputRateSpec spec = spec("from S#window.length(2) select sym, sum(v) as s group by sym "
                + "output snapshot every 1 sec insert into O", out, new boolean[] {false, true});
        assertEquals(Variant.SNAPSHOT_WINDOW_ROWS_WITH_AGGREGATES_PER_GROUP, spec.variant());
        Event[][] chunks = {
            chunk(cur(100, "a", 1L)), chunk(cur(200, "b", 2L)), chunk(exp(300, "a", null), cur(300, "a", 3L)),
            chunk(exp(1100, "b", null), cur(1100, "c", 4L)), chunk(exp(1200, "a", null), cur(1200, "a", 5L)),
            chunk(exp(2050, "c", null), cur(2050, "b", 6L)), chunk(exp(2500, "a", null), cur(2500, "b", 13L)),
            chunk(exp(3100, "b", 7L), cur(3100, "a", 8L)), chunk(exp(5100, "b", null), cur(5100, "a", 17L))};
        assertSteps(run(spec, true, chunks), List.of(cur(200, "b", 2L), cur(300, "a", 3L)),
                List.of(cur(1100, "c", 4L), cur(1200, "a", 5L)), List.of(cur(2050, "b", 13L)),
                twice(cur(2500, "b", 7L), cur(3100, "a", 8L)));
    }

    // ---- time(1500) window: expiries come from the window's timer, before the limiter's own ticks ----

    /**
     * At 1700 the window's timer (due 1600) expires a and b, stamped 1700; that expired row is past the due tick
     * (1000), so it flushes the snapshot before the limiter's own timer runs. At 5100 both remaining rows expire in
     * one chunk and each flushes one snapshot (due 3000, then 4000); the limiter's tick at 5000 then finds nothing.
     */
    @Test
    void expiredRowsStampedPastTheDueTimeFlushBeforeTheTimer() {
        OutputRateSpec rows = spec("from S#window.time(1500) select sym, v output snapshot every 1 sec "
                + "insert into O", SYM_INT, null);
        RateLimitTestDriver d = new RateLimitTestDriver(rows);
        List<Event> out = new ArrayList<>();
        out.addAll(d.at(100));
        out.addAll(d.select(cur(100, "a", 1)));
        out.addAll(d.at(200));
        out.addAll(d.select(cur(200, "b", 2)));
        d.advance(1700);
        List<Event> at1700 = new ArrayList<>(d.select(exp(1700, "a", 1), exp(1700, "b", 2)));
        at1700.addAll(d.fireDue());
        at1700.addAll(d.select(cur(1700, "a", 3)));
        assertEquals(List.of(cur(100, "a", 1), cur(200, "b", 2)), at1700);
        List<Event> at2100 = new ArrayList<>(d.at(2100));
        at2100.addAll(d.select(cur(2100, "c", 4)));
        assertEquals(List.of(cur(1700, "a", 3)), at2100);
        d.advance(5100);
        List<Event> at5100 = new ArrayList<>(d.select(exp(5100, "a", 3), exp(5100, "c", 4)));
        at5100.addAll(d.fireDue());
        at5100.addAll(d.select(cur(5100, "a", 9)));
        assertEquals(List.of(cur(1700, "a", 3), cur(2100, "c", 4), cur(2100, "c", 4)), at5100);
        assertEquals(List.of(), out);
    }

    @Test
    void windowAllAggregatedForgetsItsRowOnExpiry() {
        RateLimitTestDriver d = new RateLimitTestDriver(spec("from S#window.time(1500) select sum(v) as s, "
                + "count() as c output snapshot every 1 sec insert into O", INT_LONG, new boolean[] {true, true}));
        d.at(100);
        d.select(cur(100, 1L, 1L));
        d.at(200);
        d.select(cur(200, 3L, 2L));
        d.advance(1700);
        List<Event> at1700 = new ArrayList<>(d.select(exp(1700, 2L, 1L), exp(1700, null, 0L)));
        at1700.addAll(d.fireDue());
        at1700.addAll(d.select(cur(1700, 3L, 1L)));
        assertEquals(List.of(cur(200, 3L, 2L)), at1700);
        d.at(2100);
        d.select(cur(2100, 7L, 2L));
        d.advance(5100);
        List<Event> at5100 = new ArrayList<>(d.select(exp(5100, 4L, 1L), exp(5100, null, 0L)));
        at5100.addAll(d.fireDue());
        assertEquals(List.of(cur(2100, 7L, 2L)), at5100);
    }

    // ---- Siddhi's comparison quirks ----

    private static final StreamSchema SYM_K_SUM_COUNT = schema(AttributeType.STRING, AttributeType.STRING,
            AttributeType.LONG, AttributeType.LONG);

    /**
     * {@code select sym, k, sum(v) as s, count() as c} over length(2): Siddhi's comparison of an expired row whose sym
     * and k match a stored row indexes past its position list and throws; the chunk is dropped (nothing of it is
     * output, the current row is never stored) but the stored rows stay.
     */
    @Test
    void aComparisonThatFailsInSiddhiDropsTheChunk() {
        OutputRateSpec spec = spec("from S#window.length(2) select sym, k, sum(v) as s, count() as c "
                + "output snapshot every 1 sec insert into O", SYM_K_SUM_COUNT,
                new boolean[] {false, false, true, true});
        RateLimitTestDriver d = new RateLimitTestDriver(spec);
        d.at(100);
        d.select(cur(100, "a", "x", 1L, 1L));
        d.at(200);
        d.select(cur(200, "a", "y", 3L, 2L));
        d.at(300);
        assertEquals(List.of(), d.select(exp(300, "a", "x", 2L, 1L), cur(300, "a", "x", 5L, 2L)));
        d.at(400);
        d.select(exp(400, "a", "y", 3L, 1L), cur(400, null, "x", 7L, 2L));
        d.at(500);
        d.select(exp(500, "a", "x", 4L, 1L), cur(500, "b", "y", 9L, 2L));
        d.at(600);
        d.select(exp(600, null, "x", 5L, 1L), cur(600, "b", "y", 11L, 2L));
        List<Event> at1100 = new ArrayList<>(d.at(1100));
        assertEquals(List.of(cur(100, "a", "x", 3L, 2L), cur(200, "a", "y", 3L, 2L)), at1100);
        d.select(exp(1100, "b", "y", 6L, 1L), cur(1100, "c", "x", 13L, 2L));
        d.at(1200);
        d.select(exp(1200, "b", "y", 7L, 1L), cur(1200, "c", "x", 15L, 2L));
        assertEquals(List.of(cur(100, "a", "x", 15L, 2L), cur(200, "a", "y", 15L, 2L), cur(1100, "c", "x", 15L, 2L),
                cur(1200, "c", "x", 15L, 2L)), d.at(2100));
    }

    /**
     * {@code select sum(v) as s, sym, count() as c}: Siddhi skips only position 0 and compares the count, so an
     * expired row whose count differs from the stored row's does not remove it.
     */
    @Test
    void theComparisonComparesWhatSiddhiCompares() {
        StreamSchema out = schema(AttributeType.LONG, AttributeType.STRING, AttributeType.LONG);
        OutputRateSpec spec = spec("from S#window.length(2) select sum(v) as s, sym, count() as c "
                + "output snapshot every 1 sec insert into O", out, new boolean[] {true, false, true});
        assertArrayEquals(new int[] {0, 2}, spec.aggregatePositions());
        RateLimitTestDriver d = new RateLimitTestDriver(spec);
        d.at(100);
        d.select(cur(100, 1L, "a", 1L));
        d.at(200);
        d.select(cur(200, 3L, "a", 2L));
        assertEquals(List.of(cur(100, 3L, "a", 2L), cur(200, 3L, "a", 2L)), d.at(1100));
        d.select(exp(1100, 2L, "a", 1L), cur(1100, 9L, "c", 2L));
        d.at(1200);
        d.select(exp(1200, 7L, "a", 1L), cur(1200, 15L, "c", 2L));
        assertEquals(List.of(cur(200, 15L, "a", 2L), cur(1100, 15L, "c", 2L), cur(1200, 15L, "c", 2L)),
                d.at(2100));
    }

    @Test
    void aNullInTheExpiredRowsComparedAttributeDropsTheChunk() {
        StreamSchema out = schema(AttributeType.STRING, AttributeType.LONG);
        RateLimitTestDriver d = new RateLimitTestDriver(spec("from S#window.length(1) select sym, sum(v) as s "
                + "output snapshot every 1 sec insert into O", out, new boolean[] {false, true}));
        d.at(100);
        d.select(cur(100, null, 1L));
        d.at(200);
        assertEquals(List.of(), d.select(exp(200, null, null), cur(200, "b", 2L)));
        assertEquals(List.of(cur(100, null, 1L)), d.at(1000));
    }

    @Test
    void theSnapshotIsEmittedOncePerTickOverALongGap() {
        RateLimitTestDriver d = new RateLimitTestDriver(spec("from S select sym, v output snapshot every 1 sec "
                + "insert into O", SYM_INT, null));
        d.at(100);
        d.select(cur(100, "a", 1));
        assertEquals(10, d.at(10_500).size());
        assertEquals(List.of(cur(100, "a", 1)), d.at(11_000));
    }
}
