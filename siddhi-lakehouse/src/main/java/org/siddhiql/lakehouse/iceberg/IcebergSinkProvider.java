package org.siddhiql.lakehouse.iceberg;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.datastream.DataStream;
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
        Map<String, String> options = new HashMap<>();
        spec.options().keySet().forEach(name -> options.put(name, spec.option(name)));
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
