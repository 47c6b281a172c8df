package org.siddhiql.runtime.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.runtime.state.Codecs;

class AggregatorsTest {
    private static Aggregator create(AggregatorFactory factory, AttributeType type) {
        return factory.create(List.of(type));
    }

    private static Aggregator create(AggregatorFactory factory, AttributeType type, boolean trackRemovals) {
        return factory.create(List.of(type), trackRemovals);
    }

    /** Encodes and decodes a state as the backends store it. */
    private static Object[] roundTrip(Object[] state) {
        return (Object[]) Codecs.ANY.copy(state);
    }

    private static Set<Object> set(Object... elements) {
        Set<Object> set = new HashSet<>();
        for (Object element : elements) {
            set.add(element);
        }
        return set;
    }

    // ------------------------------------------------------------------------------------------------------- sum

    @Test
    void sumOfIntsIsLongAndNullWhenEmpty() {
        Aggregator sum = create(BuiltInAggregators.SUM, AttributeType.INT);
        assertEquals(AttributeType.LONG, sum.type());
        Object[] state = sum.newState();
        assertTrue(sum.canDestroy(state));
        assertNull(sum.add(state, null));
        assertEquals(1L, sum.add(state, 1));
        assertEquals(3L, sum.add(state, 2));
        assertEquals(3L, sum.add(state, null));
        assertEquals(3L, sum.remove(state, null));
        assertEquals(2L, sum.remove(state, 1));
        assertFalse(sum.canDestroy(state));
        assertNull(sum.remove(state, 2));
        assertTrue(sum.canDestroy(state));
    }

    @Test
    void sumOfIntsDoesNotOverflowInt() {
        Aggregator sum = create(BuiltInAggregators.SUM, AttributeType.INT);
        Object[] state = sum.newState();
        sum.add(state, Integer.MAX_VALUE);
        assertEquals(2L * Integer.MAX_VALUE, sum.add(state, Integer.MAX_VALUE));
    }

    @Test
    void longSumRemovesInDoublePrecisionAsSiddhiDoes() {
        Aggregator sum = create(BuiltInAggregators.SUM, AttributeType.LONG);
        Object[] state = sum.newState();
        assertEquals(9_007_199_254_740_993L, sum.add(state, 9_007_199_254_740_993L));
        assertEquals(9_007_199_254_740_994L, sum.add(state, 1L));
        // the exact answer would be 1; Siddhi (the oracle) gives 2
        assertEquals(2L, sum.remove(state, 9_007_199_254_740_993L));
        assertEquals(Long.MIN_VALUE, sum.add(sum.newState(), Long.MIN_VALUE));
    }

    @Test
    void sumOfFloatsIsDoubleAndKeepsResidues() {
        Aggregator sum = create(BuiltInAggregators.SUM, AttributeType.FLOAT);
        assertEquals(AttributeType.DOUBLE, sum.type());
        Object[] state = sum.newState();
        assertEquals((double) 0.1f, sum.add(state, 0.1f));
        Aggregator doubles = create(BuiltInAggregators.SUM, AttributeType.DOUBLE);
        Object[] d = doubles.newState();
        doubles.add(d, 0.1);
        assertEquals(0.1 + 0.2, doubles.add(d, 0.2));
        assertEquals(0.1 + 0.2 - 0.1, doubles.remove(d, 0.1));
        assertNull(doubles.remove(d, 0.2));
        // count is 0 but the sum is not: the state is kept, and the residue stays in the sum
        assertFalse(doubles.canDestroy(d));
        assertEquals(0.1 + 0.2 - 0.1 - 0.2 + 1e-17, doubles.add(d, 1e-17));
    }

    // ----------------------------------------------------------------------------------------------------- count

