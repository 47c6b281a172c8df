package org.siddhiql.lakehouse.delta;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.typeinfo.BasicTypeInfo;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.connectors.spi.SinkProvider;
import org.siddhiql.runtime.event.Event;

/**
 * {@code @sink(type='delta', path='...', partition.by='a,b')}: appends a stream's events to a Delta table, exactly
 * once. Writers ({@link DeltaWriterOperator}, at the stream's parallelism) write Parquet files and hand them to one
 * committer ({@link DeltaCommitOperator}), which commits each checkpoint's files as one Delta transaction carrying
 * the app's name and the sink's uid as application id. The table is created from the stream's definition when
 * absent; an existing table must have the stream's columns and the sink's partitioning.
 */
public final class DeltaSinkProvider implements SinkProvider {
    /** The storage options the Kernel engine and the writers' file system take; the others are the sink's own. */
    @Override
    public String type() {
        return "delta";
    }

    @Override
    public void addSink(DataStream<Event> events, SinkSpec spec, AppPlan plan, String uid) {
        DeltaSinkSettings settings = settings(spec, plan, uid);
        checkExistingTable(settings, spec);
        StreamExecutionEnvironment env = events.getExecutionEnvironment();
        boolean checkpointing = env.getCheckpointConfig().isCheckpointingEnabled()
                && env.getConfiguration().get(ExecutionOptions.RUNTIME_MODE) != RuntimeExecutionMode.BATCH;
        String name = "delta sink " + spec.stream();
        events.transform(name + " writer", new DeltaDataFileTypeInfo(), new DeltaWriterOperator(settings))
                .uid(uid + "-writer")
                .setParallelism(events.getParallelism())
                .transform(name + " committer", BasicTypeInfo.VOID_TYPE_INFO,
                        new DeltaCommitOperator(settings, checkpointing))
                .uid(uid + "-committer")
                .setParallelism(1)
                .setMaxParallelism(1)
                .disableChaining(); // its own thread: a commit must not hold up the writer and the queries
    }

    static DeltaSinkSettings settings(SinkSpec spec, AppPlan plan, String uid) {
        Map<String, String> storage = DeltaEngines.storageOptions(spec.resolvedOptions());
        String partitionBy = spec.option("partition.by");
        List<String> partitionColumns = partitionBy == null ? List.of()
                : Arrays.stream(partitionBy.split(",")).map(String::strip).toList();
        return new DeltaSinkSettings(absolute(spec.option("path")), storage, plan.stream(spec.stream()),
                partitionColumns, plan.name() + "-" + uid);
    }

    /** A relative local path is relative to where the app is submitted, not to where its tasks run. */
    private static String absolute(String path) {
        return path.matches("[A-Za-z][A-Za-z0-9+.-]+:.*") ? path : Path.of(path).toAbsolutePath().toString();
    }

    /** An existing table that does not fit fails the app now, where its @sink is, rather than its job later. */
    private static void checkExistingTable(DeltaSinkSettings settings, SinkSpec spec) {
        DeltaTableCommitter committer = new DeltaTableCommitter(DeltaEngines.create(settings.options()), settings);
        try {
            committer.latest().ifPresent(committer::checkLayout);
        } catch (IllegalArgumentException e) {
            throw new CompileException(spec.line(), spec.column(), "@sink of stream '" + spec.stream()
                    + "' (type 'delta'): " + e.getMessage());
        }
    }
}
