package org.siddhiql.connectors.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.metrics.MetricGroup;
import org.siddhiql.connectors.map.RecordMapping;
import org.siddhiql.flink.operator.TaggedEvent;

/**
 * Serves the endpoint while it holds the endpoint split, and emits the events of accepted requests in the order their
 * requests were accepted, a request's events one after the other. The server's threads map each body and put its
 * events into a bounded queue, blocking while it is full (so a slow job slows its clients down rather than running
 * out of memory); the request is answered once all its events are in the queue. Bodies map by the stream's
 * {@link RecordMapping}: one that does not map goes, with its reason, to the stream's fault stream {@code !S} when the
 * stream has one ({@code @OnError(action='STREAM')}), else it is answered 400 with the mapper's reason; either way it
 * is counted in {@code unmappedRecords}.
 */
final class HttpSourceReader implements SourceReader<TaggedEvent, HttpEndpointSplit> {
    static final int QUEUE_CAPACITY = 10_000;

    private final HttpEndpoint.Settings settings;
    private final RecordMapping mapping;
    private final BlockingQueue<TaggedEvent> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final Object availability = new Object();
    private final Object requests = new Object();
    private CompletableFuture<Void> available = new CompletableFuture<>();
    private HttpEndpoint endpoint; // null until the split is assigned

    HttpSourceReader(HttpEndpoint.Settings settings, RecordMapping mapping, MetricGroup metrics) {
        this.settings = settings;
        this.mapping = mapping;
        mapping.open(metrics);
    }

    @Override
    public void start() {
    }

    @Override
    public void addSplits(List<HttpEndpointSplit> splits) {
        if (endpoint == null && !splits.isEmpty()) {
            try {
                endpoint = HttpEndpoint.start(settings, this::receive);
            } catch (IOException e) {
                throw new UncheckedIOException("the http source cannot listen on " + settings, e);
            }
        }
    }

    /** Runs on the server's threads. */
    private String receive(byte[] body) throws InterruptedException {
        List<TaggedEvent> events = new ArrayList<>();
        String rejection = mapping.mapOrReject(body, () -> "the body posted to " + settings.url().getPath(),
                events::add);
        if (rejection != null) {
            return "the body does not map: " + rejection;
        }
        synchronized (requests) { // a request's events stay together, whatever other requests arrive meanwhile
            for (TaggedEvent event : events) {
                put(event);
            }
        }
        return null;
    }

    private void put(TaggedEvent event) throws InterruptedException {
        queue.put(event);
        synchronized (availability) {
            available.complete(null);
        }
    }

    @Override
    public InputStatus pollNext(ReaderOutput<TaggedEvent> output) {
        TaggedEvent event = queue.poll();
        if (event == null) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        output.collect(event);
        return queue.isEmpty() ? InputStatus.NOTHING_AVAILABLE : InputStatus.MORE_AVAILABLE;
    }

    /** Completes when an event is queued; a producer completes whichever future was handed out last. */
    @Override
    public CompletableFuture<Void> isAvailable() {
        synchronized (availability) {
            if (!queue.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            if (available.isDone()) {
                available = new CompletableFuture<>();
            }
            return available;
        }
    }

    /** Only the split: the queued events are not part of checkpoints (see {@link HttpSource}). */
    @Override
    public List<HttpEndpointSplit> snapshotState(long checkpointId) {
        return endpoint == null ? List.of() : List.of(HttpEndpointSplit.INSTANCE);
    }

    @Override
    public void notifyNoMoreSplits() {
    }

    @Override
    public void close() {
        if (endpoint != null) {
            endpoint.close();
        }
    }
}