    @Test
    void countCountsNullsAndGoesBackToZero() {
        Aggregator count = BuiltInAggregators.COUNT.create(List.of());
        assertEquals(AttributeType.LONG, count.type());
        Object[] state = count.newState();
        assertEquals(1L, count.add(state, null));
        assertEquals(2L, count.add(state, "x"));
        assertEquals(1L, count.remove(state, null));
        assertEquals(0L, count.remove(state, "x"));
        assertTrue(count.canDestroy(state));
        assertEquals(AttributeType.LONG, create(BuiltInAggregators.COUNT, AttributeType.OBJECT).type());
        assertEquals("aggregate function 'count' expects at most 1 argument, got 2",
                assertThrows(IllegalArgumentException.class, () -> BuiltInAggregators.COUNT.create(
                        List.of(AttributeType.INT, AttributeType.INT))).getMessage());
    }

    // ------------------------------------------------------------------------------------------------------- avg

    @Test
    void avgIsDoubleAndNullWhenEmpty() {
        Aggregator avg = create(BuiltInAggregators.AVG, AttributeType.INT);
        assertEquals(AttributeType.DOUBLE, avg.type());
        Object[] state = avg.newState();
        assertNull(avg.add(state, null));
        assertEquals(1.0, avg.add(state, 1));
        assertEquals(1.5, avg.add(state, 2));
        assertEquals(1.5, avg.add(state, null));
        assertEquals(2.0, avg.remove(state, 1));
        assertNull(avg.remove(state, 2));
        assertTrue(avg.canDestroy(state));
        Aggregator longs = create(BuiltInAggregators.AVG, AttributeType.LONG);
        Object[] l = longs.newState();
        longs.add(l, 3L);
        assertEquals(3.5, longs.add(l, 4L));
        Aggregator floats = create(BuiltInAggregators.AVG, AttributeType.FLOAT);
        assertEquals((double) 0.1f, floats.add(floats.newState(), 0.1f));
    }

    // --------------------------------------------------------------------------------------------------- min/max

    @Test
    void minAndMaxKeepTheArgumentType() {
        assertEquals(AttributeType.INT, create(BuiltInAggregators.MIN, AttributeType.INT).type());
        assertEquals(AttributeType.LONG, create(BuiltInAggregators.MAX, AttributeType.LONG).type());
        assertEquals(AttributeType.FLOAT, create(BuiltInAggregators.MIN_FOREVER, AttributeType.FLOAT).type());
        assertEquals(AttributeType.DOUBLE, create(BuiltInAggregators.MAX_FOREVER, AttributeType.DOUBLE).type());
        assertEquals("aggregate function 'min' expects an int, long, float or double argument, got string",
                assertThrows(IllegalArgumentException.class,
                        () -> create(BuiltInAggregators.MIN, AttributeType.STRING)).getMessage());
    }

    @Test
    void slidingMinAndMaxAreExactForFirstInFirstOut() {
        Aggregator min = create(BuiltInAggregators.MIN, AttributeType.INT, true);
        Aggregator max = create(BuiltInAggregators.MAX, AttributeType.INT, true);
        Object[] mn = min.newState();
        Object[] mx = max.newState();
        int[] values = {5, 3, 8, 1, 9, 2, 7};
        List<Integer> window = new ArrayList<>();
        for (int v : values) {
            if (window.size() == 3) {
                int old = window.remove(0);
                min.remove(mn, old);
                max.remove(mx, old);
            }
            window.add(v);
            assertEquals(window.stream().min(Integer::compare).get(), min.add(mn, v));
            assertEquals(window.stream().max(Integer::compare).get(), max.add(mx, v));
        }
        for (int i = 0; i < 2; i++) {
            int old = window.remove(0);
            assertEquals(window.stream().min(Integer::compare).get(), min.remove(mn, old));
            assertEquals(window.stream().max(Integer::compare).get(), max.remove(mx, old));
        }
        assertNull(min.remove(mn, window.get(0)));
        assertNull(max.remove(mx, window.get(0)));
        assertTrue(min.canDestroy(mn));
        assertTrue(max.canDestroy(mx));
    }

