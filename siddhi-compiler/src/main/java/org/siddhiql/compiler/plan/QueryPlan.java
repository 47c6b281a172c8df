package org.siddhiql.compiler.plan;

import java.io.Serializable;
import java.util.List;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.aggregation.AggregationKernel;
import org.siddhiql.runtime.aggregation.AggregationSpec;
import org.siddhiql.runtime.join.JoinKernel;
import org.siddhiql.runtime.join.JoinSpec;
import org.siddhiql.runtime.pattern.PatternKernel;
import org.siddhiql.runtime.pattern.PatternSpec;
import org.siddhiql.runtime.query.QueryKernel;
import org.siddhiql.runtime.query.QueryProcessor;
import org.siddhiql.runtime.ratelimit.RateLimitSpec;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.table.TableMembership;
import org.siddhiql.runtime.table.TableSpec;
import org.siddhiql.runtime.table.TableWrite;
import org.siddhiql.runtime.trigger.TriggerSpec;
import org.siddhiql.runtime.window.NamedWindowSpec;
import org.siddhiql.runtime.window.WindowSpec;

/**
 * One query, compiled: a single-stream query, or a pattern (then {@link #pattern()} says how its steps match and
 * {@link #input()} is null): the operators it runs in order (filters, window, filters after the window,
 * selector, output rate limiter, insert) and how its state is keyed. Serializable, so a backend ships it inside the job and creates the
 * {@link QueryKernel} on each parallel instance.
 */
