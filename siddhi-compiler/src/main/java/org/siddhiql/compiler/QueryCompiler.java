package org.siddhiql.compiler;

import io.siddhi.query.api.definition.WindowDefinition;
import io.siddhi.query.api.execution.query.Query;
import io.siddhi.query.api.execution.query.input.handler.Filter;
import io.siddhi.query.api.execution.query.input.handler.StreamFunction;
import io.siddhi.query.api.execution.query.input.handler.StreamHandler;
import io.siddhi.query.api.execution.query.input.handler.Window;
import io.siddhi.query.api.execution.query.input.stream.InputStream;
import io.siddhi.query.api.execution.query.input.stream.JoinInputStream;
import io.siddhi.query.api.execution.query.input.stream.SingleInputStream;
import io.siddhi.query.api.execution.query.input.stream.StateInputStream;
import io.siddhi.query.api.execution.query.output.ratelimit.SnapshotOutputRate;
import io.siddhi.query.api.execution.query.output.stream.InsertIntoStream;
import io.siddhi.query.api.execution.query.output.stream.OutputStream;
import io.siddhi.query.api.execution.query.selection.OrderByAttribute;
import io.siddhi.query.api.execution.query.selection.OutputAttribute;
import io.siddhi.query.api.execution.query.selection.Selector;
import io.siddhi.query.api.expression.Expression;
import io.siddhi.query.api.expression.Variable;
import io.siddhi.query.api.expression.constant.Constant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.expression.ExpressionCompiler;
import org.siddhiql.compiler.expression.Scope;
import org.siddhiql.compiler.function.LogStreamFunction;
import org.siddhiql.compiler.plan.Keying;
import org.siddhiql.compiler.plan.OrderKey;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.compiler.plan.SelectorPlan;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.fault.StreamFaults;
import org.siddhiql.runtime.aggregation.AggregationSpec;
import org.siddhiql.runtime.join.JoinSide;
import org.siddhiql.runtime.join.JoinSpec;
import org.siddhiql.runtime.pattern.PatternSpec;
import org.siddhiql.runtime.ratelimit.RateLimitSpec;
import org.siddhiql.runtime.ratelimit.RateLimits;
import org.siddhiql.runtime.table.TableMembership;
import org.siddhiql.runtime.table.TableSpec;
import org.siddhiql.runtime.table.TableWrite;
import org.siddhiql.runtime.trigger.TriggerSpec;
import org.siddhiql.runtime.window.NamedWindowSpec;
import org.siddhiql.runtime.window.WindowCompileContext;
import org.siddhiql.runtime.window.WindowFactory;
import org.siddhiql.runtime.window.WindowSpec;
import org.siddhiql.runtime.window.Windows;

/** Plans one query (single-stream, or a pattern through {@link PatternCompiler}): validates each clause against the streams known so far. */
final class QueryCompiler {
    private final ExpressionCompiler expressions;
    private final Windows windows;
    /** The app's tables by name: queries may insert into them and join them. */
    private final Map<String, TableSpec> tables;
    /** The app's aggregations by name: queries may join them. */
    private final Map<String, AggregationSpec> aggregations;
    /** The app's named windows by name: queries may insert into them, read them and join them. */
    private final Map<String, NamedWindowSpec> namedWindows;
    /** The app's triggers by name: queries may read their streams. */
    private final Map<String, TriggerSpec> triggers;

    QueryCompiler(ExpressionCompiler expressions, Windows windows) {
        this(expressions, windows, Map.of());
    }

    QueryCompiler(ExpressionCompiler expressions, Windows windows, Map<String, TableSpec> tables) {
        this(expressions, windows, tables, Map.of(), Map.of(), Map.of());
    }

    QueryCompiler(ExpressionCompiler expressions, Windows windows, Map<String, TableSpec> tables,
            Map<String, AggregationSpec> aggregations, Map<String, NamedWindowSpec> namedWindows,
            Map<String, TriggerSpec> triggers) {
        this.expressions = expressions;
        this.windows = windows;
        this.tables = Map.copyOf(tables);
        this.aggregations = Map.copyOf(aggregations);
        this.namedWindows = Map.copyOf(namedWindows);
        this.triggers = Map.copyOf(triggers);
    }