    @Test
    void slidingMinAndMaxGiveSiddhisAnswersForOtherRemovalOrders() {
        // a sort window keeping the two smallest: 3, 1, 2 (3 leaves), 0 (2 leaves), 5 (5 leaves)
        Aggregator min = create(BuiltInAggregators.MIN, AttributeType.INT, true);
        Aggregator max = create(BuiltInAggregators.MAX, AttributeType.INT, true);
        Object[] mn = min.newState();
        Object[] mx = max.newState();
        assertEquals(3, min.add(mn, 3));
        assertEquals(3, max.add(mx, 3));
        assertEquals(1, min.add(mn, 1));
        assertEquals(3, max.add(mx, 1));
        min.add(mn, 2);
        max.add(mx, 2);
        assertEquals(1, min.remove(mn, 3));
        assertEquals(2, max.remove(mx, 3));
        min.add(mn, 0);
        max.add(mx, 0);
        assertEquals(0, min.remove(mn, 2));
        assertEquals(0, max.remove(mx, 2)); // the window holds 0 and 1: Siddhi says 0
        min.add(mn, 5);
        max.add(mx, 5);
        assertEquals(0, min.remove(mn, 5));
        assertNull(max.remove(mx, 5)); // the window holds 0 and 1: Siddhi says null
        assertTrue(max.canDestroy(mx));
    }

    @Test
    void slidingMinGrowsAndShrinksItsDeque() {
        Aggregator min = create(BuiltInAggregators.MIN, AttributeType.LONG, true);
        Object[] state = min.newState();
        for (long v = 1; v <= 100; v++) {
            assertEquals(1L, min.add(state, v));
        }
        state = roundTrip(state);
        for (long v = 1; v < 100; v++) {
            assertEquals(v + 1, min.remove(state, v));
        }
        assertEquals(100L, min.add(state, 100L));
        assertEquals(100L, min.remove(state, 100L));
        assertNull(min.remove(state, 100L));
        assertTrue(min.canDestroy(state));
    }

    @Test
    void slidingMinWithNaN() {
        Aggregator min = create(BuiltInAggregators.MIN, AttributeType.DOUBLE, true);
        Object[] state = min.newState();
        assertEquals(1.0, min.add(state, 1.0));
        assertEquals(1.0, min.add(state, Double.NaN));
        assertEquals(0.0, min.add(state, 0.0));
        assertEquals(Double.NaN, min.remove(state, 1.0));
        assertEquals(0.0, min.remove(state, Double.NaN));
    }

    @Test
    void minAndMaxWithoutTrackingForgetTheAnswerWhenItLeaves() {
        Aggregator min = create(BuiltInAggregators.MIN, AttributeType.FLOAT, false);
        Object[] state = min.newState();
        assertEquals(2f, min.add(state, 2f));
        assertEquals(1f, min.add(state, 1f));
        assertEquals(1f, min.add(state, null));
        assertEquals(1f, min.remove(state, 2f));
        assertNull(min.remove(state, 1f));
        assertTrue(min.canDestroy(state));
        assertEquals(3f, min.add(state, 3f));
        Aggregator max = create(BuiltInAggregators.MAX, AttributeType.DOUBLE, false);
        Object[] mx = max.newState();
        assertEquals(-1.0, max.add(mx, -1.0));
        assertEquals(-1.0, max.add(mx, -2.0));
        assertNull(max.remove(mx, -1.0));
        assertEquals(-2.0, max.add(mx, -2.0));
    }

    @Test
    void foreverAggregatorsTreatRemovalsAsValues() {
        Aggregator min = create(BuiltInAggregators.MIN_FOREVER, AttributeType.INT);
        Object[] state = min.newState();
        assertNull(min.add(state, null));
        assertTrue(min.canDestroy(state));
        assertEquals(5, min.add(state, 5));
        assertEquals(3, min.add(state, 3));
        assertEquals(3, min.add(state, 4));
        assertEquals(1, min.remove(state, 1));
        assertEquals(1, min.remove(state, 3));
        assertFalse(min.canDestroy(state));
        Aggregator max = create(BuiltInAggregators.MAX_FOREVER, AttributeType.LONG);
        Object[] mx = max.newState();
        assertEquals(5L, max.add(mx, 5L));
        assertEquals(5L, max.remove(mx, 5L));
        assertEquals(7L, max.remove(mx, 7L));
        assertEquals(7L, max.add(mx, 6L));
    }

