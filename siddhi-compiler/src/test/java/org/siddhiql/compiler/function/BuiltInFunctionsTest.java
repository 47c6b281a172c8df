package org.siddhiql.compiler.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.expression.ConstantEvaluator;
import org.siddhiql.compiler.expression.TestScope;
import org.siddhiql.compiler.schema.AttributeType;

class BuiltInFunctionsTest {
    private final TestScope scope = TestScope.filter();

    private Object eval(String expression, Object... namesAndValues) {
        return scope.compile(expression).evaluate(TestScope.row(namesAndValues));
    }

    private AttributeType type(String expression) {
        return scope.compile(expression).type();
    }

    @Test
    void cast() {
        assertEquals(AttributeType.STRING, type("cast(o, 'string')"));
        assertEquals(AttributeType.DOUBLE, type("cast(o, 'DOUBLE')"));
        assertEquals("x", eval("cast(o, 'string')", "o", "x"));
        assertEquals(5, eval("cast(o, 'int')", "o", 5));
        assertEquals(5L, eval("cast(i, 'long')", "i", 5));
        assertEquals(5.0, eval("cast(i, 'double')", "i", 5));
        assertEquals(2, eval("cast(o, 'int')", "o", 2.7));
        assertEquals(true, eval("cast(o, 'bool')", "o", true));
        assertNull(eval("cast(o, 'int')"));
        assertThrows(ClassCastException.class, () -> eval("cast(o, 'int')", "o", "5"));
        assertEquals("function 'cast' cannot cast to 'object': the type must be one of int, long, float, double, "
                + "bool, string", scope.error("cast(o, 'object')"));
        assertEquals("function 'cast' expects the target type as a string constant such as 'int', got an expression",
                scope.error("cast(o, s)"));
        assertEquals("function 'cast' expects the target type as a string, got int", scope.error("cast(o, 1)"));
        assertEquals("function 'cast' expects 2 arguments, got 1", scope.error("cast(o)"));
    }

    @Test
    void convertFromStrings() {
        assertEquals(42, eval("convert(s, 'int')", "s", "42"));
        assertNull(eval("convert(s, 'int')", "s", "4.2"));
        assertNull(eval("convert(s, 'int')", "s", " 42"));
        assertEquals(42L, eval("convert(s, 'long')", "s", "42"));
        assertEquals(4.5f, eval("convert(s, 'float')", "s", " 4.5 "));
        assertEquals(4.5, eval("convert(s, 'double')", "s", "4.5"));
        assertNull(eval("convert(s, 'double')", "s", "abc"));
        assertEquals(true, eval("convert(s, 'bool')", "s", "TRUE"));
        assertEquals(false, eval("convert(s, 'bool')", "s", "yes"));
        assertEquals("x", eval("convert(s, 'string')", "s", "x"));
        assertNull(eval("convert(s, 'int')"));
    }

    @Test
    void convertBetweenNumbersAndBools() {
        assertEquals(2, eval("convert(d, 'int')", "d", 2.9));
        assertEquals(-2, eval("convert(d, 'int')", "d", -2.9));
        assertEquals(0, eval("convert(d, 'int')", "d", Double.NaN));
        assertEquals(Integer.MAX_VALUE, eval("convert(d, 'int')", "d", 1e20));
        assertEquals(5_000_000_000L, eval("convert(d, 'long')", "d", 5e9));
        assertEquals(705032704, eval("convert(l, 'int')", "l", 5_000_000_000L));
        assertEquals(1.5, eval("convert(f, 'double')", "f", 1.5f));
        assertEquals("1.5", eval("convert(f, 'string')", "f", 1.5f));
        assertEquals("7", eval("convert(i, 'string')", "i", 7));
        assertEquals(true, eval("convert(i, 'bool')", "i", 1));
        assertEquals(false, eval("convert(i, 'bool')", "i", 2));
        assertEquals(true, eval("convert(d, 'bool')", "d", 1.0));
        assertEquals(1, eval("convert(b, 'int')", "b", true));
        assertEquals(0L, eval("convert(b, 'long')", "b", false));
        assertEquals(1.0f, eval("convert(b, 'float')", "b", true));
        assertEquals("true", eval("convert(b, 'string')", "b", true));
        assertEquals(AttributeType.BOOL, type("convert(i, 'bool')"));
    }

