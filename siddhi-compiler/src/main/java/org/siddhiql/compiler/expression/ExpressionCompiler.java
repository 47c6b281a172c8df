package org.siddhiql.compiler.expression;

import io.siddhi.query.api.expression.AttributeFunction;
import io.siddhi.query.api.expression.Expression;
import io.siddhi.query.api.expression.Variable;
import io.siddhi.query.api.expression.condition.And;
import io.siddhi.query.api.expression.condition.Compare;
import io.siddhi.query.api.expression.condition.In;
import io.siddhi.query.api.expression.condition.IsNull;
import io.siddhi.query.api.expression.condition.Not;
import io.siddhi.query.api.expression.condition.Or;
import io.siddhi.query.api.expression.constant.BoolConstant;
import io.siddhi.query.api.expression.constant.DoubleConstant;
import io.siddhi.query.api.expression.constant.FloatConstant;
import io.siddhi.query.api.expression.constant.IntConstant;
import io.siddhi.query.api.expression.constant.LongConstant;
import io.siddhi.query.api.expression.constant.StringConstant;
import io.siddhi.query.api.expression.math.Add;
import io.siddhi.query.api.expression.math.Divide;
import io.siddhi.query.api.expression.math.Mod;
import io.siddhi.query.api.expression.math.Multiply;
import io.siddhi.query.api.expression.math.Subtract;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.SourcePosition;
import org.siddhiql.compiler.function.FunctionRegistry;
import org.siddhiql.compiler.function.ScalarFunctionFactory;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.runtime.aggregate.Aggregator;
import org.siddhiql.runtime.aggregate.AggregatorFactory;
import org.siddhiql.runtime.table.TableMembership;
import org.siddhiql.runtime.table.TableSpec;

/**
 * Compiles expressions of the Siddhi query object model into {@link Evaluator}s, with Siddhi 5.1's typing rules:
 * <ul>
 * <li>arithmetic promotes int &lt; long &lt; float &lt; double; an object operand is read as a number of the other
 * operand's type; strings and bools are rejected (Siddhi accepts them next to a number and fails per event)</li>
 * <li>{@code ==} and {@code !=} compare two numbers, two strings or two bools; {@code < <= > >=} only numbers</li>
 * <li>{@code and}, {@code or}, {@code not} take bools</li>
 * <li>function names are case-sensitive; scalar functions come before aggregators of the same name</li>
 * <li>aggregators only where the scope allows them, and not nested in one another</li>
 * </ul>
 * and its null handling: arithmetic with null (or a zero divisor) is null; comparisons with null are false, except
 * {@code !=}, which is true; {@code and}/{@code or} read null as false; {@code not null} is true; bool-valued
 * function calls read null as false.
 * Errors are {@link CompileException}s located at the offending element.
 */
public final class ExpressionCompiler {
    private final FunctionRegistry functions;
    /** The app's tables by name, which {@code cond in T} may name. */
    private final Map<String, TableSpec> tables;
    /** The {@code in T} evaluators made since {@link #takeMemberships()}, for the planner to bind to their tables. */
    private final List<TableMembership> memberships = new ArrayList<>();

    public ExpressionCompiler(FunctionRegistry functions) {
        this(functions, Map.of());
    }

    public ExpressionCompiler(FunctionRegistry functions, Map<String, TableSpec> tables) {
        this.functions = Objects.requireNonNull(functions);
        this.tables = Map.copyOf(tables);
    }

    /** The {@code in T} evaluators compiled since the last call: the query compiled meanwhile reads those tables. */
    public List<TableMembership> takeMemberships() {
        List<TableMembership> taken = List.copyOf(memberships);
        memberships.clear();
        return taken;
    }

    public FunctionRegistry functions() {
        return functions;
    }

    /** Compiles a condition: a bool expression, else an error "&lt;clause&gt; condition must be bool, got int". */
    public Evaluator compileCondition(Expression expression, Scope scope) {
        Evaluator evaluator = compile(expression, scope);
        if (evaluator.type() != AttributeType.BOOL) {
            throw error(expression, scope.clause() + " condition must be bool, got " + evaluator.type().siddhiName());
        }
        return evaluator;
    }

