package org.siddhiql.compiler.expression;

import io.siddhi.query.api.expression.Variable;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.runtime.aggregate.Aggregator;

/** The names an expression can see, and whether it may aggregate. */
public interface Scope {
    /** Resolves a variable or throws a {@link CompileException} naming it (unknown or ambiguous). */
    ResolvedAttribute resolve(Variable variable);

    /** True inside a select clause, the only place where aggregators may appear. */
    boolean allowsAggregators();

    /** Registers an aggregator occurrence of a select clause and returns its state slot. */
    int addAggregator(Aggregator aggregator);

    /** The clause being compiled, for messages: "filter", "select", "having", "window parameter" ... */
    String clause();

    /**
     * Whether {@code cond in T} may appear here. siddhi-core 5.1 evaluates it only over single-stream events: in a
     * join, a pattern or a table write's clauses it fails (at creation or on the first event), so those scopes say
     * false and such apps are refused.
     */
    default boolean allowsTableMembership() {
        return true;
    }

    /**
     * Siddhi's "track future states" for the aggregators of this clause: true when the query runs in Siddhi's SLIDE
     * processing mode or outputs expired events (insert all/expired events). Then min, max and unionSet keep enough
     * state to answer exactly when values are removed; otherwise they keep only the current answer, and removing it
     * leaves null, exactly as Siddhi does. Defaults to true; the planner should say false where Siddhi would (no
     * window, batch windows without expired output), or min/max states grow without bound on such queries.
     */
    default boolean aggregatorsTrackRemovals() {
        return true;
    }
}
