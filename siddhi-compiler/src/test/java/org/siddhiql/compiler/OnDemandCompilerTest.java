package org.siddhiql.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.plan.OnDemandPlan;
import org.siddhiql.runtime.event.Event;

/** On-demand queries over a table's rows: the app's own selector semantics, one chunk of rows. */
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
    void refusesWhatASnapshotCannotAnswer() {
        assertEquals("1:6: 'Trades' is not a table of the app; on-demand queries read tables",
                assertThrows(CompileException.class, () -> run("from Trades select symbol")).getMessage());
        assertEquals("on-demand queries on incremental aggregation 'Bars' are not supported yet",
                assertThrows(CompileException.class, () -> run("from Bars select symbol")).reason());
        assertThrows(CompileException.class, () -> run("delete Latest on Latest.symbol == 'IBM'"));
    }

    private static List<String> run(String query) {
        OnDemandPlan plan = new OnDemandCompiler().compile(APP, query);
        return plan.evaluate(ROWS).stream().map(Event::toString).collect(Collectors.toList());
    }
}
