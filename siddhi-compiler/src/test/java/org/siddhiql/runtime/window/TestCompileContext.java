package org.siddhiql.runtime.window;

import io.siddhi.query.api.expression.Expression;
import io.siddhi.query.api.expression.Variable;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.SourcePosition;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.expression.ExpressionCompiler;
import org.siddhiql.compiler.expression.ResolvedAttribute;
import org.siddhiql.compiler.expression.Scope;
import org.siddhiql.compiler.function.FunctionRegistry;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.aggregate.Aggregator;

/** A window compile context over one input stream, compiling with the project's expression compiler. */
class TestCompileContext implements WindowCompileContext {
    private final StreamSchema input;
    private final boolean expectsExpired;
    private final ExpressionCompiler compiler = new ExpressionCompiler(FunctionRegistry.builtIns());

    TestCompileContext(StreamSchema input, boolean expectsExpired) {
        this.input = input;
        this.expectsExpired = expectsExpired;
    }

    @Override
    public StreamSchema input() {
        return input;
    }

    @Override
    public Evaluator compile(Expression parameter) {
        return compiler.compile(parameter, new Scope() {
            @Override
            public ResolvedAttribute resolve(Variable variable) {
                int index = input.indexOf(variable.getAttributeName());
                if (index < 0) {
                    throw new CompileException(SourcePosition.of(variable),
                            "no attribute '" + variable.getAttributeName() + "'");
                }
                return new ResolvedAttribute(0, index, input.attributeType(index));
            }

            @Override
            public boolean allowsAggregators() {
                return false;
            }

            @Override
            public int addAggregator(Aggregator aggregator) {
                throw new IllegalStateException();
            }

            @Override
            public String clause() {
                return "window parameter";
            }
        });
    }

    @Override
    public Evaluator compile(Expression expression, Scope scope) {
        return compiler.compile(expression, scope);
    }

    @Override
    public boolean outputExpectsExpiredEvents() {
        return expectsExpired;
    }
}