    @Test
    void convertObjects() {
        assertEquals("[1, [2, 3]]", eval("convert(o, 'string')", "o", new Object[] {1, new int[] {2, 3}}));
        assertEquals("message : boom\n cause :null", eval("convert(o, 'string')", "o",
                new IllegalStateException("boom")));
        assertEquals("function 'convert' can convert an object only to string, not to int",
                scope.error("convert(o, 'int')"));
        assertEquals("function 'convert' cannot convert to 'number': the type must be one of int, long, float, "
                + "double, bool, string", scope.error("convert(i, 'number')"));
    }

    @Test
    void coalesce() {
        assertEquals(3, eval("coalesce(i, j, 3)", "j", null));
        assertEquals(2, eval("coalesce(i, j, 3)", "j", 2));
        assertEquals(1, eval("coalesce(i)", "i", 1));
        assertNull(eval("coalesce(s, t)"));
        assertEquals(AttributeType.STRING, type("coalesce(s, t)"));
        assertEquals("function 'coalesce' expects arguments of one type, got int and long",
                scope.error("coalesce(i, l)"));
        assertEquals("function 'coalesce' expects at least one argument, got none", scope.error("coalesce()"));
    }

    @Test
    void defaultValue() {
        assertEquals(5, eval("default(i, 5)"));
        assertEquals(1, eval("default(i, 5)", "i", 1));
        assertEquals("n/a", eval("default(s, 'n/a')"));
        assertEquals("function 'default' expects arguments of one type, got long and int",
                scope.error("default(l, 0)"));
        assertEquals("function 'default' expects a constant as its second argument, got an expression",
                scope.error("default(i, j)"));
        assertEquals("function 'default' expects a constant as its second argument, got an expression",
                scope.error("default(i, 1 + 1)"));
        assertEquals("function 'default' expects 2 arguments, got 3", scope.error("default(i, 1, 2)"));
    }

    @Test
    void ifThenElse() {
        assertEquals("big", eval("ifThenElse(i > 10, 'big', 'small')", "i", 11));
        assertEquals("small", eval("ifThenElse(i > 10, 'big', 'small')", "i", 10));
        assertEquals("small", eval("ifThenElse(b, 'big', 'small')"));
        assertEquals(AttributeType.INT, type("ifThenElse(b, i, j)"));
        assertEquals("function 'ifThenElse' expects a bool condition, got int", scope.error("ifThenElse(i, 1, 2)"));
        assertEquals("function 'ifThenElse' expects then and else values of one type, got int and long",
                scope.error("ifThenElse(b, 1, 2L)"));
        assertEquals("function 'ifThenElse' expects 3 arguments, got 2", scope.error("ifThenElse(b, 1)"));
    }

    @Test
    void instanceOf() {
        assertEquals(true, eval("instanceOfBoolean(o)", "o", true));
        assertEquals(false, eval("instanceOfBoolean(o)", "o", 1));
        assertEquals(true, eval("instanceOfDouble(o)", "o", 1.0));
        assertEquals(false, eval("instanceOfDouble(o)", "o", 1.0f));
        assertEquals(true, eval("instanceOfFloat(f)", "f", 1.0f));
        assertEquals(true, eval("instanceOfInteger(i)", "i", 1));
        assertEquals(false, eval("instanceOfInteger(i)"));
        assertEquals(true, eval("instanceOfLong(o)", "o", 1L));
        assertEquals(false, eval("instanceOfLong(i)", "i", 1));
        assertEquals(true, eval("instanceOfString(s)", "s", ""));
        assertEquals(AttributeType.BOOL, type("instanceOfString(s)"));
        assertEquals("function 'instanceOfString' expects 1 argument, got 2", scope.error("instanceOfString(s, t)"));
    }

