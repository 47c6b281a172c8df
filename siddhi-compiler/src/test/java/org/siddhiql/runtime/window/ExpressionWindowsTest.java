package org.siddhiql.runtime.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** expression and expressionBatch; expected chunks are Siddhi 5.1.21's (checked against siddhi-core). */
class ExpressionWindowsTest {

    @Test
    void expressionWithCount() {
        WindowTester w = new WindowTester("expression('count() <= 2')", true);
        w.send(1000, "a", 1, 1000L).send(1100, "b", 2, 1100L).send(1200, "c", 3, 1200L).advance(1500)
                .send(1300, "d", 4, 1300L);
        assertEquals(List.of(
                "CURRENT 1000 [a, 1, 1000L]",
                "CURRENT 1100 [b, 2, 1100L]",
                "EXPIRED 1200 [a, 1, 1000L] | CURRENT 1200 [c, 3, 1200L]",
                "EXPIRED 1500 [b, 2, 1100L] | CURRENT 1300 [d, 4, 1300L]"), w.take());
    }

    @Test
    void expressionWithSumCanExpireTheArrivalItself() {
        WindowTester w = new WindowTester("expression('sum(price) < 6')", true);
        w.send(1000, "a", 2, 1000L).send(1100, "b", 3, 1100L).send(1200, "c", 4, 1200L).send(1300, "d", 9, 1300L);
        assertEquals(List.of(
                "CURRENT 1000 [a, 2, 1000L]",
                "CURRENT 1100 [b, 3, 1100L]",
                "EXPIRED 1200 [a, 2, 1000L] | EXPIRED 1200 [b, 3, 1100L] | CURRENT 1200 [c, 4, 1200L]",
                "EXPIRED 1300 [c, 4, 1200L] | EXPIRED 1300 [d, 9, 1300L] | CURRENT 1300 [d, 9, 1300L]"), w.take());
    }

    @Test
    void expressionOverFirstAndLastTimestamps() {
        WindowTester w = new WindowTester("expression('eventTimestamp(last) - eventTimestamp(first) < 1000')", true);
        w.send(1000, "a", 1, 1000L).send(1500, "b", 2, 1500L).send(2000, "c", 3, 2000L)
                .send(2999, "d", 4, 2999L).send(4000, "e", 5, 4000L);
        assertEquals(List.of(
                "CURRENT 1000 [a, 1, 1000L]",
                "CURRENT 1500 [b, 2, 1500L]",
                "EXPIRED 2000 [a, 1, 1000L] | CURRENT 2000 [c, 3, 2000L]",
                "EXPIRED 2999 [b, 2, 1500L] | CURRENT 2999 [d, 4, 2999L]",
                "EXPIRED 4000 [c, 3, 2000L] | EXPIRED 4000 [d, 4, 2999L] | CURRENT 4000 [e, 5, 4000L]"), w.take());
    }

    @Test
    void eventTimestampWithoutArgumentIsMinusOneInAWindowExpression() {
        WindowTester w = new WindowTester("expression('eventTimestamp() < 0 and count() <= 2')", true);
        w.send(1000, "a", 1, 1000L).send(1500, "b", 2, 1500L).send(2000, "c", 3, 2000L);
        assertEquals(List.of(
                "CURRENT 1000 [a, 1, 1000L]",
                "CURRENT 1500 [b, 2, 1500L]",
                "EXPIRED 2000 [a, 1, 1000L] | CURRENT 2000 [c, 3, 2000L]"), w.take());
    }

    @Test
    void expressionBatchEmitsNoResetAndRestampsTheBatch() {
        WindowTester w = new WindowTester("expressionBatch('count() <= 2')");
        w.send(1000, "a", 1, 1000L).send(1100, "b", 2, 1100L).send(1200, "c", 3, 1200L)
                .send(1300, "d", 4, 1300L).send(1400, "e", 5, 1400L);
        assertEquals(List.of(
                "CURRENT 1200 [a, 1, 1000L] | CURRENT 1200 [b, 2, 1100L]",
                // expired events come out even though the query does not ask for them
                "EXPIRED 1400 [a, 1, 1000L] | EXPIRED 1400 [b, 2, 1100L] | CURRENT 1400 [c, 3, 1200L]"
                        + " | CURRENT 1400 [d, 4, 1300L]"), w.take());
    }