    /**
     * A named window's definition: its window, compiled as a join side's is, with expired events, so a batch window
     * keeps its last batch for joins to find (Siddhi keeps it when a join reads the window); what the output clause
     * does not publish is dropped by the window's publisher.
     */
    NamedWindowSpec namedWindow(WindowDefinition definition) {
        StreamSchema schema = AppCompiler.schemaOf(definition);
        OutputStream.OutputEventType output = definition.getOutputEventType();
        boolean current = output != OutputStream.OutputEventType.EXPIRED_EVENTS;
        boolean expired = output != OutputStream.OutputEventType.CURRENT_EVENTS;
        if (definition.getWindow() == null) {
            throw AppCompiler.unsupported(definition, "window '" + definition.getId() + "' has no window "
                    + "function, e.g. length(10)");
        }
        try {
            WindowSpec window = window(definition.getWindow(), schema, null, true, true, null);
            return new NamedWindowSpec(schema, window, current, expired);
        } catch (CompileException e) {
            // The parser gives a definition's window no position of its own: point at the definition.
            throw new CompileException(SourcePosition.of(definition), e.reason() + " in the definition of window '"
                    + definition.getId() + "'");
        }
    }

    /** Compiles the query; defines its output stream in {@code streams} when the app did not. */
    QueryPlan compile(Query query, String name, Map<String, StreamSchema> streams) {
        return compile(query, name, streams, false);
    }

    /** @param inPartition whether the query is inside a partition, where inner ({@code #}) streams are valid */
    QueryPlan compile(Query query, String name, Map<String, StreamSchema> streams, boolean inPartition) {
        QueryPlan plan = withSharedSources(query, compileQuery(query, name, streams, inPartition), inPartition);
        TableSpec table = tables.get(plan.outputStream());
        if (table != null && inPartition) {
            // A partition's operator runs per key, so it would hold its own, empty copy of the table.
            throw AppCompiler.unsupported(query.getOutputStream(), "writing a table inside a partition is "
                    + "not supported yet");
        }
        TableWrite write = table == null ? null
                : new TableWriteCompiler(expressions).compile(query.getOutputStream(), table, plan.selector().output());
        List<TableMembership> memberships = expressions.takeMemberships();
        if (!memberships.isEmpty() && inPartition) {
            throw AppCompiler.unsupported(query, "'in' conditions on a table inside a partition are not supported "
                    + "yet");
        }
        return write == null && memberships.isEmpty() ? plan : plan.touchingTables(write, memberships);
    }

    /** Records the named windows and triggers the query touches; a partition cannot share them yet. */
    private QueryPlan withSharedSources(Query query, QueryPlan plan, boolean inPartition) {
        List<NamedWindowSpec> touched = new ArrayList<>();
        List<TriggerSpec> fired = new ArrayList<>();
        for (String input : plan.inputStreams()) {
            if (namedWindows.containsKey(input)) {
                touched.add(namedWindows.get(input));
            }
            if (triggers.containsKey(input)) {
                fired.add(triggers.get(input));
            }
        }
        if (namedWindows.containsKey(plan.outputStream())) {
            touched.add(namedWindows.get(plan.outputStream()));
        }
        if (inPartition && !touched.isEmpty()) {
            throw AppCompiler.unsupported(query, "named windows inside a partition are not supported yet");
        }
        if (inPartition && !fired.isEmpty()) {
            throw AppCompiler.unsupported(query, "reading a trigger inside a partition is not supported yet");
        }
        return plan.touching(touched, fired);
    }

