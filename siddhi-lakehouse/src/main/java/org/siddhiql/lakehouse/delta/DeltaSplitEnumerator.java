package org.siddhiql.lakehouse.delta;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * Hands the table's one split to the first reader that registers, and again, as the failed reader's checkpoint left
 * it, to the reader that replaces it. Its checkpointed state is the split while it is unassigned, else nothing. A
 * bounded source has no more splits once it is assigned.
 */
final class DeltaSplitEnumerator implements SplitEnumerator<DeltaSplit, Optional<DeltaSplit>> {
    private final SplitEnumeratorContext<DeltaSplit> context;
    private final boolean bounded;
    private DeltaSplit unassigned;

    /** @param unassigned the split to assign, or null when a reader holds it */
    DeltaSplitEnumerator(SplitEnumeratorContext<DeltaSplit> context, boolean bounded, DeltaSplit unassigned) {
        this.context = context;
        this.bounded = bounded;
        this.unassigned = unassigned;
    }

    @Override
    public void start() {
    }

    @Override
    public void handleSplitRequest(int subtaskId, String requesterHostname) {
    }

    @Override
    public void addSplitsBack(List<DeltaSplit> splits, int subtaskId) {
        unassigned = splits.get(0);
        if (context.registeredReaders().containsKey(subtaskId)) {
            addReader(subtaskId);
        }
    }

    @Override
    public void addReader(int subtaskId) {
        if (unassigned != null) {
            context.assignSplit(unassigned, subtaskId);
            unassigned = null;
            if (bounded) {
                context.signalNoMoreSplits(subtaskId);
            }
        }
    }

    @Override
    public Optional<DeltaSplit> snapshotState(long checkpointId) {
        return Optional.ofNullable(unassigned);
    }

    @Override
    public void close() {
    }

    /** The unassigned split, or none. */
    static final class StateSerializer implements SimpleVersionedSerializer<Optional<DeltaSplit>> {
        private final DeltaSplit.Serializer splits = new DeltaSplit.Serializer();

        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Optional<DeltaSplit> unassigned) throws IOException {
            return unassigned.isPresent() ? splits.serialize(unassigned.get()) : new byte[0];
        }

        @Override
        public Optional<DeltaSplit> deserialize(int version, byte[] serialized) throws IOException {
            return serialized.length == 0 ? Optional.empty() : Optional.of(splits.deserialize(version, serialized));
        }
    }
}
