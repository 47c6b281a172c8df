package org.siddhiql.lakehouse.delta;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one committer of a Delta sink (parallelism 1): collects the files the writers finish before each checkpoint
 * barrier, keeps them in its state with that checkpoint, and once the checkpoint is complete commits them as one
 * Delta transaction whose transaction version derives from the checkpoint id. A checkpoint whose completion notice
 * is lost is committed, in its own transaction, just before the next one; files restored from a checkpoint are
 * committed on restore, a no-op for those the job before the failure committed already. Without checkpointing (a bounded run) it commits once, at the end
 * of input.
 */
final class DeltaCommitOperator extends AbstractStreamOperator<Void>
        implements OneInputStreamOperator<DeltaDataFile, Void>, BoundedOneInput {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(DeltaCommitOperator.class);

    private final DeltaSinkSettings settings;
    private final boolean checkpointing;
    private transient DeltaTableCommitter committer;
    private transient ListState<byte[]> state;
    private transient PendingCommits pending;
    private transient List<DeltaDataFile> sinceLastCheckpoint;

    DeltaCommitOperator(DeltaSinkSettings settings, boolean checkpointing) {
        this.settings = settings;
        this.checkpointing = checkpointing;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        committer = new DeltaTableCommitter(DeltaEngines.create(settings.options()), settings);
        committer.createOrCheckTable();
        sinceLastCheckpoint = new ArrayList<>();
        state = context.getOperatorStateStore().getListState(new ListStateDescriptor<>("delta-pending-commits",
                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        Iterator<byte[]> restored = state.get().iterator();
        if (restored.hasNext()) {
            pending = PendingCommits.deserialize(restored.next());
            // taken before the failure and perhaps committed since: the transaction versions tell
            commitUpTo(Long.MAX_VALUE);
        } else {
            OptionalLong last = committer.lastTransactionVersion();
            pending = new PendingCommits(last.isPresent() ? last.getAsLong() : 0);
        }
    }

    @Override
    public void processElement(StreamRecord<DeltaDataFile> file) {
        sinceLastCheckpoint.add(file.getValue());
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        pending.add(context.getCheckpointId(), sinceLastCheckpoint);
        sinceLastCheckpoint = new ArrayList<>();
        state.update(List.of(pending.serialize()));
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        super.notifyCheckpointComplete(checkpointId);
        commitUpTo(checkpointId);
    }

    @Override
    public void endInput() throws Exception {
        if (!checkpointing && !sinceLastCheckpoint.isEmpty()) {
            committer.commitOnce(sinceLastCheckpoint);
            sinceLastCheckpoint = new ArrayList<>();
        }
    }

    private void commitUpTo(long checkpointId) throws Exception {
        for (Map.Entry<Long, List<DeltaDataFile>> checkpoint : pending.upTo(checkpointId).entrySet()) {
            OptionalLong version = committer.commit(pending.transactionVersion(checkpoint.getKey()),
                    checkpoint.getValue());
            LOG.info("Delta table '{}': the {} files of checkpoint {} {}", settings.path(),
                    checkpoint.getValue().size(), checkpoint.getKey(),
                    version.isPresent() ? "are committed as version " + version.getAsLong() : "were committed before");
            pending.remove(checkpoint.getKey());
        }
    }
}
