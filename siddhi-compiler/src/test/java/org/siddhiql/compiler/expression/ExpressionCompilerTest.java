package org.siddhiql.compiler.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.siddhi.query.compiler.SiddhiCompiler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.function.FunctionRegistry;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.runtime.aggregate.Aggregator;
import org.siddhiql.runtime.event.EventType;

class ExpressionCompilerTest {
    private final TestScope filter = TestScope.filter();

    private Object eval(String expression, Object... namesAndValues) {
        return filter.compile(expression).evaluate(TestScope.row(namesAndValues));
    }

    private AttributeType type(String expression) {
        return filter.compile(expression).type();
    }

    // ------------------------------------------------------------------------------------------------- constants

    @Test
    void constantsHaveTheirTypes() {
        assertEquals(5, eval("5"));
        assertEquals(AttributeType.INT, type("5"));
        assertEquals(-5, eval("-5"));
        assertEquals(10L, eval("10L"));
        assertEquals(AttributeType.LONG, type("10L"));
        assertEquals(7.5f, eval("7.5f"));
        assertEquals(AttributeType.FLOAT, type("7.5f"));
        assertEquals(7.5, eval("7.5"));
        assertEquals(AttributeType.DOUBLE, type("7.5"));
        assertEquals("abc", eval("'abc'"));
        assertEquals("abc", eval("\"abc\""));
        assertEquals(AttributeType.STRING, type("'abc'"));
        assertEquals(true, eval("true"));
        assertEquals(AttributeType.BOOL, type("false"));
        assertTrue(filter.compile("5") instanceof ConstantEvaluator);
    }

    @Test
    void timeConstantsAreLongMillis() {
        assertEquals(1000L, eval("1 sec"));
        assertEquals(AttributeType.LONG, type("1 sec"));
        assertEquals(90_000L, eval("1 min 30 sec"));
        assertEquals(3_600_000L, eval("1 hour"));
        assertEquals(86_400_000L, eval("1 day"));
        assertEquals(250L, eval("250 millisec"));
    }

    @Test
    void variablesReadTheRow() {
        assertEquals(3, eval("i", "i", 3));
        assertEquals(AttributeType.INT, type("i"));
        assertEquals("x", eval("s", "s", "x"));
        assertEquals(AttributeType.OBJECT, type("o"));
        assertNull(eval("l"));
        assertEquals("attribute 'zz' is not defined", filter.error("zz + 1"));
    }

    // ------------------------------------------------------------------------------------------------ arithmetic

    @Test
    void arithmeticPromotesIntLongFloatDouble() {
        assertEquals(AttributeType.INT, type("i + j"));
        assertEquals(AttributeType.LONG, type("i + l"));
        assertEquals(AttributeType.FLOAT, type("l * f"));
        assertEquals(AttributeType.DOUBLE, type("f - d"));
        assertEquals(AttributeType.DOUBLE, type("i / d"));
        assertEquals(7, eval("i + j", "i", 3, "j", 4));
        assertEquals(7L, eval("i + l", "i", 3, "l", 4L));
        assertEquals(6.0f, eval("l * f", "l", 4L, "f", 1.5f));
        assertEquals(-1.0, eval("f - d", "f", 0.5f, "d", 1.5));
        // float arithmetic is done in float precision
        assertEquals(0.1f + 0.2f, eval("f + g", "f", 0.1f, "g", 0.2f));
        assertEquals((double) 0.1f + 0.2, eval("f + d", "f", 0.1f, "d", 0.2));
    }

    @Test
    void integerDivisionTruncatesAndModKeepsTheDividendSign() {
        assertEquals(3, eval("7 / 2"));
        assertEquals(-3, eval("-7 / 2"));
        assertEquals(3L, eval("l / 2", "l", 7L));
        assertEquals(1, eval("7 % 3"));
        assertEquals(-1, eval("-7 % 3"));
        assertEquals(1, eval("7 % -3"));
        assertEquals(1.5, eval("7.5 % 2"));
        assertEquals(3.5, eval("7 / 2.0"));
        assertEquals(3.5f, eval("7 / 2f"));
    }

    @Test
    void divisionByZeroGivesNullForEveryType() {
        assertNull(eval("i / j", "i", 1, "j", 0));
        assertNull(eval("i % j", "i", 1, "j", 0));
        assertNull(eval("l / 0L", "l", 1L));
        assertNull(eval("l % 0", "l", 1L));
        assertNull(eval("f / 0", "f", 1f));
        assertNull(eval("f % 0f", "f", 1f));
        assertNull(eval("d / 0", "d", 1.0));
        assertNull(eval("d / e", "d", 1.0, "e", -0.0));
        assertNull(eval("d % 0.0", "d", 1.0));
        assertEquals(Integer.MIN_VALUE, eval("i / j", "i", Integer.MIN_VALUE, "j", -1));
    }

