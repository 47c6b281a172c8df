package org.siddhiql.flink.operator;

import org.apache.flink.api.java.functions.KeySelector;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.plan.Keying;
import org.siddhiql.compiler.plan.QueryPlan;

/**
 * The key state is partitioned by: the group-by values of a {@link Keying#GROUP_BY} query running alone, else one
 * constant (the queries' state is one unit, so it runs on one parallel instance).
 */
public final class QueryKeySelector implements KeySelector<TaggedEvent, String> {
    private static final long serialVersionUID = 1L;
    /** The one key of the sequential part, where all global state lives. */
    static final String GLOBAL_KEY = "";

    private final Evaluator[] groupBy;
    private final boolean partitionKey;

    private QueryKeySelector(Evaluator[] groupBy) {
        this(groupBy, false);
    }

    private QueryKeySelector(Evaluator[] groupBy, boolean partitionKey) {
        this.groupBy = groupBy;
        this.partitionKey = partitionKey;
    }

    /** The partition key each event carries (see {@link PartitionSplitter}): for a partition's queries. */
    public static QueryKeySelector partitionKey() {
        return new QueryKeySelector(new Evaluator[0], true);
    }

    /** The key of a query that runs alone in its operator. */
    public static QueryKeySelector of(QueryPlan query) {
        return new QueryKeySelector(query.keying() == Keying.GROUP_BY
                ? query.selector().groupBy().toArray(new Evaluator[0]) : new Evaluator[0]);
    }

    /** One key for everything: for queries fused into one sequential operator. */
    public static QueryKeySelector global() {
        return new QueryKeySelector(new Evaluator[0]);
    }

    @Override
    public String getKey(TaggedEvent tagged) {
        if (partitionKey) {
            return tagged.key();
        }
        if (groupBy.length == 0) {
            return GLOBAL_KEY;
        }
        StringBuilder key = new StringBuilder();
        for (Evaluator evaluator : groupBy) {
            key.append(evaluator.evaluate(tagged.event())).append('\u0000');
        }
        return key.toString();
    }
}
