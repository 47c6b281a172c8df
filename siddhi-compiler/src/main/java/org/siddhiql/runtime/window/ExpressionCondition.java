package org.siddhiql.runtime.window;

import io.siddhi.query.api.expression.AttributeFunction;
import io.siddhi.query.api.expression.Expression;
import io.siddhi.query.api.expression.Variable;
import io.siddhi.query.api.expression.condition.And;
import io.siddhi.query.api.expression.condition.Compare;
import io.siddhi.query.api.expression.condition.In;
import io.siddhi.query.api.expression.condition.IsNull;
import io.siddhi.query.api.expression.condition.Not;
import io.siddhi.query.api.expression.condition.Or;
import io.siddhi.query.api.expression.constant.LongConstant;
import io.siddhi.query.api.expression.math.Add;
import io.siddhi.query.api.expression.math.Divide;
import io.siddhi.query.api.expression.math.Mod;
import io.siddhi.query.api.expression.math.Multiply;
import io.siddhi.query.api.expression.math.Subtract;
import io.siddhi.query.compiler.SiddhiCompiler;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.SourcePosition;
import org.siddhiql.compiler.expression.AggregationRow;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.expression.ResolvedAttribute;
import org.siddhiql.compiler.expression.Scope;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.aggregate.Aggregator;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;

/**
 * The condition of an {@code expression} or {@code expressionBatch} window, compiled the way Siddhi compiles it:
 * against three rows of the input stream, the event being evaluated (plain or stream-qualified attributes), the
 * window's {@code first} event and its {@code last} (newest) event, with aggregators allowed. Aggregators add when
 * evaluated for a CURRENT row and remove for an EXPIRED one; their states live in the window's managed state.
 *
 * <p>{@code eventTimestamp(first)}, {@code eventTimestamp(last)} and {@code eventTimestamp(<stream>)} read those
 * rows' timestamps; {@code eventTimestamp()} is -1 there, as in Siddhi (it reads the never-stamped state event).
 */