    private QueryPlan compileQuery(Query query, String name, Map<String, StreamSchema> streams,
            boolean inPartition) {
        if (query.getInputStream() instanceof StateInputStream) {
            return compilePattern(query, name, (StateInputStream) query.getInputStream(), streams, inPartition);
        }
        if (query.getInputStream() instanceof JoinInputStream) {
            return compileJoin(query, name, (JoinInputStream) query.getInputStream(), streams, inPartition);
        }
        SingleInputStream input = singleInput(query.getInputStream(), inPartition);
        StreamSchema schema = streams.get(input.getStreamId());
        NamedWindowSpec namedWindow = namedWindows.get(input.getStreamId());
        if (schema == null && namedWindow != null) {
            schema = namedWindow.schema();
            JoinSideCompiler.rejectWindowOnNamedWindow(input, namedWindow);
        }
        if (schema == null) {
            throw new CompileException(SourcePosition.of(input), undefined(input, streams));
        }
        String alias = input.getStreamReferenceId();
        InsertIntoStream insert = insertInto(query.getOutputStream(), inPartition);

        List<Evaluator> filters = new ArrayList<>();
        List<Evaluator> windowFilters = new ArrayList<>();
        Window windowHandler = null;
        for (StreamHandler handler : input.getStreamHandlers()) {
            if (handler instanceof Filter) {
                (windowHandler == null ? filters : windowFilters).add(condition(
                        ((Filter) handler).getParameters()[0], StreamScope.of(schema, alias, "filter"), "filter"));
            } else if (handler instanceof Window && windowHandler == null) {
                windowHandler = (Window) handler;
            } else if (isLog(handler)) {
                (windowHandler == null ? filters : windowFilters).add(
                        logFunction((StreamFunction) handler, schema, alias, name));
            } else {
                throw AppCompiler.unsupported(handler, "stream functions (#" + describeHandler(handler)
                        + ") are not supported yet");
            }
        }
        OutputStream.OutputEventType eventType = insert.getOutputEventType() == null
                ? OutputStream.OutputEventType.CURRENT_EVENTS : insert.getOutputEventType();
        boolean expiredOn = eventType != OutputStream.OutputEventType.CURRENT_EVENTS;
        Selector selector = query.getSelector();
        WindowSpec window = windowHandler == null ? null
                : window(windowHandler, schema, alias, expiredOn, false, selectedInputAttributes(selector, schema));

        // Siddhi's aggregators keep removable state only where values can be removed.
        boolean trackRemovals = expiredOn
                || window != null && window.processingMode() == WindowSpec.ProcessingMode.SLIDE;
        StreamScope selectScope = StreamScope.selecting(schema, alias, trackRemovals);
        List<OutputAttribute> selection = selector.getSelectionList().isEmpty()
                ? selectAll(schema) : selector.getSelectionList();
        SelectorPlan selectorPlan = selectorPlan(query, eventType, selection, selectScope, selectScope::aggregators,
                StreamScope.of(schema, alias, "group by"));
        StreamSchema output = selectorPlan.output();
        boolean hasAggregators = selectorPlan.hasAggregators();
        RateLimitSpec rateLimit = rateLimit(query, insert.getOutputEventType(), selectorPlan.isGroupBy(), output,
                inPartition);

        defineOutput(insert, output, streams);
        Keying keying = keying(window, hasAggregators, selectorPlan.isGroupBy(), rateLimit);
        return new QueryPlan(name, SourcePosition.of(query).line(), schema, filters, window, windowFilters,
                selectorPlan, rateLimit, insert.getId(), keying);
    }