    public Evaluator compile(Expression expression, Scope scope) {
        if (expression instanceof Variable) {
            Variable variable = (Variable) expression;
            return new VariableEvaluator(scope.resolve(variable), describe(variable));
        }
        if (expression instanceof StringConstant) {
            return new ConstantEvaluator(((StringConstant) expression).getValue(), AttributeType.STRING);
        }
        if (expression instanceof IntConstant) {
            return new ConstantEvaluator(((IntConstant) expression).getValue(), AttributeType.INT);
        }
        if (expression instanceof LongConstant) { // time constants too: long milliseconds
            return new ConstantEvaluator(((LongConstant) expression).getValue(), AttributeType.LONG);
        }
        if (expression instanceof FloatConstant) {
            return new ConstantEvaluator(((FloatConstant) expression).getValue(), AttributeType.FLOAT);
        }
        if (expression instanceof DoubleConstant) {
            return new ConstantEvaluator(((DoubleConstant) expression).getValue(), AttributeType.DOUBLE);
        }
        if (expression instanceof BoolConstant) {
            return new ConstantEvaluator(((BoolConstant) expression).getValue(), AttributeType.BOOL);
        }
        if (expression instanceof Add) {
            Add add = (Add) expression;
            return arithmetic(add, Arithmetic.Operator.ADD, add.getLeftValue(), add.getRightValue(), scope);
        }
        if (expression instanceof Subtract) {
            Subtract subtract = (Subtract) expression;
            return arithmetic(subtract, Arithmetic.Operator.SUBTRACT, subtract.getLeftValue(),
                    subtract.getRightValue(), scope);
        }
        if (expression instanceof Multiply) {
            Multiply multiply = (Multiply) expression;
            return arithmetic(multiply, Arithmetic.Operator.MULTIPLY, multiply.getLeftValue(),
                    multiply.getRightValue(), scope);
        }
        if (expression instanceof Divide) {
            Divide divide = (Divide) expression;
            return arithmetic(divide, Arithmetic.Operator.DIVIDE, divide.getLeftValue(), divide.getRightValue(),
                    scope);
        }
        if (expression instanceof Mod) {
            Mod mod = (Mod) expression;
            return arithmetic(mod, Arithmetic.Operator.MOD, mod.getLeftValue(), mod.getRightValue(), scope);
        }
        if (expression instanceof Compare) {
            return compare((Compare) expression, scope);
        }
        if (expression instanceof And) {
            And and = (And) expression;
            return new Logic.And(bool(and.getLeftExpression(), "left operand of 'and'", scope),
                    bool(and.getRightExpression(), "right operand of 'and'", scope));
        }
        if (expression instanceof Or) {
            Or or = (Or) expression;
            return new Logic.Or(bool(or.getLeftExpression(), "left operand of 'or'", scope),
                    bool(or.getRightExpression(), "right operand of 'or'", scope));
        }
        if (expression instanceof Not) {
            return new Logic.Not(bool(((Not) expression).getExpression(), "operand of 'not'", scope));
        }
        if (expression instanceof IsNull) {
            IsNull isNull = (IsNull) expression;
            if (isNull.getExpression() == null) {
                throw error(expression, "'" + isNull.getStreamId() + " is null' on a stream (pattern and join event "
                        + "references) is not supported yet");
            }
            return new Logic.IsNull(compile(isNull.getExpression(), scope));
        }
        if (expression instanceof In) {
            return membership((In) expression, scope);
        }
        if (expression instanceof AttributeFunction) {
            return function((AttributeFunction) expression, scope);
        }
        throw error(expression, "expression " + expression + " is not supported");
    }

    /** {@code cond in T}: the condition sees the enclosing names and the table's, the table's by its name. */
    private Evaluator membership(In in, Scope scope) {
        if (!scope.allowsTableMembership()) {
            throw error(in, "'in " + in.getSourceId() + "' is not supported in joins, patterns and table writes "
                    + "(siddhi-core 5.1 fails on it there)");
        }
        TableSpec table = tables.get(in.getSourceId());
        if (table == null) {
            throw error(in, "'in " + in.getSourceId() + "': table '" + in.getSourceId() + "' is not defined");
        }
        Evaluator condition = compile(in.getExpression(), new MembershipScope(scope, table.schema()));
        if (condition.type() != AttributeType.BOOL) {
            throw error(in.getExpression(), "condition of 'in " + in.getSourceId() + "' must be bool, got "
                    + condition.type().siddhiName());
        }
        // Exactly the primary key's equality: the row is found by key, as Siddhi finds it.
        Evaluator[] key = KeyEqualities.compile(KeyEqualities.of(in.getExpression(), table, Set.of(table.name())),
                table, value -> compile(value, scope), true);
        TableMembership membership = new TableMembership(table, condition, key);
        memberships.add(membership);
        return membership;
    }

    // -------------------------------------------------------------------------------------------------- arithmetic

    private Evaluator arithmetic(Expression expression, Arithmetic.Operator operator, Expression leftExpression,
            Expression rightExpression, Scope scope) {
        Evaluator left = compile(leftExpression, scope);
        Evaluator right = compile(rightExpression, scope);
        AttributeType l = left.type();
        AttributeType r = right.type();
        boolean leftOk = l.isNumeric() || (l == AttributeType.OBJECT && r.isNumeric());
        boolean rightOk = r.isNumeric() || (r == AttributeType.OBJECT && l.isNumeric());
        if (!leftOk || !rightOk) {
            throw error(expression, "operator '" + operator.symbol() + "' expects numbers, got " + l.siddhiName()
                    + " and " + r.siddhiName());
        }
        AttributeType result = AttributeType.widerNumeric(l.isNumeric() ? l : r, r.isNumeric() ? r : l);
        return Arithmetic.create(operator, left, right, result);
    }

    // -------------------------------------------------------------------------------------------------- comparison

