package org.siddhiql.compiler.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.siddhi.query.compiler.SiddhiCompiler;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;

class ScanFiltersTest {
    private static final String TRADES = "@source(type='iceberg', table='db.trades', warehouse='/wh')\n"
            + "define stream Trades (symbol string, price double, volume long, qty int, ratio float,"
            + " urgent bool);\n"
            + "define stream Quotes (symbol string, bid double);\n"
            + "define stream Out (symbol string, price double);\n";

    /** The scan filter of the app's Iceberg source on Trades, as explain shows it; null when it has none. */
    private static String scanFilter(String queries) {
        ScanPredicate predicate = new AppCompiler().compile(TRADES + queries).sources().get(0).scanFilter();
        return predicate == null ? null : predicate.toString();
    }

    @Test
    void aFilterOfTheOnlyReaderIsPushed() {
        assertEquals("price > 10.0 and symbol == 'IBM'", scanFilter(
                "from Trades[price > 10 and symbol == 'IBM'] select symbol, price insert into Out;\n"));
        assertEquals("volume >= 100 and qty < 5 and urgent == true", scanFilter(
                "from Trades[100 <= volume][Trades.qty < 5 and urgent] select symbol, price insert into Out;\n"));
        assertEquals("not symbol is null or price != 1.5", scanFilter(
                "from Trades[not(symbol is null) or price != 1.5] select symbol, price insert into Out;\n"));
    }

    @Test
    void readersFiltersAreJoinedByOr() {
        assertEquals("symbol == 'IBM' or (price > 100.0 and volume > 10)", scanFilter(
                "from Trades[symbol == 'IBM'] select symbol, price insert into Out;\n"
                + "from Trades[price > 100.0 and volume > 10]#window.length(2) select symbol, price insert into Out;\n"
                + "from Trades[symbol == 'IBM'] select symbol, price * 2 as price insert into Out;\n"));
        assertEquals("price > 5.0 or price < 1.0", scanFilter(
                "from Trades[price > 5.0]#window.length(3) as t join Quotes#window.length(1) as q"
                + " on t.symbol == q.symbol select t.symbol, q.bid as price insert into Out;\n"
                + "partition with (symbol of Trades) begin\n"
                + "  from Trades[price < 1.0] select symbol, price insert into Out;\n"
                + "end;\n"));
    }

    /** The compiler refuses anonymous streams today; the scan filter already counts their queries as readers. */
    @Test
    void theQueryOfAnAnonymousStreamIsAReader() {
        assertNull(parsedScanFilter("from (from Trades select symbol, price return) select symbol, price"
                + " insert into Out;\n"));
        assertEquals("price > 10.0", parsedScanFilter("from (from Trades[price > 10] select symbol, price return)"
                + " select symbol, price insert into Out;\n"));
    }

    private static String parsedScanFilter(String queries) {
        StreamSchema trades = new StreamSchema("Trades", List.of("symbol", "price"),
                List.of(AttributeType.STRING, AttributeType.DOUBLE));
        SourceSpec source = new SourceSpec("Trades", "iceberg", Map.of("table", "db.trades"),
                new MapSpec("passThrough", Map.of()), 1, 1);
        ScanPredicate predicate = ScanFilters.apply(SiddhiCompiler.parse(TRADES + queries),
                Map.of("Trades", trades), List.of(source)).get(0).scanFilter();
        return predicate == null ? null : predicate.toString();
    }

    @Test
    void untranslatablePartsWidenTheFilter() {
        // arithmetic and a comparison of two attributes: dropped from the conjunction
        assertEquals("symbol == 'IBM'", scanFilter(
                "from Trades[price * 2 > 10 and symbol == 'IBM' and price > volume] select symbol, price"
                + " insert into Out;\n"));
        // a negated comparison is not exact (nulls), so the disjunction becomes "everything"
        assertNull(scanFilter("from Trades[not(price > 10) or symbol == 'IBM'] select symbol, price"
                + " insert into Out;\n"));
    }

    @Test
    void anyReaderThatNeedsEveryEventDisablesIt() {
        assertNull(scanFilter("from Trades[price > 10] select symbol, price insert into Out;\n"
                + "from Trades select symbol, price insert into Out;\n"));
        assertNull(scanFilter("from Trades#window.length(5)[price > 10] select symbol, price insert into Out;\n"));
        assertNull(scanFilter("from Trades[price > 10] select symbol, price insert into Out;\n"
                + "from every e1=Trades[price > 20] -> e2=Trades[price > 30] select e1.symbol, e2.price"
                + " insert into Out;\n"));
        assertNull(scanFilter("from Quotes select symbol, bid as price insert into Out;\n"));
    }

    @Test
    void aLiteralIsPushedOnlyWhereItComparesAsInSiddhiQL() {
        assertEquals(5, ScanFilters.literal(AttributeType.INT, 5L));
        assertEquals(5, ScanFilters.literal(AttributeType.INT, 5.0));
        assertNull(ScanFilters.literal(AttributeType.INT, 5.5));
        assertNull(ScanFilters.literal(AttributeType.INT, 5_000_000_000L));
        assertNull(ScanFilters.literal(AttributeType.INT, 5.0f));
        assertEquals(7L, ScanFilters.literal(AttributeType.LONG, 7));
        assertNull(ScanFilters.literal(AttributeType.LONG, 1e300));
        assertEquals(0.5f, ScanFilters.literal(AttributeType.FLOAT, 0.5));
        assertNull(ScanFilters.literal(AttributeType.FLOAT, 0.1));
        assertEquals(3.0f, ScanFilters.literal(AttributeType.FLOAT, 3));
        assertEquals(3.0, ScanFilters.literal(AttributeType.DOUBLE, 3));
        assertNull(ScanFilters.literal(AttributeType.DOUBLE, 0.0));
        assertNull(ScanFilters.literal(AttributeType.STRING, 3));
    }
}
