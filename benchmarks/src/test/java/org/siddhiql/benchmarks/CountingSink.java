package org.siddhiql.benchmarks;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;

/**
 * Counts what reaches it, so a benchmark can show that the engines it compares did the same work. The count is a
 * static field: it only works on the benchmark's in-JVM MiniCluster, which is all it is for.
 */
final class CountingSink<T> implements Sink<T> {
    private static final long serialVersionUID = 1L;
    private static final AtomicLong COUNT = new AtomicLong();

    /** The count since the last call, and a fresh start. */
    static long takeCount() {
        return COUNT.getAndSet(0);
    }

    @Override
    @SuppressWarnings("deprecation") // Flink 1.20 still requires this variant
    public SinkWriter<T> createWriter(InitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context context) {
                COUNT.incrementAndGet();
            }

            @Override
            public void flush(boolean endOfInput) {
            }

            @Override
            public void close() {
            }
        };
    }
}