    @Test
    void integerOverflowWrapsAround() {
        assertEquals(Integer.MIN_VALUE, eval("2147483647 + 1"));
        assertEquals(Integer.MIN_VALUE, eval("i + j", "i", Integer.MAX_VALUE, "j", 1));
        assertEquals(-2, eval("i * 2", "i", Integer.MAX_VALUE));
        assertEquals(2147483648L, eval("i + 1L", "i", Integer.MAX_VALUE));
        assertEquals(Long.MIN_VALUE, eval("l + 1", "l", Long.MAX_VALUE));
    }

    @Test
    void arithmeticWithNullGivesNull() {
        assertNull(eval("i + j", "i", 1));
        assertNull(eval("i - j", "j", 1));
        assertNull(eval("d * 2"));
        assertNull(eval("l / 2"));
        assertNull(eval("f % 2"));
    }

    @Test
    void objectOperandsAreReadAsNumbers() {
        assertEquals(AttributeType.INT, type("o + 1"));
        assertEquals(AttributeType.DOUBLE, type("2.0 * o"));
        assertEquals(3, eval("o + 1", "o", 2));
        assertEquals(5.0, eval("2.0 * o", "o", 2.5f));
    }

    @Test
    void arithmeticOnNonNumbersIsRejected() {
        assertEquals("operator '+' expects numbers, got string and int", filter.error("s + 1"));
        assertEquals("operator '*' expects numbers, got bool and bool", filter.error("b * c"));
        assertEquals("operator '-' expects numbers, got object and object", filter.error("o - p"));
        assertEquals("operator '/' expects numbers, got int and string", filter.error("1 / s"));
        assertEquals("operator '%' expects numbers, got object and string", filter.error("o % s"));
    }

    // ------------------------------------------------------------------------------------------------ comparison

    @Test
    void numbersCompareAfterPromotion() {
        assertEquals(true, eval("i < l", "i", 1, "l", 2L));
        assertEquals(true, eval("i == d", "i", 2, "d", 2.0));
        assertEquals(false, eval("f == d", "f", 0.1f, "d", 0.1));
        assertEquals(true, eval("f == 0.1f", "f", 0.1f));
        assertEquals(true, eval("l >= i", "l", 2L, "i", 2));
        assertEquals(false, eval("d > e", "d", 1.0, "e", 1.0));
        assertEquals(true, eval("d != e", "d", 1.0, "e", 2.0));
        assertEquals(true, eval("i <= 3", "i", 3));
        assertEquals(AttributeType.BOOL, type("i < 3"));
    }

    @Test
    void longAndFloatEqualityComparesDoublesButOrderingComparesFloats() {
        // 16777217 is not a float: as a float it is 16777216
        assertEquals(false, eval("l == f", "l", 16_777_217L, "f", 16_777_216f));
        assertEquals(true, eval("l != f", "l", 16_777_217L, "f", 16_777_216f));
        assertEquals(false, eval("f == l", "l", 16_777_217L, "f", 16_777_216f));
        assertEquals(false, eval("l > f", "l", 16_777_217L, "f", 16_777_216f));
        assertEquals(true, eval("l <= f", "l", 16_777_217L, "f", 16_777_216f));
        // int and float compare as floats, also for equality
        assertEquals(true, eval("i == f", "i", 16_777_217, "f", 16_777_216f));
    }

    @Test
    void nanAndSignedZeroCompareAsPrimitives() {
        assertEquals(false, eval("d == e", "d", Double.NaN, "e", Double.NaN));
        assertEquals(true, eval("d != e", "d", Double.NaN, "e", Double.NaN));
        assertEquals(true, eval("d == e", "d", 0.0, "e", -0.0));
    }

    @Test
    void comparisonWithNullIsFalseExceptNotEqualWhichIsTrue() {
        assertEquals(false, eval("i == 1"));
        assertEquals(false, eval("s == t", "s", "x"));
        assertEquals(false, eval("b == c"));
        assertEquals(false, eval("d < 1"));
        assertEquals(false, eval("l >= 1"));
        assertEquals(true, eval("i != 1"));
        assertEquals(true, eval("s != t", "s", "x"));
        assertEquals(true, eval("b != c"));
        assertEquals(true, eval("f != d", "d", 1.0));
        assertEquals(false, eval("not (i != 1)"));
    }

