package org.siddhiql.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.plan.OnDemandPlan;
import org.siddhiql.runtime.aggregation.AggregationStore;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.state.HeapStateProvider;

/**
 * On-demand queries over a table's rows and over an aggregation's buckets: the app's own selector semantics, one
 * chunk of rows.
 */
class OnDemandCompilerTest {
    private static final String APP = "define stream Trades (symbol string, price double, volume long);\n"
            + "@primaryKey('symbol') define table Latest (symbol string, exchange string, price double, volume long);\n"
            + "define aggregation Bars from Trades select symbol, sum(volume) as v group by symbol "
            + "aggregate every sec...min;\n";
    private static final List<Event> ROWS = List.of(
            new Event(10, new Object[] {"IBM", "NYSE", 150.0, 100L}),
            new Event(20, new Object[] {"WSO2", "LSE", 55.5, 30L}),
            new Event(30, new Object[] {"ORCL", "NYSE", 80.0, 70L}),
            new Event(40, new Object[] {"MSFT", "NASDAQ", 300.0, 5L}));

    @Test
    void filtersProjectsOrdersAndLimits() {
        assertEquals(List.of("40 [MSFT, 600.0]", "10 [IBM, 300.0]"), run(
                "from Latest on price > 100.0 select symbol, price * 2 as doubled order by doubled desc limit 2"));
    }

    @Test
    void aggregatesOverAllRowsAndPerGroup() {
        assertEquals(List.of("40 [4, 205]"), run("from Latest select count() as n, sum(volume) as total"));
        assertEquals(List.of("30 [NYSE, 2, 170]"), run("from Latest on volume > 10L "
                + "select exchange, count() as n, sum(volume) as v group by exchange having n > 1"));
    }

    @Test
    void readsAnAggregationsBucketsPerDurationWithinTheRange() {
        HeapStateProvider state = aggregationState();
        assertEquals(List.of("-1 [1000, IBM, 100]", "-1 [1000, WSO2, 30]", "-1 [2000, IBM, 50]",
                "-1 [61000, IBM, 5]"), query(state, "from Bars within 0L, 120000L per 'seconds' "
                + "select AGG_TIMESTAMP, symbol, v order by AGG_TIMESTAMP, symbol"));
        assertEquals(List.of("-1 [0, IBM, 150]", "-1 [0, WSO2, 30]", "-1 [60000, IBM, 5]"), query(state,
                "from Bars within 0L, 120000L per 'minutes' select * order by AGG_TIMESTAMP, symbol"));
        // The range keeps the buckets starting in [start, end); a one-time pattern names a whole minute.
        assertEquals(List.of("-1 [60000, IBM, 5]"), query(state,
                "from Bars within 60000L, 120000L per 'minutes' select AGG_TIMESTAMP, symbol, v"));
        assertEquals(List.of("-1 [0, IBM, 150]", "-1 [0, WSO2, 30]"), query(state,
                "from Bars within '1970-01-01 00:00:**' per 'minutes' select AGG_TIMESTAMP, symbol, v "
                        + "order by symbol"));
    }

    @Test
    void filtersGroupsAndLimitsTheAggregationsRows() {
        HeapStateProvider state = aggregationState();
        assertEquals(List.of("-1 [IBM, 155, 3]", "-1 [WSO2, 30, 1]"), query(state,
                "from Bars within '1970-01-01 00:00:00', '1970-01-01 00:10:00' per 'seconds' "
                        + "select symbol, sum(v) as total, count() as buckets group by symbol order by symbol"));
        // Siddhi 5.1's parser takes an on-demand query's alias for the store's id, so conditions name the store.
        assertEquals(List.of("-1 [2000, 50]"), query(state, "from Bars on Bars.symbol == 'IBM' and v < 100L "
                + "within 0L, 120000L per 'seconds' select AGG_TIMESTAMP, v having v > 10L limit 1"));
    }

    @Test
    void refusesWhatASnapshotCannotAnswer() {
        assertEquals("1:6: 'Trades' is not a table or an aggregation of the app; on-demand queries read tables and "
                + "aggregations", assertThrows(CompileException.class, () -> run("from Trades select symbol"))
                .getMessage());
        assertEquals("1:6: an on-demand query on aggregation 'Bars' must have 'within' and 'per' clauses",
                assertThrows(CompileException.class, () -> run("from Bars select symbol")).getMessage());
        assertEquals("'Latest' is not an aggregation of the app; 'within' and 'per' read aggregations",
                assertThrows(CompileException.class,
                        () -> run("from Latest within 0L, 1000L per 'seconds' select symbol")).reason());
        assertEquals("1:32: aggregation 'Bars' has no hours buckets", assertThrows(CompileException.class,
                () -> run("from Bars within 0L, 1000L per 'hours' select symbol")).getMessage());
        assertEquals("1:18: the start time must be less than the end time in the within clause, but the start is "
                + "5000 and the end 1000", assertThrows(CompileException.class,
                () -> run("from Bars within 5000L, 1000L per 'seconds' select symbol")).getMessage());
        assertThrows(CompileException.class, () -> run("delete Latest on Latest.symbol == 'IBM'"));
    }

    /** Bars after IBM 100 and WSO2 30 in second 1, IBM 50 in second 2, and IBM 5 in minute 1 (second 61). */
    private static HeapStateProvider aggregationState() {
        HeapStateProvider state = new HeapStateProvider();
        AggregationStore bars = new AppCompiler().compile(APP).allQueries().stream()
                .filter(plan -> plan.aggregation() != null).findFirst().orElseThrow().aggregation()
                .instantiate(state);
        bars.onEvent(new Event(1000, new Object[] {"IBM", 150.0, 100L}));
        bars.onEvent(new Event(1500, new Object[] {"WSO2", 55.5, 30L}));
        bars.onEvent(new Event(2200, new Object[] {"IBM", 151.0, 50L}));
        bars.onEvent(new Event(61000, new Object[] {"IBM", 149.0, 5L}));
        return state;
    }

    private static List<String> query(HeapStateProvider state, String query) {
        OnDemandPlan plan = new OnDemandCompiler().compile(APP, query);
        return plan.evaluate(plan.source().declare(state).read()).stream().map(Event::toString)
                .collect(Collectors.toList());
    }

    private static List<String> run(String query) {
        OnDemandPlan plan = new OnDemandCompiler().compile(APP, query);
        return plan.evaluate(ROWS).stream().map(Event::toString).collect(Collectors.toList());
    }
}
