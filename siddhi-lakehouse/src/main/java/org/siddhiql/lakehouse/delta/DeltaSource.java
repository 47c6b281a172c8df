package org.siddhiql.lakehouse.delta;

import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.Optional;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.lakehouse.AsOf;

/**
 * {@code @source(type='delta')}: a Delta table's rows as events of a stream, through Delta Kernel. A FLIP-27 source
 * with one split, the table, read by one reader ({@link DeltaSourceReader}): first one version whole (the latest, or
 * {@code version.as.of} / {@code timestamp.as.of}); bounded, it ends there; streaming, it then reads each later
 * version's added files as their commits appear. The split carries the position (version, file, row), so a job
 * restored from a checkpoint neither skips nor repeats a row: exactly once into the app's state.
 */
public final class DeltaSource implements Source<TaggedEvent, DeltaSplit, Optional<DeltaSplit>> {
    private static final long serialVersionUID = 1L;

    /**
     * What the reader needs, all serializable.
     *
     * @param path the table's path or URI
     * @param storage the storage options ({@link DeltaEngines}), references resolved
     * @param version the version to start at, or null
     * @param timestamp the instant whose version to start at, or null (latest when both are null)
     * @param bounded whether to stop after the first version
     * @param monitorIntervalMillis how often a streaming source looks for new versions
     * @param stream the stream the rows become events of; columns are matched to attributes by name
     */
    record Settings(String path, HashMap<String, String> storage, Long version, Instant timestamp, boolean bounded,
            long monitorIntervalMillis, StreamSchema stream, int streamIndex) implements Serializable {
        AsOf start() {
            return version != null ? AsOf.version(version) : timestamp != null ? AsOf.timestamp(timestamp)
                    : AsOf.latest();
        }
    }

    private final Settings settings;

    DeltaSource(Settings settings) {
        this.settings = settings;
    }

    @Override
    public Boundedness getBoundedness() {
        return settings.bounded() ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<TaggedEvent, DeltaSplit> createReader(SourceReaderContext context) {
        return new DeltaSourceReader(settings);
    }

    @Override
    public SplitEnumerator<DeltaSplit, Optional<DeltaSplit>> createEnumerator(
            SplitEnumeratorContext<DeltaSplit> context) {
        return new DeltaSplitEnumerator(context, settings.bounded(), DeltaSplit.START);
    }

    @Override
    public SplitEnumerator<DeltaSplit, Optional<DeltaSplit>> restoreEnumerator(
            SplitEnumeratorContext<DeltaSplit> context, Optional<DeltaSplit> unassigned) {
        return new DeltaSplitEnumerator(context, settings.bounded(), unassigned.orElse(null));
    }

    @Override
    public SimpleVersionedSerializer<DeltaSplit> getSplitSerializer() {
        return new DeltaSplit.Serializer();
    }

    @Override
    public SimpleVersionedSerializer<Optional<DeltaSplit>> getEnumeratorCheckpointSerializer() {
        return new DeltaSplitEnumerator.StateSerializer();
    }
}