final class ExpressionCondition implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String TIMESTAMP_PREFIX = "#timestamp.";
    static final int EVENT = 0;
    static final int FIRST = 1;
    static final int LAST = 2;
    private static final int TIMESTAMPS = 3;

    private final Evaluator evaluator;
    private final List<Aggregator> aggregators;

    private ExpressionCondition(Evaluator evaluator, List<Aggregator> aggregators) {
        this.evaluator = evaluator;
        this.aggregators = aggregators;
    }

    static ExpressionCondition compile(String window, String text, WindowCompileContext context) {
        Expression parsed;
        try {
            parsed = SiddhiCompiler.parseExpression(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("window '" + window + "' cannot parse its expression '" + text + "': "
                    + e.getMessage());
        }
        StreamSchema input = context.input();
        ConditionScope scope = new ConditionScope(input);
        Evaluator evaluator;
        try {
            evaluator = context.compile(rewrite(parsed, input), scope);
        } catch (CompileException e) {
            throw new IllegalArgumentException("window '" + window + "' expression '" + text + "': " + e.reason());
        }
        if (evaluator.type() != AttributeType.BOOL) {
            throw new IllegalArgumentException("window '" + window + "' expression '" + text
                    + "' must be a bool condition, got " + evaluator.type().siddhiName());
        }
        return new ExpressionCondition(evaluator, new ArrayList<>(scope.aggregators));
    }

    /** Fresh aggregator states, one per aggregator of the condition. */
    Object[] newStates() {
        Object[] states = new Object[aggregators.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = aggregators.get(i).newState();
        }
        return states;
    }

    boolean hasAggregators() {
        return !aggregators.isEmpty();
    }

    /** Evaluates the condition; the aggregator states change as Siddhi's do. A null result counts as false. */
    boolean test(Event evaluated, Event first, Event last, EventType type, Object[] states) {
        Object result = evaluator.evaluate(new WindowRow(new Event[] {evaluated, first, last}, type, states));
        return Boolean.TRUE.equals(result);
    }

    /** Replaces {@code eventTimestamp(...)} calls with what the window evaluates them to. */
    private static Expression rewrite(Expression e, StreamSchema input) {
        if (e instanceof AttributeFunction) {
            AttributeFunction f = (AttributeFunction) e;
            Expression[] ps = f.getParameters();
            boolean eventTimestamp = (f.getNamespace() == null || f.getNamespace().isEmpty())
                    && "eventTimestamp".equals(f.getName());
            if (ps == null || ps.length == 0) {
                // eventTimestamp() reads the state event Siddhi evaluates on, whose timestamp is never set
                return eventTimestamp && ps == null ? new LongConstant(-1L) : e;
            }
            if (eventTimestamp) {
                if (ps.length == 1 && ps[0] instanceof Variable) {
                    Variable v = (Variable) ps[0];
                    String name = v.getAttributeName();
                    if (v.getStreamId() == null && input.indexOf(name) < 0) {
                        if (name.equals("first") || name.equals("last") || name.equals(input.name())) {
                            return new Variable(TIMESTAMP_PREFIX + name);
                        }
                    }
                }
            }
            Expression[] rewritten = new Expression[ps.length];
            for (int i = 0; i < ps.length; i++) {
                rewritten[i] = rewrite(ps[i], input);
            }
            return new AttributeFunction(f.getNamespace(), f.getName(), rewritten);
        } else if (e instanceof And) {
            return Expression.and(rewrite(((And) e).getLeftExpression(), input),
                    rewrite(((And) e).getRightExpression(), input));
        } else if (e instanceof Or) {
            return Expression.or(rewrite(((Or) e).getLeftExpression(), input),
                    rewrite(((Or) e).getRightExpression(), input));
        } else if (e instanceof Not) {
            return Expression.not(rewrite(((Not) e).getExpression(), input));
        } else if (e instanceof Compare) {
            Compare c = (Compare) e;
            return Expression.compare(rewrite(c.getLeftExpression(), input), c.getOperator(),
                    rewrite(c.getRightExpression(), input));
        } else if (e instanceof IsNull && ((IsNull) e).getExpression() != null) {
            return Expression.isNull(rewrite(((IsNull) e).getExpression(), input));
        } else if (e instanceof In) {
            return Expression.in(rewrite(((In) e).getExpression(), input), ((In) e).getSourceId());
        } else if (e instanceof Add) {
            return Expression.add(rewrite(((Add) e).getLeftValue(), input), rewrite(((Add) e).getRightValue(), input));
        } else if (e instanceof Subtract) {
            return Expression.subtract(rewrite(((Subtract) e).getLeftValue(), input),
                    rewrite(((Subtract) e).getRightValue(), input));
        } else if (e instanceof Multiply) {
            return Expression.multiply(rewrite(((Multiply) e).getLeftValue(), input),
                    rewrite(((Multiply) e).getRightValue(), input));
        } else if (e instanceof Divide) {
            return Expression.divide(rewrite(((Divide) e).getLeftValue(), input),
                    rewrite(((Divide) e).getRightValue(), input));
        } else if (e instanceof Mod) {
            return Expression.mod(rewrite(((Mod) e).getLeftValue(), input), rewrite(((Mod) e).getRightValue(), input));
        }
        return e;
    }

    /** The names a window condition sees. */
    private static final class ConditionScope implements Scope {
        private final StreamSchema input;
        private final List<Aggregator> aggregators = new ArrayList<>();

        ConditionScope(StreamSchema input) {
            this.input = input;
        }

        @Override
        public ResolvedAttribute resolve(Variable variable) {
            String name = variable.getAttributeName();
            if (name.startsWith(TIMESTAMP_PREFIX)) {
                String row = name.substring(TIMESTAMP_PREFIX.length());
                int index = row.equals("first") ? FIRST : row.equals("last") ? LAST : EVENT;
                return new ResolvedAttribute(TIMESTAMPS, index, AttributeType.LONG);
            }
            String stream = variable.getStreamId();
            int row;
            if (stream == null || stream.equals(input.name())) {
                row = EVENT;
            } else if (stream.equals("first")) {
                row = FIRST;
            } else if (stream.equals("last")) {
                row = LAST;
            } else {
                throw new CompileException(SourcePosition.of(variable),
                        "stream reference '" + stream + "' not found for attribute '" + name
                                + "'; a window expression sees '" + input.name() + "', 'first' and 'last'");
            }
            if (variable.getStreamIndex() != null) {
                throw new CompileException(SourcePosition.of(variable),
                        "indexed stream references are not allowed in a window expression");
            }
            int index = input.indexOf(name);
            if (index < 0) {
                throw new CompileException(SourcePosition.of(variable),
                        "'" + input.name() + "' has no attribute '" + name + "'");
            }
            return new ResolvedAttribute(row, index, input.attributeType(index));
        }

        @Override
        public boolean allowsAggregators() {
            return true;
        }

        @Override
        public int addAggregator(Aggregator aggregator) {
            aggregators.add(aggregator);
            return aggregators.size() - 1;
        }

        @Override
        public String clause() {
            return "window expression";
        }

        @Override
        public boolean aggregatorsTrackRemovals() {
            return true; // Siddhi compiles window expressions in SLIDE mode, expecting expired events
        }
    }

    /** Row 0: the evaluated event; 1: first; 2: last; 3: their timestamps. */
    private static final class WindowRow implements AggregationRow {
        private final Event[] events;
        private final EventType type;
        private final Object[] states;

        WindowRow(Event[] events, EventType type, Object[] states) {
            this.events = events;
            this.type = type;
            this.states = states;
        }

        @Override
        public Object get(int streamIndex, int attributeIndex) {
            if (streamIndex == TIMESTAMPS) {
                return events[attributeIndex].timestamp();
            }
            return events[streamIndex].get(attributeIndex);
        }

        @Override
        public long timestamp(int streamIndex) {
            return streamIndex < TIMESTAMPS ? events[streamIndex].timestamp() : -1;
        }

        @Override
        public long timestamp() {
            return -1; // Siddhi evaluates on a state event whose own timestamp is never set
        }

        @Override
        public EventType eventType() {
            return type;
        }

        @Override
        public Object[] aggregatorState(int slot) {
            return (Object[]) states[slot];
        }
    }
}
