package org.siddhiql.connectors.http;

import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.siddhiql.connectors.map.RecordMapping;
import org.siddhiql.flink.operator.TaggedEvent;

/**
 * {@code @source(type='http')}: an HTTP(S) endpoint taking POSTed events, as a FLIP-27 source with one split, the
 * endpoint, which the enumerator gives to one reader; the reader listens while it holds it (see
 * {@link HttpSourceReader}).
 *
 * <p>Guarantee: a 200 means the request's events are in the reader's in-memory queue, not yet in a checkpoint. An HTTP
 * push cannot be replayed, so when the job fails, the events accepted after its last completed checkpoint (queued or
 * already processed) are lost to the restored job: at most once. A client that retries until it gets a 200 turns that
 * into at least once only for requests that never got their 200; it cannot know which accepted events a failure lost.
 */
public final class HttpSource implements Source<TaggedEvent, HttpEndpointSplit, Boolean> {
    private static final long serialVersionUID = 1L;

    private final HttpEndpoint.Settings settings;
    private final RecordMapping mapping;

    HttpSource(HttpEndpoint.Settings settings, RecordMapping mapping) {
        this.settings = settings;
        this.mapping = mapping;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<TaggedEvent, HttpEndpointSplit> createReader(SourceReaderContext context) {
        return new HttpSourceReader(settings, mapping, context.metricGroup());
    }

    @Override
    public SplitEnumerator<HttpEndpointSplit, Boolean> createEnumerator(
            SplitEnumeratorContext<HttpEndpointSplit> context) {
        return new HttpEndpointEnumerator(context, true);
    }

    @Override
    public SplitEnumerator<HttpEndpointSplit, Boolean> restoreEnumerator(
            SplitEnumeratorContext<HttpEndpointSplit> context, Boolean unassigned) {
        return new HttpEndpointEnumerator(context, unassigned);
    }

    @Override
    public SimpleVersionedSerializer<HttpEndpointSplit> getSplitSerializer() {
        return new HttpEndpointSplit.Serializer();
    }

    @Override
    public SimpleVersionedSerializer<Boolean> getEnumeratorCheckpointSerializer() {
        return new HttpEndpointEnumerator.StateSerializer();
    }
}
