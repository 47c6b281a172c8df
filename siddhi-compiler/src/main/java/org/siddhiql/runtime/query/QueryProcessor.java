package org.siddhiql.runtime.query;

import java.util.List;
import org.siddhiql.runtime.event.Event;

/**
 * What {@link QueryGraphKernel} runs per query: a single-stream {@link QueryKernel} or a pattern's kernel, which
 * reads several streams. All state is in the state provider the processor was made with.
 */
public interface QueryProcessor {
    /** Processes a chunk of events that arrived together on {@code stream}, one of the query's input streams. */
    void onChunk(String stream, List<Event> events, QueryContext context);

    /** Runs the timers due by {@code context.currentTime()}. */
    void fireDueTimers(QueryContext context);

    /**
     * Whether the processor has timers before it has seen any event (a pattern starting with an absence): then
     * {@link #fireDueTimers} also runs ahead of each arriving event, since no timer of the backend can exist yet to
     * wake it.
     */
    default boolean watchesClockFromStart() {
        return false;
    }

    /**
     * The state cell whose per-key values the processor's {@link QueryMetrics} measure, or null if it reports none.
     * A backend restoring state calls {@link #recountMetrics} once for each key holding it.
     */
    default String meteredCell() {
        return null;
    }

    /**
     * Reports the changes the processor has not reported yet: a processor may defer measuring its state to keep the
     * cost of metrics off the path of each event, and a backend calls this now and then so they lag little.
     */
    default void flushMetrics() {
    }

    /**
     * Reports the current key's state to the metrics as if it had just been created, without changing it: after a
     * restore, metrics that were kept by changes start from what the restored state holds.
     */
    default void recountMetrics(QueryContext context) {
    }
}
