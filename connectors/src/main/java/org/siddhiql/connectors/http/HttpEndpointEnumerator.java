package org.siddhiql.connectors.http;

import java.util.List;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Hands the endpoint split to the first reader that registers, and again to a reader after the one holding it failed.
 * Its checkpointed state is whether the split is still to be assigned.
 */
final class HttpEndpointEnumerator implements SplitEnumerator<HttpEndpointSplit, Boolean> {
    private final SplitEnumeratorContext<HttpEndpointSplit> context;
    private boolean unassigned;

    HttpEndpointEnumerator(SplitEnumeratorContext<HttpEndpointSplit> context, boolean unassigned) {
        this.context = context;
        this.unassigned = unassigned;
    }

    @Override
    public void start() {
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
    }

    @Override
    public void addSplitsBack(List<HttpEndpointSplit> splits, int subtaskId) {
        unassigned = true;
        if (context.registeredReaders().containsKey(subtaskId)) {
            addReader(subtaskId);
        }
    }

    @Override
    public void addReader(int subtaskId) {
        if (unassigned) {
            context.assignSplit(HttpEndpointSplit.INSTANCE, subtaskId);
            unassigned = false;
        }
    }

    @Override
    public Boolean snapshotState(long checkpointId) {
        return unassigned;
    }

    @Override
    public void close() {
    }

    static final class StateSerializer implements SimpleVersionedSerializer<Boolean> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Boolean unassigned) {
            return new byte[] {(byte) (unassigned ? 1 : 0)};
        }

        @Override
        public Boolean deserialize(int version, byte[] serialized) {
            return serialized[0] == 1;
        }
    }
}
