package org.siddhiql.compiler.expression;

import io.siddhi.query.api.expression.Variable;
import io.siddhi.query.compiler.SiddhiCompiler;
import java.util.ArrayList;
import java.util.List;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.SourcePosition;
import org.siddhiql.compiler.function.FunctionRegistry;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.aggregate.Aggregator;
import org.siddhiql.runtime.event.EventType;

/**
 * A scope over one stream "S" with two attributes of every type, for tests: i, j int; l, m long; f, g float;
 * d, e double; s, t string; b, c bool; o, p object. Compiles expression text with the built-in functions.
 */
public final class TestScope implements Scope {
    public static final StreamSchema SCHEMA = new StreamSchema("S",
            List.of("i", "j", "l", "m", "f", "g", "d", "e", "s", "t", "b", "c", "o", "p"),
            List.of(AttributeType.INT, AttributeType.INT, AttributeType.LONG, AttributeType.LONG,
                    AttributeType.FLOAT, AttributeType.FLOAT, AttributeType.DOUBLE, AttributeType.DOUBLE,
                    AttributeType.STRING, AttributeType.STRING, AttributeType.BOOL, AttributeType.BOOL,
                    AttributeType.OBJECT, AttributeType.OBJECT));

    private final String clause;
    private final boolean allowsAggregators;
    private final boolean trackRemovals;
    private final List<Aggregator> aggregators = new ArrayList<>();
    private final ExpressionCompiler compiler;

    public TestScope(String clause, boolean allowsAggregators, boolean trackRemovals, FunctionRegistry functions) {
        this.clause = clause;
        this.allowsAggregators = allowsAggregators;
        this.trackRemovals = trackRemovals;
        this.compiler = new ExpressionCompiler(functions);
    }

    public static TestScope filter() {
        return new TestScope("filter", false, true, FunctionRegistry.builtIns());
    }

    public static TestScope select() {
        return new TestScope("select", true, true, FunctionRegistry.builtIns());
    }

    public static TestScope select(boolean trackRemovals) {
        return new TestScope("select", true, trackRemovals, FunctionRegistry.builtIns());
    }

    public Evaluator compile(String expression) {
        return compiler.compile(SiddhiCompiler.parseExpression(expression), this);
    }

    public Evaluator compileCondition(String expression) {
        return compiler.compileCondition(SiddhiCompiler.parseExpression(expression), this);
    }

    /** The reason of the compile error the expression must raise. */
    public String error(String expression) {
        try {
            Evaluator evaluator = compile(expression);
            throw new AssertionError("expected a compile error for " + expression + ", got type " + evaluator.type());
        } catch (CompileException e) {
            return e.reason();
        }
    }

    public List<Aggregator> aggregators() {
        return aggregators;
    }

    /** A CURRENT row at time 1000 with the named attributes set ("i", 5, "s", "x" ...), the rest null. */
    public static TestRow row(Object... namesAndValues) {
        Object[] data = new Object[SCHEMA.size()];
        for (int k = 0; k < namesAndValues.length; k += 2) {
            int index = SCHEMA.indexOf((String) namesAndValues[k]);
            if (index < 0) {
                throw new IllegalArgumentException("no attribute " + namesAndValues[k]);
            }
            data[index] = namesAndValues[k + 1];
        }
        return new TestRow(data, 1000L, EventType.CURRENT, null);
    }

    @Override
    public ResolvedAttribute resolve(Variable variable) {
        int index = SCHEMA.indexOf(variable.getAttributeName());
        if (index < 0) {
            throw new CompileException(SourcePosition.of(variable),
                    "attribute '" + variable.getAttributeName() + "' is not defined");
        }
        return new ResolvedAttribute(0, index, SCHEMA.attributeType(index));
    }

    @Override
    public boolean allowsAggregators() {
        return allowsAggregators;
    }

    @Override
    public int addAggregator(Aggregator aggregator) {
        aggregators.add(aggregator);
        return aggregators.size() - 1;
    }

    @Override
    public String clause() {
        return clause;
    }

    @Override
    public boolean aggregatorsTrackRemovals() {
        return trackRemovals;
    }
}