    @Test
    void stringsAndBoolsSupportOnlyEquality() {
        assertEquals(true, eval("s == 'x'", "s", "x"));
        assertEquals(false, eval("s != 'x'", "s", "x"));
        assertEquals(true, eval("s != t", "s", "x", "t", "y"));
        assertEquals(true, eval("b == c", "b", true, "c", true));
        assertEquals(true, eval("b != false", "b", true));
        assertEquals("operator '<' cannot compare string values", filter.error("s < t"));
        assertEquals("operator '>=' cannot compare bool values", filter.error("b >= c"));
        assertEquals("operator '==' cannot compare object values", filter.error("o == p"));
    }

    @Test
    void mismatchedTypesCannotBeCompared() {
        assertEquals("cannot compare string with int using '=='", filter.error("s == 1"));
        assertEquals("cannot compare int with string using '!='", filter.error("i != s"));
        assertEquals("cannot compare bool with int using '=='", filter.error("b == 1"));
        assertEquals("cannot compare double with bool using '>'", filter.error("d > b"));
        assertEquals("cannot compare string with bool using '<'", filter.error("s < b"));
        assertEquals("cannot compare object with int using '=='", filter.error("o == 1"));
        assertEquals("cannot compare long with object using '<'", filter.error("l < o"));
    }

    // ------------------------------------------------------------------------------------------------ logic

    @Test
    void andOrReadNullAsFalseAndNeverReturnNull() {
        assertEquals(true, eval("b and c", "b", true, "c", true));
        assertEquals(false, eval("b and c", "b", true, "c", false));
        assertEquals(false, eval("b and c", "b", true));
        assertEquals(false, eval("b and c", "c", true));
        assertEquals(true, eval("b or c", "c", true));
        assertEquals(false, eval("b or c"));
        assertEquals(false, eval("b or c", "b", false));
        assertEquals(true, eval("i > 1 and s == 'x'", "i", 2, "s", "x"));
    }

    @Test
    void notOfNullIsTrue() {
        assertEquals(false, eval("not b", "b", true));
        assertEquals(true, eval("not b", "b", false));
        assertEquals(true, eval("not b"));
        assertEquals(true, eval("not (i > 1)"));
    }

    @Test
    void isNull() {
        assertEquals(true, eval("s is null"));
        assertEquals(false, eval("s is null", "s", ""));
        assertEquals(true, eval("i is null and j is null"));
        assertEquals(true, eval("coalesce(i, j) is null"));
        assertEquals(false, eval("i is null", "i", 0));
    }

    @Test
    void logicalOperatorsNeedBools() {
        assertEquals("left operand of 'and' must be bool, got int", filter.error("i and b"));
        assertEquals("right operand of 'or' must be bool, got string", filter.error("b or s"));
        assertEquals("operand of 'not' must be bool, got double", filter.error("not d"));
    }

    @Test
    void conditionsMustBeBool() {
        assertSame(AttributeType.BOOL, filter.compileCondition("i > 1").type());
        assertEquals("filter condition must be bool, got int", assertThrows(CompileException.class,
                () -> filter.compileCondition("i + 1")).reason());
        TestScope having = new TestScope("having", false, true, FunctionRegistry.builtIns());
        assertEquals("having condition must be bool, got string", assertThrows(CompileException.class,
                () -> having.compileCondition("s")).reason());
    }

    @Test
    void unsupportedExpressions() {
        assertEquals("'in T': table 'T' is not defined", filter.error("i in T"));
        assertEquals("'*' as the arguments of function 'count' is not supported yet", filter.error("count(*)"));
    }

    @Test
    void errorsCarryThePosition() {
        CompileException e = assertThrows(CompileException.class,
                () -> filter.compile("i > 1 and\n  s + 1 == 2"));
        assertEquals("operator '+' expects numbers, got string and int", e.reason());
        assertEquals(2, e.line());
        assertEquals(3, e.column());
    }

    // ------------------------------------------------------------------------------------------------ functions

    @Test
    void unknownFunctionsAndCaseSensitiveNames() {
        assertEquals("unknown function 'foo'", filter.error("foo(i)"));
        assertEquals("unknown function 'str:concat'", filter.error("str:concat(s, t)"));
        assertEquals("unknown function 'uuid'", filter.error("uuid()"));
        assertEquals("unknown function 'Sum'", filter.error("Sum(i)"));
        assertEquals(AttributeType.STRING, type("UUID()"));
    }

