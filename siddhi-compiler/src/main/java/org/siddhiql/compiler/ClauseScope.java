package org.siddhiql.compiler;

import java.util.List;
import org.siddhiql.compiler.expression.Scope;
import org.siddhiql.runtime.aggregate.Aggregator;

/**
 * What every clause's scope shares, whatever names it resolves: its name for messages and, in a select clause, the
 * aggregators it registers (one state slot each).
 */
abstract class ClauseScope implements Scope {
    private final String clause;
    private final List<Aggregator> aggregators;
    private final boolean trackRemovals;

    /**
     * @param aggregators where a select clause's aggregators go; null where aggregators are not allowed
     * @param trackRemovals see {@link Scope#aggregatorsTrackRemovals()}
     */
    ClauseScope(String clause, List<Aggregator> aggregators, boolean trackRemovals) {
        this.clause = clause;
        this.aggregators = aggregators;
        this.trackRemovals = trackRemovals;
    }

    List<Aggregator> aggregators() {
        return aggregators == null ? List.of() : aggregators;
    }

    @Override
    public final boolean allowsAggregators() {
        return aggregators != null;
    }

    @Override
    public final boolean aggregatorsTrackRemovals() {
        return trackRemovals;
    }

    @Override
    public final int addAggregator(Aggregator aggregator) {
        aggregators.add(aggregator);
        return aggregators.size() - 1;
    }

    @Override
    public final String clause() {
        return clause;
    }
}
