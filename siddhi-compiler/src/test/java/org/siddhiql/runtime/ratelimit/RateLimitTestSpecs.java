package org.siddhiql.runtime.ratelimit;

import io.siddhi.query.api.execution.query.Query;
import io.siddhi.query.compiler.SiddhiCompiler;
import java.util.ArrayList;
import java.util.List;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;

/** Builds limiter specs from SiddhiQL text, as the compiler would. */
final class RateLimitTestSpecs {
    private RateLimitTestSpecs() {
    }

    static Query query(String text) {
        return SiddhiCompiler.parseQuery(text);
    }

    /** A schema of the given attribute types, named a0, a1, ... */
    static StreamSchema schema(AttributeType... types) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            names.add("a" + i);
        }
        return new StreamSchema("Out", names, List.of(types));
    }

    static final StreamSchema SYM_INT = schema(AttributeType.STRING, AttributeType.INT);

    /** The spec of a query written in full, outside a partition ({@link TimerAnchor#APP_START}). */
    static OutputRateSpec spec(String queryText, StreamSchema output, boolean[] aggregated) {
        return spec(queryText, output, aggregated, TimerAnchor.APP_START);
    }

    static OutputRateSpec spec(String queryText, StreamSchema output, boolean[] aggregated, TimerAnchor anchor) {
        Query q = query(queryText);
        return RateLimits.of(q.getOutputRate(), q.getOutputStream().getOutputEventType(),
                !q.getSelector().getGroupByList().isEmpty(), RateLimits.isWindowed(q), output, aggregated, anchor);
    }
}