public final class QueryPlan implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final int line;
    private final StreamSchema input;
    private final List<Evaluator> filters;
    private final WindowSpec window;
    private final List<Evaluator> windowFilters;
    private final SelectorPlan selector;
    private final RateLimitSpec rateLimit;
    private final String outputStream;
    private final Keying keying;
    private final PatternSpec pattern;
    private final JoinSpec join;
    /** How the query writes its table, or null when it inserts into a stream. */
    private TableWrite tableWrite;
    /** The {@code in T} conditions of the query, to be bound to their tables' rows. */
    private List<TableMembership> memberships = List.of();
    /** The aggregation this plan feeds, for the plan of a {@code define aggregation}; null for queries. */
    private AggregationSpec aggregation;
    /** The named windows the query inserts into or reads, whose shared state it touches. */
    private List<NamedWindowSpec> windows = List.of();
    /** The triggers whose streams the query reads. */
    private List<TriggerSpec> triggers = List.of();

    public QueryPlan(String name, int line, StreamSchema input, List<Evaluator> filters, WindowSpec window,
            List<Evaluator> windowFilters, SelectorPlan selector, RateLimitSpec rateLimit, String outputStream,
            Keying keying) {
        this(name, line, input, filters, window, windowFilters, selector, rateLimit, outputStream, keying, null, null);
    }

    /** A pattern query: its steps, then the selector, rate limit and insert of any query; its state is global. */
    public static QueryPlan ofPattern(String name, int line, PatternSpec pattern, SelectorPlan selector,
            RateLimitSpec rateLimit, String outputStream) {
        return new QueryPlan(name, line, null, List.of(), null, List.of(), selector, rateLimit, outputStream,
                Keying.GLOBAL, pattern, null);
    }

    /** A join of two windowed streams: its sides, then the selector, rate limit and insert; its state is global. */
    public static QueryPlan ofJoin(String name, int line, JoinSpec join, SelectorPlan selector,
            RateLimitSpec rateLimit, String outputStream) {
        return new QueryPlan(name, line, null, List.of(), null, List.of(), selector, rateLimit, outputStream,
                Keying.GLOBAL, null, join);
    }

    private QueryPlan(String name, int line, StreamSchema input, List<Evaluator> filters, WindowSpec window,
            List<Evaluator> windowFilters, SelectorPlan selector, RateLimitSpec rateLimit, String outputStream,
            Keying keying, PatternSpec pattern, JoinSpec join) {
        this.pattern = pattern;
        this.join = join;
        this.name = name;
        this.line = line;
        this.input = input;
        this.filters = List.copyOf(filters);
        this.window = window;
        this.windowFilters = List.copyOf(windowFilters);
        this.selector = selector;
        this.rateLimit = rateLimit;
        this.outputStream = outputStream;
        this.keying = keying;
    }

    /**
     * This query touching tables: writing one instead of a stream (its output then never leaves the graph), or
     * reading some through {@code in T}. A table is global state shared by every query touching it, so the query
     * runs in the sequential part (global keying).
     *
     * @param write how the query writes its table, or null when its output is a stream
     */
    public QueryPlan touchingTables(TableWrite write, List<TableMembership> tableMemberships) {
        QueryPlan copy = globalCopy();
        copy.tableWrite = write;
        copy.memberships = List.copyOf(tableMemberships);
        return copy;
    }

    /**
     * The plan of a {@code define aggregation}: it reads the aggregation's input stream into the aggregation's
     * buckets and outputs nothing. Its buckets are global state shared with the queries joining it, so it runs in
     * the sequential part.
     */
    public static QueryPlan ofAggregation(int line, AggregationSpec aggregation) {
        QueryPlan plan = new QueryPlan(aggregation.name(), line, aggregation.input(), List.of(), null, List.of(),
                null, null, aggregation.name(), Keying.GLOBAL, null, null);
        plan.aggregation = aggregation;
        return plan;
    }

    /** The aggregation fed, or null when this plan is a query. */
    public AggregationSpec aggregation() {
        return aggregation;
    }

    /**
     * This query touching named windows (inserting into one, reading one) or reading triggers: a named window is
     * global state shared by every query touching it, and a trigger fires in one place, so the query runs in the
     * sequential part (global keying).
     */
    public QueryPlan touching(List<NamedWindowSpec> namedWindows, List<TriggerSpec> triggerSources) {
        if (namedWindows.isEmpty() && triggerSources.isEmpty()) {
            return this;
        }
        QueryPlan copy = globalCopy();
        copy.windows = List.copyOf(namedWindows);
        copy.triggers = List.copyOf(triggerSources);
        return copy;
    }

    private QueryPlan globalCopy() {
        QueryPlan copy = new QueryPlan(name, line, input, filters, window, windowFilters, selector, rateLimit,
                outputStream, Keying.GLOBAL, pattern, join);
        copy.tableWrite = tableWrite;
        copy.memberships = memberships;
        copy.aggregation = aggregation;
        copy.windows = windows;
        copy.triggers = triggers;
        return copy;
    }

    /** The named windows the query inserts into or reads. */
    public List<NamedWindowSpec> namedWindows() {
        return windows;
    }

    /** The named window the query inserts into, or null. */
    public NamedWindowSpec outputWindow() {
        return windows.stream().filter(w -> w.name().equals(outputStream)).findFirst().orElse(null);
    }

    /** The triggers whose streams the query reads. */
    public List<TriggerSpec> triggers() {
        return triggers;
    }

    /** The table the query writes, or null when its output is a stream. */
    public TableSpec outputTable() {
        return tableWrite == null ? null : tableWrite.table();
    }

    /** How the query writes its table, or null when its output is a stream. */
    public TableWrite tableWrite() {
        return tableWrite;
    }

    /** The query's {@code in T} conditions; the kernel running it binds them to the tables' rows. */
    public List<TableMembership> tableMemberships() {
        return memberships;
    }

    /** {@code @info(name=...)} or {@code query<N>} by position; operator names and state names derive from it. */
    public String name() {
        return name;
    }

    public int line() {
        return line;
    }

    /** The input stream of a single-stream query; null for a pattern, which reads {@link #inputStreams()}. */
    public StreamSchema input() {
        return input;
    }

    /** The streams the query reads, each once, in order of first appearance. */
    public List<String> inputStreams() {
        return join != null ? join.inputStreams() : pattern == null ? List.of(input.name()) : pattern.inputStreams();
    }

    /** The pattern's steps, or null for a single-stream query. */
    public PatternSpec pattern() {
        return pattern;
    }

    /** The join's sides, or null for other queries. */
    public JoinSpec join() {
        return join;
    }

    public List<Evaluator> filters() {
        return filters;
    }

    /** The window, or null. */
    public WindowSpec window() {
        return window;
    }

    /** Filters written after the window: they apply to every event the window emits, expired ones included. */
    public List<Evaluator> windowFilters() {
        return windowFilters;
    }

    public SelectorPlan selector() {
        return selector;
    }

    /** The output rate limit, or null for none. */
    public RateLimitSpec rateLimit() {
        return rateLimit;
    }

    public String outputStream() {
        return outputStream;
    }

    public StreamSchema output() {
        return selector.output().renamed(outputStream);
    }

    public Keying keying() {
        return keying;
    }

    public boolean isStateful() {
        return keying != Keying.NONE;
    }

    /** The kernel of a single-stream query. */
    public QueryKernel instantiate(StateProvider state) {
        if (pattern != null || join != null) {
            throw new IllegalStateException("query " + name + " reads several streams: use newProcessor");
        }
        return new QueryKernel(this, state);
    }

    /** The runtime of any query: a {@link QueryKernel}, or a {@link PatternKernel} for a pattern. */
    public QueryProcessor newProcessor(StateProvider state) {
        if (aggregation != null) {
            return new AggregationKernel(aggregation, state);
        }
        if (join != null) {
            return new JoinKernel(this, state);
        }
        return pattern == null ? new QueryKernel(this, state) : new PatternKernel(this, state);
    }
}
