package org.siddhiql.connectors.inmemory;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.core.io.InputStatus;
import org.siddhiql.connectors.map.RecordMapping;
import org.siddhiql.flink.operator.TaggedEvent;

/**
 * Queues the messages of a topic as the broker hands them over in publishers' threads, and maps and emits them in the
 * task's thread. The availability future is replaced, under a lock, only when the queue is found empty, and completed
 * after each message is queued, so a message is never left waiting unseen.
 */
final class InMemorySourceReader implements SourceReader<TaggedEvent, InMemorySource.NoSplit> {
    static final int CAPACITY = 10_000;

    private final String topic;
    private final RecordMapping mapping;
    private final SourceReaderContext context;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final Object lock = new Object();
    private CompletableFuture<Void> available = new CompletableFuture<>();
    private volatile boolean closed;
    private InMemoryBroker.Subscription subscription;

    InMemorySourceReader(String topic, RecordMapping mapping, SourceReaderContext context) {
        this.topic = topic;
        this.mapping = mapping;
        this.context = context;
    }

    @Override
    public void start() {
        mapping.open(context.metricGroup());
        if (context.getIndexOfSubtask() == 0) {
            subscription = InMemoryBroker.subscribe(topic, this::enqueue);
        }
    }

    /** In a publisher's thread: waits while the queue is full, unless the reader closes meanwhile. */
    private void enqueue(Object message) {
        try {
            while (!queue.offer(message, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        synchronized (lock) {
            available.complete(null);
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<TaggedEvent> output) {
        Object message = queue.poll();
        if (message == null) {
            synchronized (lock) {
                if (queue.isEmpty()) {
                    if (available.isDone()) {
                        available = new CompletableFuture<>();
                    }
                    return InputStatus.NOTHING_AVAILABLE;
                }
            }
            return InputStatus.MORE_AVAILABLE;
        }
        mapping.map(message, () -> "a message on topic '" + topic + "'", output::collect);
        return queue.isEmpty() ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        synchronized (lock) {
            return available;
        }
    }

    @Override
    public List<InMemorySource.NoSplit> snapshotState(long checkpointId) {
        return List.of();
    }

    @Override
    public void addSplits(List<InMemorySource.NoSplit> splits) {
    }

    @Override
    public void notifyNoMoreSplits() {
    }

    @Override
    public void close() {
        closed = true;
        if (subscription != null) {
            subscription.close();
        }
        queue.clear();
    }
}