    @Test
    void maximumAndMinimum() {
        assertEquals(7, eval("maximum(i, j, 3)", "i", 7, "j", 2));
        assertEquals(2, eval("minimum(i, j, 3)", "i", 7, "j", 2));
        assertEquals(2.5, eval("maximum(d, e)", "d", 2.5, "e", -1.0));
        assertEquals(1.5f, eval("minimum(f, g)", "f", 2.5f, "g", 1.5f));
        assertEquals(AttributeType.LONG, type("maximum(l, m)"));
        // one argument passes through, null included
        assertEquals(-4, eval("maximum(i)", "i", -4));
        assertNull(eval("maximum(i)"));
        // Siddhi starts maximum at Double.MIN_VALUE, the smallest positive double
        assertEquals(0, eval("maximum(i, j)", "i", -5, "j", -3));
        assertEquals(Double.MIN_VALUE, eval("maximum(d, e)", "d", -5.0, "e", -3.0));
        assertEquals(-5, eval("minimum(i, j)", "i", -5, "j", -3));
        // a null argument counts as the start value
        assertEquals(0, eval("minimum(i, j)", "j", 0));
        assertEquals(Integer.MAX_VALUE, eval("minimum(i, j)"));
        assertEquals(Float.POSITIVE_INFINITY, eval("minimum(f, g)"));
        assertEquals(0L, eval("maximum(l, m)"));
        // compared and returned through double: longs beyond 2^53 lose precision
        assertEquals(9_007_199_254_740_992L, eval("maximum(l, m)", "l", 9_007_199_254_740_993L, "m", 1L));
        assertEquals("function 'maximum' expects arguments of one type, got int and long",
                scope.error("maximum(i, l)"));
        assertEquals("function 'minimum' expects int, long, float or double arguments, got string",
                scope.error("minimum(s, t)"));
        assertEquals("function 'maximum' expects at least one argument, got none", scope.error("maximum()"));
    }

    @Test
    void eventTimestampIsTheRowsTimestamp() {
        assertEquals(AttributeType.LONG, type("eventTimestamp()"));
        assertEquals(1234L, scope.compile("eventTimestamp()").evaluate(TestScope.row().withTimestamp(1234L)));
        assertEquals("eventTimestamp() of a pattern event is not supported yet", scope.error("eventTimestamp(o)"));
    }

    @Test
    void currentTimeMillis() {
        long before = System.currentTimeMillis();
        long value = (Long) eval("currentTimeMillis()");
        assertTrue(value >= before && value <= System.currentTimeMillis());
        assertEquals(AttributeType.LONG, type("currentTimeMillis()"));
        assertEquals("function 'currentTimeMillis' expects 0 arguments, got 1", scope.error("currentTimeMillis(1)"));
    }

    @Test
    void uuid() {
        String first = (String) eval("UUID()");
        String second = (String) eval("UUID()");
        assertEquals(36, first.length());
        assertNotEquals(first, second);
        assertEquals("function 'UUID' expects 0 arguments, got 1", scope.error("UUID(s)"));
    }

    @Test
    void sets() {
        assertEquals(new HashSet<>(Set.of("x")), eval("createSet(s)", "s", "x"));
        assertTrue(eval("createSet(i)", "i", 1) instanceof HashSet);
        assertEquals(new HashSet<>(Arrays.asList((Object) null)), eval("createSet(s)"));
        assertEquals(AttributeType.OBJECT, type("createSet(b)"));
        assertEquals(1, eval("sizeOfSet(createSet(s))", "s", "x"));
        assertEquals(3, eval("sizeOfSet(o)", "o", Set.of(1, 2, 3)));
        assertEquals(0, eval("sizeOfSet(o)"));
        assertThrows(IllegalArgumentException.class, () -> eval("sizeOfSet(o)", "o", "x"));
        assertEquals(AttributeType.INT, type("sizeOfSet(o)"));
        assertEquals("function 'createSet' expects an int, long, float, double, string or bool argument, got object",
                scope.error("createSet(o)"));
        assertEquals("function 'sizeOfSet' expects an object (a set) argument, got string",
                scope.error("sizeOfSet(s)"));
    }

    @Test
    void literalArgumentsStayLiteralsButCallsDoNot() {
        assertTrue(scope.compile("'x'") instanceof ConstantEvaluator);
        assertFalse(scope.compile("maximum(1)") instanceof ConstantEvaluator);
    }
}