    // -------------------------------------------------------------------------------------------- distinctCount

    @Test
    void distinctCount() {
        Aggregator distinct = create(BuiltInAggregators.DISTINCT_COUNT, AttributeType.STRING);
        assertEquals(AttributeType.LONG, distinct.type());
        Object[] state = distinct.newState();
        assertEquals(1L, distinct.add(state, "a"));
        assertEquals(2L, distinct.add(state, "b"));
        assertEquals(2L, distinct.add(state, "a"));
        assertEquals(3L, distinct.add(state, null));
        state = roundTrip(state);
        assertEquals(3L, distinct.remove(state, "a"));
        assertEquals(2L, distinct.remove(state, "a"));
        assertEquals(2L, distinct.remove(state, "zzz"));
        assertEquals(1L, distinct.remove(state, null));
        assertFalse(distinct.canDestroy(state));
        assertEquals(0L, distinct.remove(state, "b"));
        assertTrue(distinct.canDestroy(state));
        assertEquals("aggregate function 'distinctCount' expects an int, long, float, double or string argument, "
                + "got bool", assertThrows(IllegalArgumentException.class,
                        () -> create(BuiltInAggregators.DISTINCT_COUNT, AttributeType.BOOL)).getMessage());
    }

    // --------------------------------------------------------------------------------------------------- stdDev