    @Test
    void registeredNamespacedFunctionsAreFound() {
        FunctionRegistry registry = FunctionRegistry.builtIns();
        registry.registerFunction("str:upper", args -> new Evaluator() {
            @Override
            public Object evaluate(Row row) {
                Object v = args.get(0).evaluate(row);
                return v == null ? null : ((String) v).toUpperCase();
            }

            @Override
            public AttributeType type() {
                return AttributeType.STRING;
            }
        });
        TestScope scope = new TestScope("filter", false, true, registry);
        assertEquals("ABC", scope.compile("str:upper(s)").evaluate(TestScope.row("s", "abc")));
        assertEquals("unknown function 'upper'", scope.error("upper(s)"));
    }

    @Test
    void boolFunctionResultsReadNullAsFalse() {
        // Siddhi wraps bool-valued function calls in a condition that turns null into false
        assertEquals(false, eval("coalesce(b, c)"));
        assertEquals(false, eval("convert(s, 'bool')"));
        assertEquals(false, eval("ifThenElse(i > 1, b, c)", "i", 2));
        assertEquals(false, eval("default(b, false)"));
        // a bool attribute itself stays null
        assertNull(eval("b"));
    }

    @Test
    void functionArgumentErrorsAreCompileErrors() {
        CompileException e = assertThrows(CompileException.class, () -> filter.compile("coalesce(i, s)"));
        assertEquals("function 'coalesce' expects arguments of one type, got int and string", e.reason());
        assertEquals(1, e.line());
        assertEquals(1, e.column());
    }

    // ------------------------------------------------------------------------------------------------ aggregators

    @Test
    void aggregatorsOnlyInSelect() {
        assertEquals("aggregate function 'sum' may only be used in a select clause", filter.error("sum(i)"));
        assertEquals("aggregate function 'count' may only be used in a select clause", filter.error("count() > 1"));
        TestScope select = TestScope.select();
        assertEquals("aggregate function 'count' cannot be used inside aggregate function 'sum'",
                select.error("sum(count())"));
        assertEquals("aggregate function 'sum' expects an int, long, float or double argument, got string",
                select.error("sum(s)"));
        assertEquals("aggregate function 'avg' expects 1 argument, got 2", select.error("avg(i, j)"));
    }

    @Test
    void aggregatorsAddCurrentAndRemoveExpiredRows() {
        TestScope select = TestScope.select();
        Evaluator sum = select.compile("sum(i)");
        Evaluator count = select.compile("count()");
        Evaluator avg = select.compile("avg(d) * 2");
        assertEquals(AttributeType.LONG, sum.type());
        assertEquals(AttributeType.LONG, count.type());
        assertEquals(AttributeType.DOUBLE, avg.type());
        assertEquals(3, select.aggregators().size());
        Object[] states = new Object[3];
        for (int slot = 0; slot < 3; slot++) {
            states[slot] = select.aggregators().get(slot).newState();
        }
        TestRow first = TestScope.row("i", 5, "d", 1.0).withStates(states);
        TestRow second = TestScope.row("i", 7, "d", 2.0).withStates(states);
        assertEquals(5L, sum.evaluate(first));
        assertEquals(1L, count.evaluate(first));
        assertEquals(2.0, avg.evaluate(first));
        assertEquals(12L, sum.evaluate(second));
        assertEquals(2L, count.evaluate(second));
        assertEquals(3.0, avg.evaluate(second));
        TestRow firstExpired = first.withType(EventType.EXPIRED);
        assertEquals(7L, sum.evaluate(firstExpired));
        assertEquals(1L, count.evaluate(firstExpired));
        assertEquals(4.0, avg.evaluate(firstExpired));
        TestRow secondExpired = second.withType(EventType.EXPIRED);
        assertNull(sum.evaluate(secondExpired));
        assertEquals(0L, count.evaluate(secondExpired));
        assertNull(avg.evaluate(secondExpired));
        assertNull(sum.evaluate(first.withType(EventType.RESET)));
    }

    @Test
    void aggregatorsInsideExpressionsAlwaysSeeTheEvent() {
        TestScope select = TestScope.select();
        // the right operand is evaluated even when the left one is null
        Evaluator compare = select.compile("i > sum(j)");
        Object[] states = {select.aggregators().get(0).newState()};
        assertEquals(false, compare.evaluate(TestScope.row("j", 5).withStates(states)));
        assertEquals(true, compare.evaluate(TestScope.row("i", 9, "j", 3).withStates(states)));
        assertEquals(false, compare.evaluate(TestScope.row("i", 9, "j", 3).withStates(states)));
    }

