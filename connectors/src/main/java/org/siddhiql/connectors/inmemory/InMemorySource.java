package org.siddhiql.connectors.inmemory;

import java.util.List;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.siddhiql.connectors.map.RecordMapping;
import org.siddhiql.flink.operator.TaggedEvent;

/**
 * {@code @source(type='inMemory', topic='...')}: the messages published on a topic of the {@link InMemoryBroker} of
 * the JVM the reader runs in, mapped to events of its stream. An unbounded FLIP-27 source without splits: the reader
 * of subtask 0 subscribes when it starts and unsubscribes when it closes (other subtasks, if any, idle).
 *
 * <p>Delivery is at most once and within one JVM only: the broker keeps nothing, so messages published while the
 * reader is not subscribed (before it starts, while the job restarts) are not seen, and messages the reader had
 * queued but not emitted when it fails are lost; a checkpoint holds no position to replay from. It works in a
 * MiniCluster or an embedded job, where publishers share the JVM; on a real cluster only code running in the
 * TaskManager could publish. A publisher waits while the reader's queue of {@value InMemorySourceReader#CAPACITY}
 * messages is full: the job's back-pressure reaches it.
 */
public final class InMemorySource implements Source<TaggedEvent, InMemorySource.NoSplit, Void> {
    private static final long serialVersionUID = 1L;

    /** Siddhi's topic when {@code topic} is not given. */
    public static final String DEFAULT_TOPIC = "input inMemory source";

    /** The source has no splits: this type has no instances. */
    public interface NoSplit extends SourceSplit {
    }

    private final String topic;
    private final RecordMapping mapping;

    public InMemorySource(String topic, RecordMapping mapping) {
        this.topic = topic;
        this.mapping = mapping;
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<TaggedEvent, NoSplit> createReader(SourceReaderContext context) {
        return new InMemorySourceReader(topic, mapping, context);
    }

    @Override
    public SplitEnumerator<NoSplit, Void> createEnumerator(SplitEnumeratorContext<NoSplit> context) {
        return new NoSplitEnumerator();
    }

    @Override
    public SplitEnumerator<NoSplit, Void> restoreEnumerator(SplitEnumeratorContext<NoSplit> context, Void state) {
        return new NoSplitEnumerator();
    }

    @Override
    public SimpleVersionedSerializer<NoSplit> getSplitSerializer() {
        return new NothingSerializer<>();
    }

    @Override
    public SimpleVersionedSerializer<Void> getEnumeratorCheckpointSerializer() {
        return new NothingSerializer<>();
    }

    /** Has no splits to hand out and no state. */
    private static final class NoSplitEnumerator implements SplitEnumerator<NoSplit, Void> {
        @Override
        public void start() {
        }

        @Override
        public void handleSplitRequest(int subtaskId, String requesterHostname) {
        }

        @Override
        public void addSplitsBack(List<NoSplit> splits, int subtaskId) {
        }

        @Override
        public void addReader(int subtaskId) {
        }

        @Override
        public Void snapshotState(long checkpointId) {
            return null;
        }

        @Override
        public void close() {
        }
    }

    /** Serializes the nothing there is: no splits, no enumerator state. */
    private static final class NothingSerializer<T> implements SimpleVersionedSerializer<T> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(T nothing) {
            if (nothing != null) {
                throw new IllegalArgumentException("the inMemory source has no splits or state, but got " + nothing);
            }
            return new byte[0];
        }

        @Override
        public T deserialize(int version, byte[] serialized) {
            return null;
        }
    }
}
