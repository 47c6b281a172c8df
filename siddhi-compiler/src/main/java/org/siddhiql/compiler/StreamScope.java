package org.siddhiql.compiler;

import io.siddhi.query.api.expression.Variable;
import java.util.ArrayList;
import java.util.List;
import org.siddhiql.compiler.expression.ResolvedAttribute;
import org.siddhiql.compiler.expression.Scope;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.aggregate.Aggregator;

/** The names visible in one clause of a single-stream query: one stream's attributes, known by its id or alias. */
final class StreamScope extends ClauseScope {
    private final StreamSchema schema;
    private final String alias;

    private StreamScope(StreamSchema schema, String alias, String clause, List<Aggregator> aggregators,
            boolean trackRemovals) {
        super(clause, aggregators, trackRemovals);
        this.schema = schema;
        this.alias = alias;
    }

    /** A clause that may not aggregate: filters, group by, window parameters, having, order by. */
    static StreamScope of(StreamSchema schema, String alias, String clause) {
        return new StreamScope(schema, alias, clause, null, false);
    }

    /**
     * A select clause: aggregators register here, one state slot each.
     *
     * @param trackRemovals see {@link Scope#aggregatorsTrackRemovals()}
     */
    static StreamScope selecting(StreamSchema schema, String alias, boolean trackRemovals) {
        return new StreamScope(schema, alias, "select", new ArrayList<>(), trackRemovals);
    }

    @Override
    public ResolvedAttribute resolve(Variable variable) {
        String streamId = variable.getStreamId();
        if (streamId != null && !streamId.equals(schema.name()) && !streamId.equals(alias)) {
            throw new CompileException(SourcePosition.of(variable),
                    "'" + streamId + "' is not a stream of this query (expected '" + schema.name() + "')");
        }
        int index = schema.indexOf(variable.getAttributeName());
        if (index < 0) {
            throw new CompileException(SourcePosition.of(variable), "attribute '" + variable.getAttributeName()
                    + "' is not defined in " + describe());
        }
        return new ResolvedAttribute(0, index, schema.attributeType(index));
    }

    private String describe() {
        return clause().equals("having") || clause().equals("order by")
                ? "the select output " + schema
                : "stream " + schema;
    }
}