    @Test
    void expressionBatchIncludingTheTriggeringEvent() {
        WindowTester w = new WindowTester("expressionBatch('count() <= 2', true)");
        w.send(1000, "a", 1, 1000L).send(1100, "b", 2, 1100L).send(1200, "c", 3, 1200L)
                .send(1300, "d", 4, 1300L).send(1400, "e", 5, 1400L);
        assertEquals(List.of(
                "CURRENT 1200 [a, 1, 1000L] | CURRENT 1200 [b, 2, 1100L] | CURRENT 1200 [c, 3, 1200L]",
                "EXPIRED 1400 [a, 1, 1000L] | EXPIRED 1400 [b, 2, 1100L] | EXPIRED 1400 [c, 3, 1200L]"
                        + " | CURRENT 1400 [d, 4, 1300L] | CURRENT 1400 [e, 5, 1400L]"), w.take());
    }

    @Test
    void expressionBatchStreamingCurrentEvents() {
        WindowTester w = new WindowTester("expressionBatch('count() <= 2', false, true)");
        w.send(1000, "a", 1, 1000L).send(1100, "b", 2, 1100L).send(1200, "c", 3, 1200L)
                .send(1300, "d", 4, 1300L).send(1400, "e", 5, 1400L);
        assertEquals(List.of(
                "CURRENT 1000 [a, 1, 1000L]",
                "CURRENT 1100 [b, 2, 1100L]",
                "EXPIRED 1200 [a, 1, 1000L] | EXPIRED 1200 [b, 2, 1100L] | CURRENT 1200 [c, 3, 1200L]",
                "CURRENT 1300 [d, 4, 1300L]",
                "EXPIRED 1400 [c, 3, 1200L] | EXPIRED 1400 [d, 4, 1300L] | CURRENT 1400 [e, 5, 1400L]"), w.take());
    }

    @Test
    void expressionBatchStreamingAndIncludingTheTriggeringEvent() {
        WindowTester w = new WindowTester("expressionBatch('count() <= 2', true, true)");
        w.send(1000, "a", 1, 1000L).send(1100, "b", 2, 1100L).send(1200, "c", 3, 1200L)
                .send(1300, "d", 4, 1300L).send(1400, "e", 5, 1400L);
        assertEquals(List.of(
                "CURRENT 1000 [a, 1, 1000L]",
                "CURRENT 1100 [b, 2, 1100L]",
                "CURRENT 1200 [c, 3, 1200L] | EXPIRED 1200 [a, 1, 1000L] | EXPIRED 1200 [b, 2, 1100L]"
                        + " | EXPIRED 1200 [c, 3, 1200L]",
                "CURRENT 1300 [d, 4, 1300L]",
                // c still counts in the aggregators (Siddhi restarts them with the arrival), so the batch is short
                "CURRENT 1400 [e, 5, 1400L] | EXPIRED 1400 [d, 4, 1300L] | EXPIRED 1400 [e, 5, 1400L]"), w.take());
    }

    @Test
    void expressionBatchClosingAnEmptyBatch() {
        WindowTester w = new WindowTester("expressionBatch('price < 5')");
        w.send(1000, "a", 7, 1000L).send(1100, "b", 2, 1100L).send(1200, "c", 8, 1200L);
        assertEquals(List.of(
                "EXPIRED 1000 [a, 7, 1000L] | CURRENT 1000 [a, 7, 1000L]",
                "CURRENT 1200 [b, 2, 1100L]"), w.take());
    }

    @Test
    void conditionsMustBeBoolAndNameKnownRows() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WindowTester("expression('count()')"));
        assertEquals("window 'expression' expression 'count()' must be a bool condition, got long", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new WindowTester("expression('other.price > 1')"));
        assertEquals("window 'expression' expression 'other.price > 1': stream reference 'other' not found for"
                + " attribute 'price'; a window expression sees 'S', 'first' and 'last'", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new WindowTester("expression(sym)"));
        assertEquals("window 'expression' with an expression taken from an attribute is not supported: write the"
                + " condition as a string constant", e.getMessage());
    }
}