    @Test
    void ifThenElseEvaluatesOnlyTheBranchItTakes() {
        TestScope select = TestScope.select();
        Evaluator branch = select.compile("ifThenElse(b, sum(i), 0L)");
        Object[] states = {select.aggregators().get(0).newState()};
        assertEquals(1L, branch.evaluate(TestScope.row("b", true, "i", 1).withStates(states)));
        assertEquals(0L, branch.evaluate(TestScope.row("b", false, "i", 10).withStates(states)));
        assertEquals(3L, branch.evaluate(TestScope.row("b", true, "i", 2).withStates(states)));
    }

    @Test
    void minAndMaxFollowTheScopesRemovalTracking() {
        TestScope tracking = TestScope.select(true);
        TestScope plain = TestScope.select(false);
        Evaluator trackedMin = tracking.compile("min(i)");
        Evaluator plainMin = plain.compile("min(i)");
        Aggregator trackedAggregator = tracking.aggregators().get(0);
        Aggregator plainAggregator = plain.aggregators().get(0);
        Object[] tracked = {trackedAggregator.newState()};
        Object[] untracked = {plainAggregator.newState()};
        for (int v : new int[] {1, 2}) {
            trackedMin.evaluate(TestScope.row("i", v).withStates(tracked));
            plainMin.evaluate(TestScope.row("i", v).withStates(untracked));
        }
        TestRow expireOne = TestScope.row("i", 1).withType(EventType.EXPIRED);
        assertEquals(2, trackedMin.evaluate(expireOne.withStates(tracked)));
        assertNull(plainMin.evaluate(expireOne.withStates(untracked)));
    }

    // ------------------------------------------------------------------------------------------------ serialization

    @Test
    void evaluatorsAreSerializable() throws Exception {
        String[] expressions = {"i + l * 2", "d / e", "s == 'x' and not (b or c)", "i is null",
            "coalesce(i, j, 3)", "convert(s, 'int')", "cast(o, 'long')", "maximum(i, j)", "eventTimestamp()",
            "ifThenElse(b, 'y', 'n')", "instanceOfLong(o)", "sizeOfSet(createSet(s))", "f % g", "l == f"};
        for (String expression : expressions) {
            Evaluator evaluator = filter.compile(expression);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(evaluator);
            }
            Evaluator copy;
            try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
                copy = (Evaluator) in.readObject();
            }
            TestRow row = TestScope.row("i", 1, "j", 2, "l", 3L, "d", 1.0, "e", 4.0, "s", "x", "b", false,
                    "o", 5L, "f", 1.5f, "g", 1f);
            assertEquals(evaluator.type(), copy.type(), expression);
            assertEquals(evaluator.evaluate(row), copy.evaluate(row), expression);
        }
    }

    @Test
    void parsedAppExpressionsCompile() {
        io.siddhi.query.api.SiddhiApp app = SiddhiCompiler.parse(
                "define stream S (i int, j int, l long, m long, f float, g float, d double, e double, s string, "
                        + "t string, b bool, c bool, o object, p object);\n"
                        + "from S[i > 10 and s != 'x'] select i * 2 as twice insert into Out;");
        io.siddhi.query.api.execution.query.Query query =
                (io.siddhi.query.api.execution.query.Query) app.getExecutionElementList().get(0);
        io.siddhi.query.api.execution.query.input.stream.SingleInputStream input =
                (io.siddhi.query.api.execution.query.input.stream.SingleInputStream) query.getInputStream();
        io.siddhi.query.api.execution.query.input.handler.Filter condition =
                (io.siddhi.query.api.execution.query.input.handler.Filter) input.getStreamHandlers().get(0);
        ExpressionCompiler compiler = new ExpressionCompiler(FunctionRegistry.builtIns());
        Evaluator evaluator = compiler.compileCondition(condition.getParameters()[0], filter);
        assertEquals(true, evaluator.evaluate(TestScope.row("i", 11, "s", "y")));
        assertEquals(false, evaluator.evaluate(TestScope.row("i", 11, "s", "x")));
        Evaluator projection = compiler.compile(
                query.getSelector().getSelectionList().get(0).getExpression(), filter);
        assertEquals(22, projection.evaluate(TestScope.row("i", 11)));
    }
}
