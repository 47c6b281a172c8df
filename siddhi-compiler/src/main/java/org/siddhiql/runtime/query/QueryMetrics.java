package org.siddhiql.runtime.query;

import java.util.List;
import org.siddhiql.runtime.event.Event;

/**
 * Where a query kernel reports how much state it holds and what it produced, for the backend to publish (Flink
 * gauges and counters). Kernels report changes, never totals: a total over all keys would need every key's state,
 * while a change is known where the kernel updates one key's state. {@link #NONE} ignores everything, and kernels
 * skip measuring when given it. The graph of queries reports what each query takes in, outputs and fails on.
 */
public interface QueryMetrics {
    /** Reports nothing; what a backend without metrics gives. */
    QueryMetrics NONE = new QueryMetrics() {
        @Override
        public void partialMatchesChanged(long delta) {
        }

        @Override
        public void stateBytesChanged(long delta) {
        }

        @Override
        public void matched(long matches) {
        }
    };

    /** The number of partial matches held in state changed by {@code delta} (see the pattern kernel for what counts). */
    void partialMatchesChanged(long delta);

    /** The encoded size of the measured state changed by {@code delta} bytes. */
    void stateBytesChanged(long delta);

    /** The query completed {@code matches} matches (before its selector's {@code having} and rate limit). */
    void matched(long matches);

    /** A chunk of {@code events} events arrived on one of the query's input streams. */
    default void received(int events) {
    }

    /** The query output a chunk (on its stream, into its table or named window). */
    default void emitted(List<Event> chunk) {
    }

    /** Processing a chunk of {@code events} events failed in the query (they went to a fault stream or the log). */
    default void failed(int events) {
    }
}