    /** The select clause of any query: projections, group by, having, order by, limit and offset. */
    private SelectorPlan selectorPlan(Query query, OutputStream.OutputEventType eventType,
            List<OutputAttribute> selection, Scope selectScope,
            java.util.function.Supplier<List<org.siddhiql.runtime.aggregate.Aggregator>> aggregators,
            Scope groupByScope) {
        Selector selector = query.getSelector();
        String outputId = query.getOutputStream().getId();
        List<Evaluator> projections = new ArrayList<>();
        List<String> outputNames = new ArrayList<>();
        List<AttributeType> outputTypes = new ArrayList<>();
        for (OutputAttribute attribute : selection) {
            if (outputNames.contains(attribute.getRename())) {
                throw new CompileException(SourcePosition.firstOf(attribute, attribute.getExpression(), selector),
                        "duplicate output attribute '" + attribute.getRename() + "'");
            }
            Evaluator evaluator = expressions.compile(attribute.getExpression(), selectScope);
            projections.add(evaluator);
            outputNames.add(attribute.getRename());
            outputTypes.add(evaluator.type());
        }
        StreamSchema output = new StreamSchema(outputId, outputNames, outputTypes);

        List<Evaluator> groupBy = new ArrayList<>();
        for (Variable variable : selector.getGroupByList()) {
            groupBy.add(expressions.compile(variable, groupByScope));
        }
        StreamScope outputScope = StreamScope.of(output, null, "having");
        Evaluator having = selector.getHavingExpression() == null ? null
                : condition(selector.getHavingExpression(), outputScope, "having");
        List<OrderKey> orderBy = new ArrayList<>();
        for (OrderByAttribute key : selector.getOrderByList()) {
            Variable variable = key.getVariable();
            int index = output.indexOf(variable.getAttributeName());
            if (index < 0) {
                throw new CompileException(SourcePosition.firstOf(variable, key, selector), "order by attribute '"
                        + variable.getAttributeName() + "' is not an output attribute of the select clause "
                        + output);
            }
            orderBy.add(new OrderKey(index, key.getOrder() == OrderByAttribute.Order.DESC));
        }
        long limit = constantCount(selector.getLimit(), "limit", selector);
        long offset = constantCount(selector.getOffset(), "offset", selector);
        boolean expiredOn = eventType != OutputStream.OutputEventType.CURRENT_EVENTS;
        // Siddhi turns batching off for snapshot rate limiting, whose limiter needs every selected event.
        boolean batching = !(query.getOutputRate() instanceof SnapshotOutputRate);
        return new SelectorPlan(output, projections, aggregators.get(), groupBy, having, orderBy, limit, offset,
                eventType != OutputStream.OutputEventType.EXPIRED_EVENTS, expiredOn, batching);
    }

    /** A pattern query: the pattern's steps feed an ordinary select clause; its state is one global unit. */
    private QueryPlan compilePattern(Query query, String name, StateInputStream input,
            Map<String, StreamSchema> streams, boolean inPartition) {
        PatternCompiler patterns = new PatternCompiler(expressions, streams, inPartition);
        PatternSpec pattern = patterns.compile(input);
        InsertIntoStream insert = insertInto(query.getOutputStream(), inPartition);
        OutputStream.OutputEventType eventType = insert.getOutputEventType() == null
                ? OutputStream.OutputEventType.CURRENT_EVENTS : insert.getOutputEventType();
        Selector selector = query.getSelector();
        if (selector.getSelectionList().isEmpty()) {
            throw AppCompiler.unsupported(selector, "'select *' over a pattern is not supported yet: name the "
                    + "attributes (e1.id as id, ...)");
        }
        PatternScope selectScope = PatternScope.selecting(patterns.slots());
        SelectorPlan selectorPlan = selectorPlan(query, eventType, selector.getSelectionList(), selectScope,
                selectScope::aggregators, PatternScope.of(patterns.slots(), "group by"));
        StreamSchema output = selectorPlan.output();
        RateLimitSpec rateLimit = rateLimit(query, insert.getOutputEventType(), selectorPlan.isGroupBy(), output,
                inPartition);
        defineOutput(insert, output, streams);
        return QueryPlan.ofPattern(name, SourcePosition.of(query).line(), pattern, selectorPlan, rateLimit,
                insert.getId());
    }

