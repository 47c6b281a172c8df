package org.siddhiql.runtime.ratelimit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.siddhiql.runtime.ratelimit.RateLimitTestSpecs.SYM_INT;
import static org.siddhiql.runtime.ratelimit.RateLimitTestSpecs.query;
import static org.siddhiql.runtime.ratelimit.RateLimitTestSpecs.schema;
import static org.siddhiql.runtime.ratelimit.RateLimitTestSpecs.spec;

import io.siddhi.query.api.execution.query.Query;
import io.siddhi.query.api.execution.query.output.ratelimit.EventOutputRate;
import io.siddhi.query.api.execution.query.output.ratelimit.OutputRate;
import io.siddhi.query.api.execution.query.output.ratelimit.TimeOutputRate;
import io.siddhi.query.api.execution.query.output.stream.OutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.ratelimit.OutputRateSpec.Variant;

class RateLimitsTest {
    private static final StreamSchema THREE = schema(AttributeType.STRING, AttributeType.LONG, AttributeType.DOUBLE);

    private static Variant variant(String queryText, boolean[] aggregated) {
        return spec(queryText, THREE, aggregated).variant();
    }

    @Test
    void choosesSiddhisLimiter() {
        boolean[] none = {false, false, false};
        boolean[] some = {false, true, true};
        boolean[] all = {true, true, true};
        assertEquals(Variant.PASS_THROUGH, variant("from S select a, b, c insert into O", none));
        assertEquals(Variant.ALL_EVERY_EVENTS, variant("from S select a, b, c group by a output every 3 events "
                + "insert into O", none));
        assertEquals(Variant.FIRST_EVERY_EVENTS, variant("from S select a, b, c output first every 3 events "
                + "insert into O", none));
        assertEquals(Variant.FIRST_EVERY_EVENTS_PER_GROUP, variant("from S select a, b, c group by a "
                + "output first every 3 events insert into O", none));
        assertEquals(Variant.LAST_EVERY_EVENTS_PER_GROUP, variant("from S select a, b, c group by a "
                + "output last every 3 events insert into O", none));
        assertEquals(Variant.ALL_EVERY_TIME, variant("from S select a, b, c group by a output every 3 sec "
                + "insert into O", none));
        assertEquals(Variant.FIRST_EVERY_TIME, variant("from S select a, b, c output first every 3 sec "
                + "insert into O", none));
        assertEquals(Variant.LAST_EVERY_TIME_PER_GROUP, variant("from S select a, b, c group by a "
                + "output last every 3 sec insert into O", none));
        // snapshot: windowed or not, grouped or not, aggregated outputs none / some / all
        assertEquals(Variant.SNAPSHOT_LATEST_ROW, variant("from S select a, b, c output snapshot every 1 sec "
                + "insert into O", all));
        assertEquals(Variant.SNAPSHOT_LATEST_ROW_PER_GROUP, variant("from S select a, b, c group by a "
                + "output snapshot every 1 sec insert into O", some));
        assertEquals(Variant.SNAPSHOT_WINDOW_ROWS, variant("from S#window.time(1 sec) select a, b, c group by a "
                + "output snapshot every 1 sec insert into O", none));
        assertEquals(Variant.SNAPSHOT_LATEST_AGGREGATE_ROW, variant("from S#window.time(1 sec) select a, b, c "
                + "output snapshot every 1 sec insert into O", all));
        assertEquals(Variant.SNAPSHOT_WINDOW_ROWS_WITH_AGGREGATES, variant("from S#window.time(1 sec) "
                + "select a, b, c output snapshot every 1 sec insert into O", some));
        assertEquals(Variant.SNAPSHOT_LATEST_AGGREGATE_ROW_PER_GROUP, variant("from S#window.time(1 sec) "
                + "select a, b, c group by a output snapshot every 1 sec insert into O", all));
        assertEquals(Variant.SNAPSHOT_WINDOW_ROWS_WITH_AGGREGATES_PER_GROUP, variant("from S#window.time(1 sec) "
                + "select a, b, c group by a output snapshot every 1 sec insert into O", some));
        assertEquals(Variant.SNAPSHOT_WINDOW_ROWS_WITH_AGGREGATES, variant("from S#window.length(2) join T#window."
                + "length(2) on S.a == T.a select S.a, T.b, S.c output snapshot every 1 sec insert into O", some));
    }

    @Test
    void describesTheRateAsWritten() {
        assertEquals("last every 5 events", spec("from S select * output last every 5 events insert into O",
                SYM_INT, null).describe());
        assertEquals("all every 5 events", spec("from S select * output every 5 events insert into O",
                SYM_INT, null).describe());
        assertEquals("first every 90 sec", spec("from S select * output first every 1 min 30 sec insert into O",
                SYM_INT, null).describe());
        assertEquals("snapshot every 250 millisec", spec("from S select * output snapshot every 250 millisec "
                + "insert into O", SYM_INT, null).describe());
    }

