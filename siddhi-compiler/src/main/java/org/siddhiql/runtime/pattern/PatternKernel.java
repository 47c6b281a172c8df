package org.siddhiql.runtime.pattern;

import java.util.ArrayList;
import java.util.List;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.query.QueryContext;
import org.siddhiql.runtime.query.QueryKernel;
import org.siddhiql.runtime.query.QueryProcessor;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;

/**
 * The runtime of a pattern query: the {@link PatternMatcher} turns arriving events into completed matches, and each
 * match goes to the query's selector, rate limiter and insert as a chunk of its own (Siddhi's state receivers hand
 * the selector one state event at a time). The pattern's whole state is one managed value.
 */
public final class PatternKernel implements QueryProcessor {
    private final PatternMatcher matcher;
    private final ValueCell<PatternState> state;
    /** The select-and-insert part, run as a query without filter or window over the matches. */
    private final QueryKernel selection;

    public PatternKernel(QueryPlan plan, StateProvider stateProvider) {
        PatternSpec spec = plan.pattern();
        this.matcher = new PatternMatcher(spec);
        this.state = stateProvider.value(plan.name() + ".pattern", new PatternStateCodec(spec.slotSchemas()));
        this.selection = new QueryKernel(plan, stateProvider);
    }

    @Override
    public void onChunk(String stream, List<Event> events, QueryContext context) {
        for (Event event : events) {
            PatternState current = state.get();
            if (current == null) {
                current = matcher.initialState();
            }
            List<Event> matches = new ArrayList<>();
            matcher.onEvent(current, stream, event, matches::add);
            state.set(current);
            for (Event match : matches) {
                selection.onChunk(List.of(match), context);
            }
        }
    }

    @Override
    public void fireDueTimers(QueryContext context) {
        selection.fireDueTimers(context);
    }
}