    /** A join of two windowed streams: each side's filters and window, the condition over both, any select clause. */
    private QueryPlan compileJoin(Query query, String name, JoinInputStream join,
            Map<String, StreamSchema> streams, boolean inPartition) {
        InsertIntoStream insert = insertInto(query.getOutputStream(), inPartition);
        OutputStream.OutputEventType eventType = insert.getOutputEventType() == null
                ? OutputStream.OutputEventType.CURRENT_EVENTS : insert.getOutputEventType();
        SingleInputStream leftInput = singleInput(join.getLeftInputStream(), inPartition);
        SingleInputStream rightInput = singleInput(join.getRightInputStream(), inPartition);
        JoinInputStream.Type type = join.getType();
        JoinInputStream.EventTrigger trigger = join.getTrigger() == null
                ? JoinInputStream.EventTrigger.ALL : join.getTrigger();
        boolean expiredOn = eventType != OutputStream.OutputEventType.CURRENT_EVENTS;
        AggregationReads reads = new AggregationReads(expressions, aggregations);
        reads.check(join, leftInput, rightInput);
        JoinSideCompiler sides = new JoinSideCompiler(this, expressions, tables, namedWindows, streams);
        boolean leftOuter = JoinSideCompiler.isOuter(type, true);
        boolean rightOuter = JoinSideCompiler.isOuter(type, false);
        JoinSide left = reads.isAggregation(leftInput)
                ? reads.side(join, leftInput, rightInput, streams, leftOuter)
                : sides.compile(leftInput, trigger != JoinInputStream.EventTrigger.RIGHT, leftOuter, rightInput,
                        join.getOnCompare(), expiredOn);
        JoinSide right = reads.isAggregation(rightInput)
                ? reads.side(join, rightInput, leftInput, streams, rightOuter)
                : sides.compile(rightInput, trigger != JoinInputStream.EventTrigger.LEFT, rightOuter, leftInput,
                        join.getOnCompare(), expiredOn);
        if (inPartition && (left.aggregation() != null || right.aggregation() != null)) {
            throw AppCompiler.unsupported(join, "joining an aggregation inside a partition is not supported yet");
        }
        if (inPartition && (left.table() != null || right.table() != null)) {
            // A partition's operator runs per key, so it would hold its own, empty copy of the table.
            throw AppCompiler.unsupported(join, "joining a table inside a partition is not supported yet");
        }
        List<PatternScope.Slot> slots = List.of(
                new PatternScope.Slot(leftInput.getStreamReferenceId(), left.schema(), false),
                new PatternScope.Slot(rightInput.getStreamReferenceId(), right.schema(), false));
        Evaluator condition = null;
        if (join.getOnCompare() != null) {
            condition = expressions.compile(join.getOnCompare(), PatternScope.of(slots, "on"));
            if (condition.type() != AttributeType.BOOL) {
                throw new CompileException(SourcePosition.of(join.getOnCompare()),
                        "on condition must be bool, got " + condition.type().siddhiName());
            }
        }
        Selector selector = query.getSelector();
        if (selector.getSelectionList().isEmpty()) {
            throw AppCompiler.unsupported(selector, "'select *' over a join is not supported yet: name the "
                    + "attributes (l.id as id, ...)");
        }
        PatternScope selectScope = PatternScope.selectingJoined(slots);
        SelectorPlan selectorPlan = selectorPlan(query, eventType, selector.getSelectionList(), selectScope,
                selectScope::aggregators, PatternScope.of(slots, "group by"));
        StreamSchema output = selectorPlan.output();
        RateLimitSpec rateLimit = rateLimit(query, insert.getOutputEventType(), selectorPlan.isGroupBy(), output,
                inPartition);
        defineOutput(insert, output, streams);
        JoinSpec spec = new JoinSpec(left, right, condition, expiredOn);
        return QueryPlan.ofJoin(name, SourcePosition.of(query).line(), spec, selectorPlan, rateLimit,
                insert.getId());
    }

    /**
     * Group-by state can be split by key only when nothing else in the query depends on all events: no window, or
     * one that treats events independently, and no rate limit (whose counters and timers are global).
     */
    private static Keying keying(WindowSpec window, boolean hasAggregators, boolean groupBy, RateLimitSpec rateLimit) {
        if (window == null && !hasAggregators && rateLimit == null) {
            return Keying.NONE;
        }
        if (groupBy && rateLimit == null && (window == null || window.splittableByKey())) {
            return Keying.GROUP_BY;
        }
        return Keying.GLOBAL;
    }

    Evaluator condition(Expression expression, StreamScope scope, String clause) {
        Evaluator condition = expressions.compile(expression, scope);
        if (condition.type() != AttributeType.BOOL) {
            throw new CompileException(SourcePosition.of(expression),
                    clause + " condition must be bool, got " + condition.type().siddhiName());
        }
        return condition;
    }

