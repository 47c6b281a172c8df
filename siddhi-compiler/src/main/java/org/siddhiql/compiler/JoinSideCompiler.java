package org.siddhiql.compiler;

import io.siddhi.query.api.execution.query.input.handler.Filter;
import io.siddhi.query.api.execution.query.input.handler.StreamHandler;
import io.siddhi.query.api.execution.query.input.handler.Window;
import io.siddhi.query.api.execution.query.input.stream.JoinInputStream;
import io.siddhi.query.api.execution.query.input.stream.SingleInputStream;
import io.siddhi.query.api.expression.Expression;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.expression.ExpressionCompiler;
import org.siddhiql.compiler.expression.KeyEqualities;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.join.JoinSide;
import org.siddhiql.runtime.table.TableSpec;
import org.siddhiql.runtime.window.NamedWindowSpec;
import org.siddhiql.runtime.window.WindowSpec;

/**
 * Compiles one side of a join that is a stream, a table or a named window (an aggregation's side is
 * {@link AggregationReads}'), with the rules for what each kind of side may carry.
 */
final class JoinSideCompiler {
    private final QueryCompiler queries;
    private final ExpressionCompiler expressions;
    private final Map<String, TableSpec> tables;
    private final Map<String, NamedWindowSpec> namedWindows;
    private final Map<String, StreamSchema> streams;

    JoinSideCompiler(QueryCompiler queries, ExpressionCompiler expressions, Map<String, TableSpec> tables,
            Map<String, NamedWindowSpec> namedWindows, Map<String, StreamSchema> streams) {
        this.queries = queries;
        this.expressions = expressions;
        this.tables = tables;
        this.namedWindows = namedWindows;
        this.streams = streams;
    }

    /**
     * One side of a join: filters, then at most one window, which must be last (Siddhi finds in the side's last
     * processor). Its window is compiled as findable: batch windows keep what they emit for the join to find in.
     */
    JoinSide compile(SingleInputStream input, boolean triggers, boolean outer, SingleInputStream otherInput,
            Expression condition, boolean expiredOn) {
        StreamSchema schema = streams.get(input.getStreamId());
        TableSpec table = tables.get(input.getStreamId());
        if (schema == null && table != null) {
            if (!input.getStreamHandlers().isEmpty()) {
                throw AppCompiler.unsupported(input.getStreamHandlers().get(0), "filters and windows on a table's "
                        + "side of a join are not supported yet");
            }
            return new JoinSide(table, outer, tableKey(table, input, otherInput, condition));
        }
        NamedWindowSpec namedWindow = namedWindows.get(input.getStreamId());
        if (schema == null && namedWindow != null) {
            rejectWindowOnNamedWindow(input, namedWindow);
            if (!input.getStreamHandlers().isEmpty()) {
                // Siddhi filters the window's arrivals but finds in all of its contents: not supported yet.
                throw AppCompiler.unsupported(input.getStreamHandlers().get(0), "filters on a named window's side "
                        + "of a join are not supported yet");
            }
            if (!namedWindow.publishesExpired()
                    && namedWindow.window().processingMode() != WindowSpec.ProcessingMode.SLIDE) {
                // siddhi-core's batch windows then never clear what a join finds in: every batch since the start.
                throw AppCompiler.unsupported(input, "joining named window '" + namedWindow.name() + "' ("
                        + namedWindow.window().describe() + ") that outputs current events only is not supported yet");
            }
            if (!namedWindow.window().joinable()) {
                throw AppCompiler.unsupported(input, "joining named window '" + namedWindow.name() + "' ("
                        + namedWindow.window().describe() + ") is not supported yet");
            }
            return new JoinSide(namedWindow, triggers, outer);
        }
        if (schema == null) {
            throw new CompileException(SourcePosition.of(input), "stream '" + input.getStreamId()
                    + "' is not defined");
        }
        String alias = input.getStreamReferenceId();
        List<Evaluator> filters = new ArrayList<>();
        WindowSpec window = null;
        for (StreamHandler handler : input.getStreamHandlers()) {
            if (handler instanceof Filter && window == null) {
                filters.add(queries.condition(((Filter) handler).getParameters()[0], StreamScope.of(schema, alias, "filter"),
                        "filter"));
            } else if (handler instanceof Window && window == null) {
                window = queries.window((Window) handler, schema, alias, expiredOn, true, null);
                if (!window.joinable()) {
                    throw AppCompiler.unsupported(handler, "joining window '" + window.describe()
                            + "' is not supported yet");
                }
            } else {
                throw AppCompiler.unsupported(handler, "only filters and one window before the join are supported "
                        + "yet on a join's side");
            }
        }
        return new JoinSide(schema, filters, window, triggers, outer);
    }

    /**
     * When the join condition is exactly the table's primary key equality, the values the key must equal, read from
     * the stream side's event (of the key attributes' types, as Siddhi's map lookup needs); else null.
     */
    private Evaluator[] tableKey(TableSpec table, SingleInputStream input, SingleInputStream otherInput,
            Expression condition) {
        StreamSchema otherSchema = streams.get(otherInput.getStreamId());
        Set<String> names = new HashSet<>(List.of(table.name()));
        if (input.getStreamReferenceId() != null) {
            names.add(input.getStreamReferenceId());
        }
        if (condition == null || otherSchema == null) {
            return null;
        }
        StreamScope otherSide = StreamScope.of(otherSchema, otherInput.getStreamReferenceId(), "on");
        return KeyEqualities.compile(KeyEqualities.of(condition, table, names), table,
                value -> expressions.compile(value, otherSide), true);
    }

    /** As Siddhi: a named window's readers see its output and cannot put another window on it. */
    static void rejectWindowOnNamedWindow(SingleInputStream input, NamedWindowSpec namedWindow) {
        for (StreamHandler handler : input.getStreamHandlers()) {
            if (handler instanceof Window) {
                throw new CompileException(SourcePosition.of(handler), "cannot apply window '"
                        + ((Window) handler).getName() + "' to named window '" + namedWindow.name() + "'");
            }
        }
    }

    static boolean isOuter(JoinInputStream.Type type, boolean left) {
        return type == JoinInputStream.Type.FULL_OUTER_JOIN
                || type == (left ? JoinInputStream.Type.LEFT_OUTER_JOIN : JoinInputStream.Type.RIGHT_OUTER_JOIN);
    }
}
