package org.siddhiql.connectors.http;

import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The one split of an HTTP source: the endpoint itself. Whichever reader holds it listens on the endpoint's URL, so
 * the endpoint is bound once whatever the source's parallelism. It has no position: what was posted is not replayable.
 */
final class HttpEndpointSplit implements SourceSplit {
    static final HttpEndpointSplit INSTANCE = new HttpEndpointSplit();

    private HttpEndpointSplit() {
    }

    @Override
    public String splitId() {
        return "http-endpoint";
    }

    /** The split has no fields, so it serializes to nothing. */
    static final class Serializer implements SimpleVersionedSerializer<HttpEndpointSplit> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(HttpEndpointSplit split) {
            return new byte[0];
        }

        @Override
        public HttpEndpointSplit deserialize(int version, byte[] serialized) {
            return INSTANCE;
        }
    }
}