    @Test
    void snapshotRequiresAllEvents() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spec(
                "from S select * output snapshot every 1 sec insert current events into O", SYM_INT, null));
        assertTrue(e.getMessage().contains("can only insert 'all events'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> spec(
                "from S select * output snapshot every 1 sec insert expired events into O", SYM_INT, null));
        Query defaulted = query("from S select * output snapshot every 1 sec insert into O");
        assertEquals(OutputStream.OutputEventType.ALL_EVENTS, defaulted.getOutputStream().getOutputEventType());
        assertEquals(Variant.SNAPSHOT_LATEST_ROW, spec("from S select * output snapshot every 1 sec "
                + "insert all events into O", SYM_INT, null).variant());
    }

    @Test
    void rejectsWhatCannotRun() {
        assertThrows(IllegalArgumentException.class, () -> spec("from S select * output every 0 sec insert into O",
                SYM_INT, null));
        assertThrows(IllegalArgumentException.class, () -> spec("from S select * output snapshot every 0 sec "
                + "insert into O", SYM_INT, null));
        OutputRate snapshotOfEvents = new EventOutputRate(3).output(OutputRate.Type.SNAPSHOT);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RateLimits.of(
                snapshotOfEvents, OutputStream.OutputEventType.ALL_EVENTS, false, false, SYM_INT, null));
        assertEquals("SNAPSHOT not supported in output rate limiting", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RateLimits.of(new EventOutputRate(-1),
                OutputStream.OutputEventType.CURRENT_EVENTS, false, false, SYM_INT, null));
        assertThrows(IllegalArgumentException.class, () -> RateLimits.of(new TimeOutputRate(-5L),
                OutputStream.OutputEventType.CURRENT_EVENTS, false, false, SYM_INT, null));
        assertThrows(IllegalArgumentException.class, () -> spec("from S#window.length(2) select a0, sum(a1) as s "
                + "output snapshot every 1 sec insert into O", SYM_INT, new boolean[] {false, true, true}));
    }

    @Test
    void windowedAsSiddhiDecidesIt() {
        assertTrue(RateLimits.isWindowed(query("from S#window.length(2) select * insert into O")));
        assertTrue(RateLimits.isWindowed(query("from S[a > 1]#window.time(1 sec) select * insert into O")));
        assertTrue(RateLimits.isWindowed(query("from S join T on S.a == T.a select S.a insert into O")));
        assertFalse(RateLimits.isWindowed(query("from S[a > 1] select * insert into O")));
        assertFalse(RateLimits.isWindowed(query("from every e1=S -> e2=T select e1.a insert into O")));
    }

    @Test
    void aggregatedOutputsAreTopLevelAggregatorCalls() {
        Query q = query("from S select a, sum(b) as s, sum(b) + 1 as t, count() as n, str:concat(a, 'x') as u "
                + "insert into O");
        Set<String> aggregators = Set.of("sum", "count", "avg", "min", "max");
        boolean[] aggregated = RateLimits.aggregatedOutputs(q.getSelector(), 5,
                f -> (f.getNamespace() == null || f.getNamespace().isEmpty()) && aggregators.contains(f.getName()));
        assertArrayEquals(new boolean[] {false, true, false, true, false}, aggregated);
        assertArrayEquals(new boolean[3], RateLimits.aggregatedOutputs(query("from S select * insert into O")
                .getSelector(), 3, f -> true));
    }

    @Test
    void expiryMatchReproducesSiddhisIndexSlip() {
        assertArrayEquals(new int[] {0}, ExpiryMatch.ignoringAggregates(new int[] {1}, 2).steps());
        assertArrayEquals(new int[] {0, 3}, ExpiryMatch.ignoringAggregates(new int[] {1, 2}, 4).steps());
        assertArrayEquals(new int[] {1, 2}, ExpiryMatch.ignoringAggregates(new int[] {0, 2}, 3).steps());
        assertArrayEquals(new int[] {0, 1, -1}, ExpiryMatch.ignoringAggregates(new int[] {2, 3}, 4).steps());
        assertArrayEquals(new int[] {0, 2}, ExpiryMatch.ignoringAggregates(new int[] {1, 3}, 4).steps());
        ExpiryMatch m = ExpiryMatch.ignoringAggregates(new int[] {1}, 3);
        assertTrue(m.same(new Object[] {"a", 1L, 2.0}, new Object[] {"a", 9L, 2.0}));
        assertFalse(m.same(new Object[] {"a", 1L, 2.0}, new Object[] {"a", 1L, 3.0}));
        assertFalse(m.same(new Object[] {"a", 1L, 2}, new Object[] {"a", 1L, 2L}));
        assertThrows(SiddhiFailure.class, () -> m.same(new Object[] {null, 1L, 2.0}, new Object[] {null, 1L, 2.0}));
    }

    @Test
    void specsSurviveJavaSerialization() throws Exception {
        OutputRateSpec spec = spec("from S#window.length(2) select a0, sum(a1) as s, a2 output snapshot every 1 sec "
                + "insert into O", THREE, new boolean[] {false, true, false});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(spec);
        }
        OutputRateSpec copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (OutputRateSpec) in.readObject();
        }
        assertEquals(spec.toString(), copy.toString());
        RateLimitTestDriver d = new RateLimitTestDriver(copy);
        d.select(RateLimitTestDriver.cur(10, "x", 1L, 0.5));
        List<Event> out = d.at(1000);
        assertEquals(List.of(RateLimitTestDriver.cur(10, "x", 1L, 0.5)), out);
    }
}