    @Test
    void stdDevIsThePopulationDeviation() {
        Aggregator std = create(BuiltInAggregators.STD_DEV, AttributeType.INT);
        assertEquals(AttributeType.DOUBLE, std.type());
        Object[] state = std.newState();
        assertNull(std.add(state, null));
        assertEquals(0.0, std.add(state, 1));
        assertEquals(1.0, std.add(state, 3));
        assertEquals(1.0, std.add(state, null));
        assertEquals(0.0, std.remove(state, 1));
        assertNull(std.remove(state, 3));
        assertTrue(std.canDestroy(state));
        Object[] classic = std.newState();
        Object result = null;
        for (int v : new int[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            result = std.add(classic, v);
        }
        assertEquals(2.0, (Double) result, 1e-12);
        classic = roundTrip(classic);
        // [4, 4, 4, 5, 5, 7, 9]: mean 38/7, sum of squared deviations 228 - 7 * (38/7)^2
        assertEquals(Math.sqrt((228 - 1444.0 / 7) / 7), (Double) std.remove(classic, 2), 1e-12);
    }

    // ------------------------------------------------------------------------------------------------ and / or

    @Test
    void andAndOr() {
        Aggregator and = create(BuiltInAggregators.AND, AttributeType.BOOL);
        assertEquals(AttributeType.BOOL, and.type());
        Object[] a = and.newState();
        assertEquals(true, and.add(a, true));
        assertEquals(false, and.add(a, false));
        assertEquals(false, and.add(a, null));
        assertEquals(true, and.remove(a, false));
        assertEquals(false, and.remove(a, true));
        assertTrue(and.canDestroy(a));
        Aggregator or = create(BuiltInAggregators.OR, AttributeType.BOOL);
        Object[] o = or.newState();
        assertEquals(false, or.add(o, false));
        assertTrue(or.canDestroy(o));
        assertEquals(true, or.add(o, true));
        assertEquals(true, or.add(o, null));
        assertEquals(false, or.remove(o, true));
        assertEquals("aggregate function 'or' expects a bool argument, got int",
                assertThrows(IllegalArgumentException.class,
                        () -> create(BuiltInAggregators.OR, AttributeType.INT)).getMessage());
    }

    // ------------------------------------------------------------------------------------------------- unionSet

    @Test
    void unionSetWithoutTracking() {
        Aggregator union = create(BuiltInAggregators.UNION_SET, AttributeType.OBJECT, false);
        assertEquals(AttributeType.OBJECT, union.type());
        Object[] state = union.newState();
        assertEquals(set("a"), union.add(state, set("a")));
        assertEquals(set("a", "b"), union.add(state, set("b")));
        assertEquals(set("b"), union.remove(state, set("a")));
        assertEquals(set("a", "b"), union.add(state, set("a")));
        assertEquals(set("a"), union.remove(state, set("b")));
        assertEquals(set("a", "c"), union.add(state, set("c")));
        assertEquals(set("c"), union.remove(state, set("a")));
        assertEquals(set("c", "e"), union.add(state, set("e")));
        assertEquals(set("c", "e"), union.add(state, null));
    }

    @Test
    void unionSetWithTrackingKeepsSiddhisCounts() {
        // a length(2) window over createSet(s) for a, b, a, c, e: Siddhi outputs [a, c, e] at the end
        Aggregator union = create(BuiltInAggregators.UNION_SET, AttributeType.OBJECT, true);
        Object[] state = union.newState();
        assertEquals(set("a"), union.add(state, set("a")));
        assertEquals(set("a", "b"), union.add(state, set("b")));
        assertEquals(set("b"), union.remove(state, set("a")));
        assertEquals(set("a", "b"), union.add(state, set("a")));
        assertEquals(set("a"), union.remove(state, set("b")));
        state = roundTrip(state);
        assertEquals(set("a", "c"), union.add(state, set("c")));
        assertEquals(set("a", "c"), union.remove(state, set("a")));
        assertEquals(set("a", "c", "e"), union.add(state, set("e")));
        Object result = union.add(state, set());
        assertTrue(result instanceof HashSet);
        assertFalse(union.canDestroy(state));
        assertEquals("aggregate function 'unionSet' expects an object (a set) argument, got string",
                assertThrows(IllegalArgumentException.class,
                        () -> create(BuiltInAggregators.UNION_SET, AttributeType.STRING)).getMessage());
    }

    @Test
    void returnedSetsAreCopies() {
        Aggregator union = create(BuiltInAggregators.UNION_SET, AttributeType.OBJECT, false);
        Object[] state = union.newState();
        @SuppressWarnings("unchecked")
        Set<Object> first = (Set<Object>) union.add(state, set(1));
        first.add(2);
        assertEquals(set(1), union.add(state, set()));
    }

    // ------------------------------------------------------------------------------------------------- states

    @Test
    void statesSurviveTheCodec() {
        List<Aggregator> aggregators = List.of(
                create(BuiltInAggregators.SUM, AttributeType.INT),
                BuiltInAggregators.COUNT.create(List.of()),
                create(BuiltInAggregators.AVG, AttributeType.INT),
                create(BuiltInAggregators.MIN, AttributeType.INT, true),
                create(BuiltInAggregators.MAX, AttributeType.INT, true),
                create(BuiltInAggregators.MAX, AttributeType.INT, false),
                create(BuiltInAggregators.STD_DEV, AttributeType.INT),
                create(BuiltInAggregators.MAX_FOREVER, AttributeType.INT),
                create(BuiltInAggregators.DISTINCT_COUNT, AttributeType.INT));
        int[] values = {4, 2, 6, 2, 8, 1, 1, 9};
        for (Aggregator aggregator : aggregators) {
            Object[] plain = aggregator.newState();
            Object[] coded = roundTrip(aggregator.newState());
            for (int k = 0; k < values.length; k++) {
                assertEquals(aggregator.add(plain, values[k]), aggregator.add(coded, values[k]));
                coded = roundTrip(coded);
                if (k >= 2) {
                    assertEquals(aggregator.remove(plain, values[k - 2]), aggregator.remove(coded, values[k - 2]));
                    coded = roundTrip(coded);
                }
            }
            assertEquals(aggregator.canDestroy(plain), aggregator.canDestroy(coded));
        }
    }
}
