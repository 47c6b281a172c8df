package org.siddhiql.runtime.aggregation;

import java.util.List;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;
import org.siddhiql.runtime.query.QueryContext;
import org.siddhiql.runtime.query.QueryProcessor;
import org.siddhiql.runtime.state.StateProvider;

/**
 * Feeds an aggregation's input stream into its {@link AggregationStore}, and keeps the backend's timer set for the
 * store's next roll-over on the clock. It outputs nothing: queries read the buckets by joining the aggregation.
 */
public final class AggregationKernel implements QueryProcessor {
    private final AggregationSpec spec;
    private final AggregationStore store;

    public AggregationKernel(AggregationSpec spec, StateProvider state) {
        this.spec = spec;
        this.store = spec.instantiate(state);
    }

    @Override
    public void onChunk(String stream, List<Event> events, QueryContext context) {
        for (Event event : events) {
            if (event.type() == EventType.CURRENT) {
                store.onEvent(event);
            }
        }
        schedule(context);
    }

    @Override
    public void fireDueTimers(QueryContext context) {
        store.fireDueTimers(context.currentTime());
        schedule(context);
    }

    private void schedule(QueryContext context) {
        Long next = store.nextTimer();
        if (next != null) {
            context.scheduleAt(next);
        }
    }
}
