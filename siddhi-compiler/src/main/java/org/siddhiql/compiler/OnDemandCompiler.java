package org.siddhiql.compiler;

import io.siddhi.query.api.SiddhiApp;
import io.siddhi.query.api.SiddhiElement;
import io.siddhi.query.api.execution.query.OnDemandQuery;
import io.siddhi.query.api.execution.query.Query;
import io.siddhi.query.api.execution.query.input.store.AggregationInputStore;
import io.siddhi.query.api.execution.query.input.store.ConditionInputStore;
import io.siddhi.query.api.execution.query.input.store.InputStore;
import io.siddhi.query.api.execution.query.input.stream.BasicSingleInputStream;
import io.siddhi.query.compiler.SiddhiCompiler;
import io.siddhi.query.compiler.exception.SiddhiParserException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.siddhiql.compiler.expression.ExpressionCompiler;
import org.siddhiql.compiler.function.FunctionRegistry;
import org.siddhiql.compiler.plan.OnDemandPlan;
import org.siddhiql.compiler.plan.OnDemandSource;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.compiler.plan.TableSource;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.aggregation.AggregationSpec;
import org.siddhiql.runtime.table.TableSpec;
import org.siddhiql.runtime.window.Windows;

/**
 * Compiles Siddhi's on-demand queries against an app's tables ({@code from T [on cond] select ...}) and incremental
 * aggregations ({@code from A [on cond] within start, end per 'duration' select ...}), with
 * {@code group by/having/order by/limit/offset}. The query becomes an ordinary single-stream query over the rows (a
 * table's, or those the aggregation answers for the retrieval: {@code AGG_TIMESTAMP} and its select attributes), with
 * the {@code on} condition as its filter, so the selector, aggregators and functions are the very ones the app's
 * queries run: all rows pass as one chunk, and an aggregating selector gives one row per group, as Siddhi's on-demand
 * queries do. Positions in errors are in the query text.
 */
public final class OnDemandCompiler {
    /** The name of the stream the compiled query inserts into; it is never defined in an app. */
    static final String RESULT = "_onDemandResult";

    private final FunctionRegistry functions;
    private final Windows windows;

    public OnDemandCompiler() {
        this(FunctionRegistry.builtIns(), Windows.builtIns());
    }

    public OnDemandCompiler(FunctionRegistry functions, Windows windows) {
        this.functions = functions;
        this.windows = windows;
    }

    /**
     * @param appText the app whose state the query reads (its tables' definitions)
     * @param queryText the on-demand query
     */
    public OnDemandPlan compile(String appText, String queryText) {
        SiddhiApp app = AppCompiler.parse(appText);
        OnDemandQuery query = parse(queryText);
        if (query.getType() != OnDemandQuery.OnDemandQueryType.FIND
                && query.getType() != OnDemandQuery.OnDemandQueryType.SELECT) {
            throw new CompileException(SourcePosition.of(query), "only 'from ... select' on-demand queries can run "
                    + "on a snapshot; insert, delete and update would change it");
        }
        InputStore store = query.getInputStore();
        String storeId = store.getStoreId();
        OnDemandSource source;
        if (app.getAggregationDefinitionMap().containsKey(storeId)) {
            source = aggregationSource(appText, store, query);
        } else if (store instanceof AggregationInputStore) {
            throw new CompileException(positionOf(store, query), "'" + storeId + "' is not an aggregation of the app; "
                    + "'within' and 'per' read aggregations");
        } else {
            TableSpec table = AppCompiler.tablesOf(app).get(storeId);
            if (table == null) {
                throw new CompileException(positionOf(store, query), "'" + storeId + "' is not a table or an "
                        + "aggregation of the app; on-demand queries read tables and aggregations");
            }
            source = new TableSource(table);
        }
        BasicSingleInputStream rows = new BasicSingleInputStream(store.getStoreReferenceId(), storeId);
        if (store instanceof ConditionInputStore && ((ConditionInputStore) store).getOnCondition() != null) {
            rows = rows.filter(((ConditionInputStore) store).getOnCondition());
        }
        Query overRows = Query.query().from(rows).select(query.getSelector()).insertInto(RESULT);
        Map<String, StreamSchema> streams = new LinkedHashMap<>();
        streams.put(storeId, source.schema());
        QueryPlan plan = new QueryCompiler(new ExpressionCompiler(functions), windows, Map.of())
                .compile(overRows, "onDemand", streams);
        return new OnDemandPlan(source, plan);
    }

    /**
     * An aggregation's rows for the query's {@code within} and {@code per} clauses, which Siddhi requires. The
     * aggregation is compiled with the whole app, so its state names and buckets are the job's.
     */
    private OnDemandSource aggregationSource(String appText, InputStore store, OnDemandQuery query) {
        if (!(store instanceof AggregationInputStore)) {
            throw new CompileException(positionOf(store, query), "an on-demand query on aggregation '"
                    + store.getStoreId() + "' must have 'within' and 'per' clauses");
        }
        Map<String, AggregationSpec> aggregations = new LinkedHashMap<>();
        for (QueryPlan plan : new AppCompiler(functions, windows).compile(appText).allQueries()) {
            if (plan.aggregation() != null) {
                aggregations.put(plan.aggregation().name(), plan.aggregation());
            }
        }
        return new AggregationReads(new ExpressionCompiler(functions), aggregations)
                .onDemand((AggregationInputStore) store, query);
    }

    /** Only a plain store reference carries a position; one with {@code on} is located by its query. */
    private static SourcePosition positionOf(InputStore store, OnDemandQuery query) {
        return SourcePosition.firstOf(store instanceof SiddhiElement ? (SiddhiElement) store : null, query);
    }

    private static OnDemandQuery parse(String queryText) {
        try {
            return SiddhiCompiler.parseOnDemandQuery(queryText);
        } catch (SiddhiParserException e) {
            throw new CompileException(AppCompiler.parserPosition(e), AppCompiler.reason(e.getMessageWithOutContext()));
        }
    }
}
