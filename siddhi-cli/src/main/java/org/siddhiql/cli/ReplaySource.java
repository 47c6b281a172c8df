package org.siddhiql.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.base.IntSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.source.RichSourceFunction;
import org.siddhiql.flink.operator.TaggedEvent;

/**
 * The events of a file for a run that ends in a savepoint: emits them all, counting them in an accumulator, then
 * stays idle instead of finishing, so that the job can be stopped with a savepoint taken after every event went
 * through and without the end of input (whose final watermark would fire every pending timer). Its position is
 * operator state, so a job resumed from the savepoint does not replay the file.
 */
@SuppressWarnings("deprecation") // SourceFunction: an idle legacy source is what stop-with-savepoint stops
final class ReplaySource extends RichSourceFunction<TaggedEvent> implements CheckpointedFunction {
    private static final long serialVersionUID = 1L;
    /** The accumulator counting the events emitted so far. */
    static final String EMITTED = "siddhi-events-emitted";

    private final byte[] encoded;
    private final int count;
    private final TypeSerializer<TaggedEvent> serializer;

    private transient ListState<Integer> positionState;
    private transient int position;
    private transient LongCounter emitted;
    private transient volatile boolean running;
    /** What run() waits on once every event is out, until cancel(). */
    private transient Object idle;

    ReplaySource(List<TaggedEvent> events, TypeInformation<TaggedEvent> type) {
        this.serializer = type.createSerializer(new ExecutionConfig());
        DataOutputSerializer out = new DataOutputSerializer(1024);
        try {
            for (TaggedEvent event : events) {
                serializer.serialize(event, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the events", e); // in memory: only a codec bug
        }
        this.encoded = out.getCopyOfBuffer();
        this.count = events.size();
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        positionState = context.getOperatorStateStore()
                .getListState(new ListStateDescriptor<>("replay-position", IntSerializer.INSTANCE));
        for (Integer restored : positionState.get()) {
            position = restored;
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        positionState.update(List.of(position));
    }

    @Override
    public void open(OpenContext openContext) {
        emitted = new LongCounter();
        getRuntimeContext().addAccumulator(EMITTED, emitted);
        idle = new Object();
        running = true;
    }

    @Override
    public void run(SourceContext<TaggedEvent> context) throws Exception {
        DataInputDeserializer in = new DataInputDeserializer(encoded);
        for (int i = 0; i < count; i++) {
            TaggedEvent event = serializer.deserialize(in);
            if (i < position) {
                continue; // emitted before the snapshot this job was restored from
            }
            synchronized (context.getCheckpointLock()) {
                context.collect(event);
                position++;
            }
            if (!running) {
                return;
            }
        }
        emitted.add(position);
        synchronized (idle) {
            while (running) {
                idle.wait();
            }
        }
    }

    @Override
    public void cancel() {
        running = false;
        Object waiting = idle;
        if (waiting != null) { // null: cancelled before it opened
            synchronized (waiting) {
                waiting.notifyAll();
            }
        }
    }
}
