package org.siddhiql.runtime.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.state.InMemoryStateProvider;

/** The bucket kernel alone: roll-over through the durations, and what a retrieval finds, row by row. */
class AggregationStoreTest {
    private static final String BY_TS = "define stream Trades (sym string, qty long, ts long);\n"
            + "define aggregation Vol from Trades\n"
            + "select sym, sum(qty) as total, count() as n, avg(qty) as mean, min(qty) as lo, max(qty) as hi,\n"
            + "  distinctCount(qty) as kinds\n"
            + "group by sym aggregate by ts every sec ... hour;";
    private static final String ARRIVAL = "define stream Trades (sym string, qty long);\n"
            + "define aggregation Vol from Trades select sym, sum(qty) as total group by sym\n"
            + "aggregate every sec, min;";

    private static AggregationStore store(String app) {
        AggregationSpec spec = new AppCompiler().compile(app).queries().get(0).aggregation();
        return spec.instantiate(new InMemoryStateProvider());
    }

    private static List<String> rows(List<Object[]> rows) {
        return rows.stream().map(Arrays::toString).collect(Collectors.toList());
    }

    @Test
    void avgIsTheStoredSumOverTheStoredCountAndEveryAggregateMergesAcrossDurations() {
        AggregationStore store = store(BY_TS);
        store.onEvent(new Event(1000, new Object[] {"A", 3L, 1000L}));
        store.onEvent(new Event(1500, new Object[] {"A", 4L, 1500L}));
        store.onEvent(new Event(2000, new Object[] {"A", 4L, 2000L}));
        store.onEvent(new Event(61000, new Object[] {"A", 10L, 61000L}));
        // Minute 0 is finished (its rows are in the minute table); minute 1 is running in the second bucket.
        assertEquals(List.of("[0, A, 11, 3, 3, 3, 4, 2]", "[60000, A, 10, 1, 10, 10, 10, 1]"),
                rows(store.find(0, 3_600_000, BucketDuration.MINUTES)));
        assertEquals(List.of("[0, A, 21, 4, 5, 3, 10, 3]"), rows(store.find(0, 3_600_000, BucketDuration.HOURS)));
    }

    @Test
    void withinFiltersOnTheBucketStartOfTheDurationWhereTheDataLives() {
        AggregationStore store = store(BY_TS);
        store.onEvent(new Event(121000, new Object[] {"A", 1L, 121000L}));
        store.onEvent(new Event(122000, new Object[] {"A", 2L, 122000L}));
        // Both seconds are running buckets below the minute: each is filtered on its own second.
        assertEquals(List.of("[120000, A, 1, 1, 1, 1, 1, 1]"), rows(store.find(0, 122000, BucketDuration.MINUTES)));
        store.onEvent(new Event(190000, new Object[] {"A", 4L, 190000L}));
        // Now minute 2 is finished: its row starts at 120000, so the same range finds all of it.
        assertEquals(List.of("[120000, A, 3, 2, 1, 1, 2, 2]"), rows(store.find(0, 122000, BucketDuration.MINUTES)));
    }

    @Test
    void anOutOfOrderTimestampGoesToItsOwnBucket() {
        AggregationStore store = store(BY_TS);
        store.onEvent(new Event(10000, new Object[] {"A", 1L, 12000L}));
        store.onEvent(new Event(10100, new Object[] {"A", 2L, 9000L}));
        store.onEvent(new Event(10200, new Object[] {"A", 4L, 12500L}));
        // In the hash order of Siddhi's keys "9000:-:A:-:" and "12000:-:A:-:".
        assertEquals(List.of("[9000, A, 2, 1, 2, 2, 2, 1]", "[12000, A, 5, 2, 2, 1, 4, 2]"),
                rows(store.find(0, 60000, BucketDuration.SECONDS)));
    }

    @Test
    void theRootTimerRollsTheFinestDurationOverOnTheClock() {
        AggregationStore store = store(ARRIVAL);
        store.onEvent(new Event(1000, new Object[] {"A", 1L}));
        assertEquals(2000L, store.nextTimer());
        store.fireDueTimers(2500);
        assertEquals(3000L, store.nextTimer());
        // Second 1 was rolled into the running minute: read per minute it carries the minute's latest start.
        assertEquals(List.of("[0, A, 1]"), rows(store.find(0, 60000, BucketDuration.MINUTES)));
        assertEquals(List.of("[1000, A, 1]"), rows(store.find(0, 60000, BucketDuration.SECONDS)));
        store.fireDueTimers(61000);
        assertEquals(62000L, store.nextTimer());
        assertEquals(List.of("[0, A, 1]"), rows(store.find(0, 60000, BucketDuration.MINUTES)));
        assertEquals(List.of(), rows(store.find(60000, 120000, BucketDuration.MINUTES)));
    }

    @Test
    void aDurationTheAggregationDoesNotHaveIsRefused() {
        AggregationStore store = store(ARRIVAL);
        assertThrows(IllegalArgumentException.class, () -> store.find(0, 1000, BucketDuration.HOURS));
    }

    @Test
    void withinPatternsAndDatesAreUtcRanges() {
        assertEquals("[60000, 120000]", Arrays.toString(WithinRange.of("1970-01-01 00:01:**")));
        assertEquals("[2678400000, 5097600000]", Arrays.toString(WithinRange.of("1970-02-** **:**:**")));
        assertEquals("[0, 31536000000]", Arrays.toString(WithinRange.of("1970-**-** **:**:**")));
        assertEquals("[0, 3600000]", Arrays.toString(WithinRange.of("1970-01-01 00:00:00", "1970-01-01 01:00:00")));
        assertEquals("[-3600000, 5]", Arrays.toString(WithinRange.of("1970-01-01 00:00:00 +01:00", 5L)));
        assertThrows(IllegalArgumentException.class, () -> WithinRange.of(5L, 5L));
    }

    @Test
    void bucketsFollowTheCalendarInUtc() {
        long leapDay = 951782400000L; // 2000-02-29T00:00:00Z
        assertEquals(949363200000L, BucketDuration.MONTHS.startOf(leapDay + 5));
        assertEquals(951868800000L, BucketDuration.MONTHS.nextStart(leapDay));
        assertEquals(978307200000L, BucketDuration.YEARS.nextStart(leapDay));
        assertEquals(-1000L, BucketDuration.SECONDS.startOf(-1));
    }
}
