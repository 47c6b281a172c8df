package org.siddhiql.flink.operator;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.OperatorStateStore;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.siddhiql.compiler.plan.QueryPlan;

/**
 * The names of a {@link QueryGraphOperator}'s stateful queries, kept in its operator state. Flink restores all of an
 * operator's keyed state whatever names the new operator declares, so the state of a query removed from the app (or
 * renamed) would stay behind unread without a word; the roster lets the restore say so, as Flink does for a whole
 * operator that is gone, unless the job allows non-restored state.
 */
final class QueryRoster {
    private static final ListStateDescriptor<String> STATE =
            new ListStateDescriptor<>("siddhi-stateful-queries", StringSerializer.INSTANCE);

    private final ListState<String> names;
    private final List<String> current;

    private QueryRoster(ListState<String> names, List<String> current) {
        this.names = names;
        this.current = current;
    }

    /**
     * Reads the restored roster (empty on a fresh start).
     *
     * @throws IncompatibleStateException if the savepoint holds stateful queries the operator no longer has and
     *     non-restored state is not allowed
     */
    static QueryRoster restore(OperatorStateStore store, List<QueryPlan> queries, boolean allowNonRestoredState)
            throws Exception {
        // union state: every instance sees every instance's roster, whatever the parallelism was
        ListState<String> names = store.getUnionListState(STATE);
        List<String> current = queries.stream().filter(QueryPlan::isStateful).map(QueryPlan::name).toList();
        Set<String> gone = new TreeSet<>();
        names.get().forEach(gone::add);
        gone.removeAll(current);
        if (!gone.isEmpty() && !allowNonRestoredState) {
            throw IncompatibleStateException.ofRemovedQueries(gone);
        }
        return new QueryRoster(names, current);
    }

    void snapshot() throws Exception {
        names.update(current);
    }
}