    WindowSpec window(Window handler, StreamSchema schema, String alias, boolean expiredOn, boolean findable,
            int[] selectedInputAttributes) {
        String windowName = handler.getNamespace() == null || handler.getNamespace().isEmpty()
                ? handler.getName() : handler.getNamespace() + ":" + handler.getName();
        WindowFactory factory = windows.find(windowName);
        if (factory == null) {
            throw new CompileException(SourcePosition.of(handler), "unknown window '" + windowName + "'");
        }
        StreamScope scope = StreamScope.of(schema, alias, "window parameter");
        WindowCompileContext context = new WindowCompileContext() {
            @Override
            public StreamSchema input() {
                return schema;
            }

            @Override
            public Evaluator compile(Expression parameter) {
                return expressions.compile(parameter, scope);
            }

            @Override
            public Evaluator compile(Expression expression, Scope windowScope) {
                return expressions.compile(expression, windowScope);
            }

            @Override
            public int[] selectedInputAttributes() {
                return selectedInputAttributes;
            }

            @Override
            public boolean outputExpectsExpiredEvents() {
                return expiredOn;
            }

            @Override
            public boolean findable() {
                return findable;
            }
        };
        Expression[] parameters = handler.getParameters();
        try {
            return factory.create(parameters == null ? List.of() : List.of(parameters), context);
        } catch (IllegalArgumentException e) {
            throw new CompileException(SourcePosition.of(handler), e.getMessage());
        }
    }

    private RateLimitSpec rateLimit(Query query, OutputStream.OutputEventType eventType, boolean groupBy,
            StreamSchema output, boolean inPartition) {
        if (query.getOutputRate() == null) {
            return null;
        }
        boolean[] aggregated = RateLimits.aggregatedOutputs(query.getSelector(), output.size(),
                call -> expressions.functions().isAggregator(call.getNamespace(), call.getName()));
        try {
            return RateLimits.of(query.getOutputRate(), eventType, groupBy, RateLimits.isWindowed(query), output,
                    aggregated, inPartition ? org.siddhiql.runtime.ratelimit.TimerAnchor.KEY_START
                            : org.siddhiql.runtime.ratelimit.TimerAnchor.APP_START);
        } catch (IllegalArgumentException e) {
            throw new CompileException(SourcePosition.firstOf(query.getOutputRate(), query), e.getMessage());
        }
    }

    private void defineOutput(InsertIntoStream insert, StreamSchema output, Map<String, StreamSchema> streams) {
        NamedWindowSpec namedWindow = namedWindows.get(insert.getId());
        if (namedWindow != null) {
            if (!namedWindow.schema().sameShape(output)) {
                throw new CompileException(SourcePosition.of(insert), "window '" + insert.getId() + "' is defined as "
                        + namedWindow.schema() + " but the query inserts " + output);
            }
            return;
        }
        if (triggers.containsKey(insert.getId())) {
            throw new CompileException(SourcePosition.of(insert), "cannot insert into trigger '" + insert.getId()
                    + "'");
        }
        if (tables.containsKey(insert.getId())) {
            return; // TableWriteCompiler checks the output against the table
        }
        StreamSchema existing = streams.get(insert.getId());
        if (existing == null) {
            streams.put(insert.getId(), output);
        } else if (!existing.sameShape(output)) {
            throw new CompileException(SourcePosition.of(insert), "stream '" + insert.getId() + "' is defined as "
                    + existing + " but the query inserts " + output);
        }
    }

    private static SingleInputStream singleInput(InputStream input, boolean inPartition) {
        if (!(input instanceof SingleInputStream)) {
            throw AppCompiler.unsupported(input, "this kind of input stream is not supported yet");
        }
        SingleInputStream single = (SingleInputStream) input;
        if (single.isInnerStream() && !inPartition) {
            throw AppCompiler.unsupported(input, "inner streams (#) are only valid inside partitions");
        }
        if (single.isFaultStream() && inPartition) {
            throw AppCompiler.unsupported(input, "fault streams (!) cannot be read inside a partition yet");
        }
        return single;
    }

    /** Why a single input stream is unknown; a fault stream exists only for a stream with {@code @OnError(action='STREAM')}. */
    private static String undefined(SingleInputStream input, Map<String, StreamSchema> streams) {
        String id = input.getStreamId();
        if (input.isFaultStream()) {
            String stream = id.substring(StreamFaults.FAULT_STREAM_PREFIX.length());
            if (streams.containsKey(stream)) {
                return "fault stream '" + id + "' is not defined: stream '" + stream
                        + "' has no @OnError(action='STREAM')";
            }
            return "stream '" + stream + "' is not defined";
        }
        return "stream '" + id + "' is not defined";
    }