    private Evaluator compare(Compare compare, Scope scope) {
        Evaluator left = compile(compare.getLeftExpression(), scope);
        Evaluator right = compile(compare.getRightExpression(), scope);
        Compare.Operator operator = compare.getOperator();
        String symbol = Comparisons.symbol(operator);
        AttributeType l = left.type();
        AttributeType r = right.type();
        boolean equality = operator == Compare.Operator.EQUAL || operator == Compare.Operator.NOT_EQUAL;
        AttributeType domain;
        if (l.isNumeric() && r.isNumeric()) {
            domain = AttributeType.widerNumeric(l, r);
            if (equality && (l == AttributeType.LONG && r == AttributeType.FLOAT
                    || l == AttributeType.FLOAT && r == AttributeType.LONG)) {
                domain = AttributeType.DOUBLE; // Siddhi's long/float equality executors compare doubles
            }
        } else if (l != r) {
            throw error(compare, "cannot compare " + l.siddhiName() + " with " + r.siddhiName() + " using '"
                    + symbol + "'");
        } else if (equality && (l == AttributeType.STRING || l == AttributeType.BOOL)) {
            domain = l;
        } else {
            throw error(compare, "operator '" + symbol + "' cannot compare " + l.siddhiName() + " values");
        }
        return Comparisons.create(operator, left, right, domain);
    }

    // ------------------------------------------------------------------------------------------------------- logic

    private Evaluator bool(Expression expression, String role, Scope scope) {
        Evaluator evaluator = compile(expression, scope);
        if (evaluator.type() != AttributeType.BOOL) {
            throw error(expression, role + " must be bool, got " + evaluator.type().siddhiName());
        }
        return evaluator;
    }

    // --------------------------------------------------------------------------------------------------- functions

    private Evaluator function(AttributeFunction call, Scope scope) {
        String namespace = call.getNamespace() == null ? "" : call.getNamespace();
        String name = FunctionRegistry.qualifiedName(namespace, call.getName());
        Expression[] parameters = call.getParameters();
        if (parameters != null && parameters.length == 0) {
            throw error(call, "'*' as the arguments of function '" + name + "' is not supported yet");
        }
        ScalarFunctionFactory scalar = functions.function(namespace, call.getName());
        if (scalar != null) {
            List<Evaluator> arguments = arguments(parameters, scope);
            Evaluator evaluator;
            try {
                evaluator = scalar.create(arguments);
            } catch (IllegalArgumentException e) {
                throw error(call, e.getMessage());
            }
            // Siddhi reads null as false wherever a function returns bool.
            return evaluator.type() == AttributeType.BOOL ? new Logic.NullAsFalse(evaluator) : evaluator;
        }
        AggregatorFactory aggregate = functions.aggregator(namespace, call.getName());
        if (aggregate == null) {
            throw error(call, "unknown function '" + name + "'");
        }
        if (scope instanceof InsideAggregator) {
            throw error(call, "aggregate function '" + name + "' cannot be used inside aggregate function '"
                    + ((InsideAggregator) scope).aggregator + "'");
        }
        if (!scope.allowsAggregators()) {
            throw error(call, "aggregate function '" + name + "' may only be used in a select clause");
        }
        List<Evaluator> arguments = arguments(parameters, new InsideAggregator(scope, name));
        List<AttributeType> types = new ArrayList<>(arguments.size());
        for (Evaluator argument : arguments) {
            types.add(argument.type());
        }
        Aggregator aggregator;
        try {
            aggregator = aggregate.create(types, scope.aggregatorsTrackRemovals());
        } catch (IllegalArgumentException e) {
            throw error(call, e.getMessage());
        }
        int slot = scope.addAggregator(aggregator);
        return new AggregateEvaluator(aggregator, slot, arguments.toArray(new Evaluator[0]), name);
    }

    private List<Evaluator> arguments(Expression[] parameters, Scope scope) {
        List<Evaluator> arguments = new ArrayList<>();
        if (parameters != null) {
            for (Expression parameter : parameters) {
                arguments.add(compile(parameter, scope));
            }
        }
        return arguments;
    }

    /** The scope of an aggregator's arguments: the same names, no aggregators. */
    private static final class InsideAggregator implements Scope {
        private final Scope outer;
        private final String aggregator;

        InsideAggregator(Scope outer, String aggregator) {
            this.outer = outer;
            this.aggregator = aggregator;
        }

        @Override
        public ResolvedAttribute resolve(Variable variable) {
            return outer.resolve(variable);
        }

        @Override
        public boolean allowsAggregators() {
            return false;
        }

        @Override
        public int addAggregator(Aggregator aggregator) {
            throw new IllegalStateException("no aggregators inside aggregators");
        }

        @Override
        public String clause() {
            return outer.clause();
        }

        @Override
        public boolean aggregatorsTrackRemovals() {
            return outer.aggregatorsTrackRemovals();
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    private static CompileException error(Expression expression, String reason) {
        return new CompileException(SourcePosition.of(expression), reason);
    }

    private static String describe(Variable variable) {
        return variable.getStreamId() == null ? variable.getAttributeName()
                : variable.getStreamId() + "." + variable.getAttributeName();
    }
}
