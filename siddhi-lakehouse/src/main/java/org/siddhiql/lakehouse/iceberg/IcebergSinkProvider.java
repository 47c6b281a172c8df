package org.siddhiql.lakehouse.iceberg;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.transformations.LegacySourceTransformation;
import org.apache.flink.streaming.api.transformations.SourceTransformation;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.flink.FlinkWriteOptions;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.sink.IcebergSink;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.spi.SinkProvider;
import org.siddhiql.runtime.event.Event;

/**
 * {@code @sink(type='iceberg')}: a stream's events appended to an Iceberg table, or upserted by the stream's (or the
 * table's) primary key, through Iceberg's own Flink sink, which commits the files written since the last checkpoint
 * when that checkpoint completes, and on recovery skips checkpoints the table already holds: exactly once.
 *
 * <p>Iceberg's {@link IcebergSink} (Flink's Sink V2) rather than the older {@code FlinkSink}: its write results travel
 * between writer and committer with Iceberg's own serializers, where {@code FlinkSink}'s fall back to Kryo, which
 * the app's jobs refuse ({@code disableGenericTypes}); and its committer is Flink's, whose restore path is the one
 * every other Sink V2 connector (Kafka's, the file sink's) shares.
 *
 * <p>Upserts: the sink routes rows to its writers by key, so the last row of a key wins as long as that key's rows reach
 * it in order: always at parallelism 1, and at more when the query producing the stream is keyed by that key (a
 * group-by or partition on it), as then one subtask emits all of them.
 */
public final class IcebergSinkProvider implements SinkProvider {
    @Override
    public String type() {
        return "iceberg";
    }

    @Override
    public void addSink(DataStream<Event> events, SinkSpec spec, AppPlan plan, String uid) {
        if (endsBeforeItsLastCommit(events)) {
            throw new CompileException(spec.line(), spec.column(), "@sink of stream '" + spec.stream() + "' (type"
                    + " 'iceberg'): its input is bounded and the job checkpoints, and then Iceberg's Flink sink"
                    + " leaves the rows after the last checkpoint uncommitted when the input ends; read the input"
                    + " as a stream (such as a watched directory, dir.polling.interval) or replay it in batch");
        }
        Map<String, String> options = spec.resolvedOptions();
        StreamSchema stream = plan.stream(spec.stream());
        TableIdentifier identifier = TableIdentifier.parse(options.get("table"));
        CatalogLoader catalogLoader;
        try {
            catalogLoader = IcebergCatalogs.loader(options);
        } catch (IllegalArgumentException e) {
            throw error(spec, e);
        }
        Catalog catalog = catalogLoader.loadCatalog();
        try {
            Table table = IcebergSinkTables.prepare(catalog, identifier, stream, spec.primaryKey(),
                    options.get("partition.by"), options.get("write.format"));
            List<String> key = spec.primaryKey().isEmpty()
                    ? new ArrayList<>(table.schema().identifierFieldNames())
                    : spec.primaryKey();
            DataStream<RowData> rows = events
                    .map(new EventRows(stream, table.schema()))
                    .returns(InternalTypeInfo.of(FlinkSchemaUtil.convert(table.schema())))
                    .name("rows of " + identifier)
                    .uid(uid + "-rows")
                    .setParallelism(events.getParallelism());
            IcebergSink.Builder sink = IcebergSink.forRowData(rows)
                    .tableLoader(TableLoader.fromCatalog(catalogLoader, identifier))
                    .table(table)
                    .uidSuffix(uid);
            if (options.get("write.format") != null) {
                sink.set(FlinkWriteOptions.WRITE_FORMAT.key(), options.get("write.format"));
            }
            if (!key.isEmpty()) {
                sink.upsert(true).equalityFieldColumns(key);
            }
            sink.append();
        } catch (IllegalArgumentException | IllegalStateException e) {
            // ours (a column of another type) or Iceberg's (such as a partition column outside the upsert key)
            throw error(spec, e);
        } finally {
            close(catalog);
        }
    }

    /**
     * Whether the job streams with checkpoints and every source upstream of {@code events} is bounded. Iceberg 1.11's
     * sink then loses the last rows: when its input ends, its commit aggregator labels them for checkpoint
     * {@code Long.MAX_VALUE}, which Flink 1.20's committer commits only without checkpoints or in BATCH mode, where
     * Flink's own writers label them for the final checkpoint. Without checkpoints (a bounded test job) or in BATCH
     * mode (a replay) every row is committed when the input ends.
     */
    private static boolean endsBeforeItsLastCommit(DataStream<Event> events) {
        StreamExecutionEnvironment env = events.getExecutionEnvironment();
        if (!env.getCheckpointConfig().isCheckpointingEnabled()
                || env.getConfiguration().get(ExecutionOptions.RUNTIME_MODE) != RuntimeExecutionMode.STREAMING) {
            return false;
        }
        for (Transformation<?> upstream : events.getTransformation().getTransitivePredecessors()) {
            if (upstream instanceof SourceTransformation<?, ?, ?> source
                    && source.getBoundedness() == Boundedness.CONTINUOUS_UNBOUNDED
                    || upstream instanceof LegacySourceTransformation<?> legacy
                    && legacy.getBoundedness() == Boundedness.CONTINUOUS_UNBOUNDED) {
                return false;
            }
        }
        return true;
    }

    private static CompileException error(SinkSpec spec, RuntimeException e) {
        return new CompileException(spec.line(), spec.column(), "@sink of stream '" + spec.stream() + "' (type"
                + " 'iceberg', table '" + spec.option("table") + "'): " + e.getMessage());
    }

    private static void close(Catalog catalog) {
        if (catalog instanceof Closeable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