    /**
     * The query's output as an insert: a table write ({@code delete}, {@code update}, {@code update or insert}) is
     * planned as one into its table, which {@link TableWriteCompiler} then turns into the write.
     */
    private InsertIntoStream insertInto(OutputStream output, boolean inPartition) {
        if (TableWriteCompiler.isTableWrite(output)) {
            if (!tables.containsKey(output.getId())) {
                throw new CompileException(SourcePosition.of(output), "table '" + output.getId() + "' is not defined");
            }
            InsertIntoStream write = new InsertIntoStream(output.getId(), output.getOutputEventType());
            write.setQueryContextStartIndex(output.getQueryContextStartIndex());
            write.setQueryContextEndIndex(output.getQueryContextEndIndex());
            return write;
        }
        if (!(output instanceof InsertIntoStream)) {
            throw AppCompiler.unsupported(output, "only 'insert into' outputs are supported yet");
        }
        InsertIntoStream insert = (InsertIntoStream) output;
        if (insert.isInnerStream() && !inPartition) {
            throw AppCompiler.unsupported(output, "inner streams (#) are only valid inside partitions");
        }
        if (insert.isFaultStream()) {
            throw AppCompiler.unsupported(output, "inserting into a fault stream (!) is not supported: failures "
                    + "feed it");
        }
        return insert;
    }

    /** Per output attribute, the input attribute it copies, or -1 when computed; null for {@code select *}. */
    private static int[] selectedInputAttributes(Selector selector, StreamSchema input) {
        if (selector.getSelectionList().isEmpty()) {
            return null;
        }
        return selector.getSelectionList().stream()
                .mapToInt(attribute -> attribute.getExpression() instanceof Variable
                        ? input.indexOf(((Variable) attribute.getExpression()).getAttributeName()) : -1)
                .toArray();
    }

    private static List<OutputAttribute> selectAll(StreamSchema schema) {
        List<OutputAttribute> all = new ArrayList<>();
        for (String attribute : schema.attributeNames()) {
            all.add(new OutputAttribute(new Variable(attribute)));
        }
        return all;
    }

    private static long constantCount(Constant constant, String clause, Selector selector) {
        if (constant == null) {
            return SelectorPlan.UNSET;
        }
        Object value = constantValue(constant);
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < 0) {
            throw new CompileException(SourcePosition.firstOf(constant, selector),
                    clause + " must be a non-negative int or long constant");
        }
        return ((Number) value).longValue();
    }

    private static Object constantValue(Constant constant) {
        if (constant instanceof io.siddhi.query.api.expression.constant.IntConstant) {
            return ((io.siddhi.query.api.expression.constant.IntConstant) constant).getValue();
        }
        if (constant instanceof io.siddhi.query.api.expression.constant.LongConstant) {
            return ((io.siddhi.query.api.expression.constant.LongConstant) constant).getValue();
        }
        return null;
    }

    private static boolean isLog(StreamHandler handler) {
        return handler instanceof StreamFunction && "log".equals(((StreamFunction) handler).getName())
                && (((StreamFunction) handler).getNamespace() == null
                        || ((StreamFunction) handler).getNamespace().isEmpty());
    }

    /** {@code #log(...)}: a pass-through that logs, placed in the filter chain where the app puts it. */
    private Evaluator logFunction(StreamFunction handler, StreamSchema schema, String alias, String queryName) {
        List<Evaluator> args = new ArrayList<>();
        if (handler.getParameters() != null) { // null for #log()
            for (Expression parameter : handler.getParameters()) {
                args.add(expressions.compile(parameter, StreamScope.of(schema, alias, "#log")));
            }
        }
        try {
            return LogStreamFunction.of(queryName, args);
        } catch (IllegalArgumentException e) {
            throw new CompileException(SourcePosition.of(handler), e.getMessage());
        }
    }

    private static String describeHandler(StreamHandler handler) {
        if (handler instanceof StreamFunction) {
            StreamFunction function = (StreamFunction) handler;
            return (function.getNamespace() == null || function.getNamespace().isEmpty() ? ""
                    : function.getNamespace() + ":") + function.getName();
        }
        return handler.getClass().getSimpleName();
    }
}
