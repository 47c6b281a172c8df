package org.siddhiql.lakehouse.iceberg;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.flink.CatalogLoader;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.source.IcebergSource;
import org.apache.iceberg.flink.source.StreamingStartingStrategy;
import org.apache.iceberg.types.Types;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.connector.SourceSpec;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.spi.SourceProvider;
import org.siddhiql.lakehouse.AsOf;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.flink.typeutils.TaggedEventTypeInfo;

/**
 * {@code @source(type='iceberg')}: the rows of an Iceberg table as events, read with Iceberg's own Flink source (the
 * FLIP-27 {@link IcebergSource}, whose split positions are in Flink's checkpoints). Each of the stream's attributes
 * reads the table column of its name, which must have the attribute's type ({@link IcebergSchemas}); other columns
 * are not read. In mode {@code batch} it reads one snapshot and ends; in mode {@code streaming} it reads the rows each
 * new (append) snapshot adds. The app's scan filter ({@link SourceSpec#scanFilter}) lets Iceberg skip files and row
 * groups by their statistics.
 */
public final class IcebergSourceProvider implements SourceProvider {
    @Override
    public String type() {
        return "iceberg";
    }

    @Override
    public DataStream<TaggedEvent> addSource(StreamExecutionEnvironment env, SourceSpec spec, AppPlan plan,
            int streamIndex, TaggedEventTypeInfo type, String uid) {
        Map<String, String> options = spec.resolvedOptions();
        StreamSchema stream = plan.stream(spec.stream());
        String what = "@source of stream '" + spec.stream() + "'";
        CatalogLoader catalog;
        try {
            catalog = IcebergCatalogs.loader(options);
        } catch (IllegalArgumentException e) {
            throw new CompileException(spec.line(), spec.column(), what + ": " + e.getMessage());
        }
        TableIdentifier identifier = TableIdentifier.parse(options.get("table"));
        Schema projection = projection(stream, tableSchema(options, what, spec), identifier, what, spec);

        IcebergSource.Builder<TaggedEvent> source = IcebergSource
                .forOutputType(new RowDataToEvent(stream.typeArray(), streamIndex, type))
                .tableLoader(TableLoader.fromCatalog(catalog, identifier))
                .project(projection);
        if (spec.scanFilter() != null) {
            source.filters(List.of(IcebergScanFilter.of(spec.scanFilter())));
        }
        boolean streaming = "streaming".equalsIgnoreCase(options.get("mode"));
        source.streaming(streaming);
        if (options.containsKey("branch")) {
            source.branch(options.get("branch"));
        }
        if (streaming) {
            if (options.containsKey("monitor.interval")) {
                source.monitorInterval(Duration.ofMillis(Long.parseLong(options.get("monitor.interval"))));
            }
            if (options.containsKey("start.snapshot.id")) {
                source.streamingStartingStrategy(StreamingStartingStrategy.INCREMENTAL_FROM_SNAPSHOT_ID)
                        .startSnapshotId(Long.parseLong(options.get("start.snapshot.id")));
            }
        } else if (options.containsKey("snapshot.id")) {
            source.useSnapshotId(Long.parseLong(options.get("snapshot.id")));
        } else if (options.containsKey("as.of.timestamp")) {
            source.asOfTimestamp(epochMillis(options.get("as.of.timestamp")));
        } else if (options.containsKey("tag")) {
            source.tag(options.get("tag"));
        }
        return env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "iceberg source " + spec.stream(),
                        type)
                .setParallelism(1)
                .uid(uid);
    }

    /** {@code as.of.timestamp}: an ISO-8601 instant or milliseconds since the epoch (checked by the compiler). */
    static long epochMillis(String value) {
        return value.matches("\\d+") ? Long.parseLong(value) : Instant.parse(value).toEpochMilli();
    }

    /**
     * The table's current schema, once the snapshot the options name is known to exist: a wrong id, tag or time is
     * reported here, at the annotation, rather than by a failing job.
     */
    private static Schema tableSchema(Map<String, String> options, String what, SourceSpec spec) {
        try (IcebergTable table = IcebergTable.open(options.get("table"), options)) {
            AsOf asOf = snapshotChoice(options);
            if (asOf != null) {
                table.resolve(asOf);
            }
            return table.table().schema();
        } catch (IllegalArgumentException e) {
            throw new CompileException(spec.line(), spec.column(), what + ": " + e.getMessage());
        }
    }

    /** The snapshot the options name, the first of a batch read or of a streaming one; null for none. */
    private static AsOf snapshotChoice(Map<String, String> options) {
        for (String option : List.of("snapshot.id", "start.snapshot.id")) {
            if (options.containsKey(option)) {
                return AsOf.version(Long.parseLong(options.get(option)));
            }
        }
        if (options.containsKey("as.of.timestamp")) {
            return AsOf.timestamp(Instant.ofEpochMilli(epochMillis(options.get("as.of.timestamp"))));
        }
        String reference = options.getOrDefault("tag", options.get("branch"));
        return reference == null ? null : AsOf.reference(reference);
    }

    private static String readAs(Types.NestedField field) {
        try {
            return ": declare the attribute as "
                    + lowerCase(IcebergSchemas.toSiddhi("column", new Schema(field)).attributeType(0));
        } catch (IllegalArgumentException e) {
            return ", which SiddhiQL has no attribute type for";
        }
    }

    private static String lowerCase(AttributeType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    /**
     * The table's columns the stream's attributes read, in attribute order.
     *
     * @throws CompileException naming the first attribute without a column of its type
     */
    static Schema projection(StreamSchema stream, Schema table, TableIdentifier identifier, String what,
            SourceSpec spec) {
        List<Types.NestedField> fields = new ArrayList<>();
        for (int i = 0; i < stream.size(); i++) {
            String name = stream.attributeName(i);
            AttributeType type = stream.attributeType(i);
            Types.NestedField field = table.findField(name);
            if (field == null) {
                throw new CompileException(spec.line(), spec.column(), what + ": attribute '" + name + "' is not a"
                        + " column of Iceberg table '" + identifier + "', which has " + table.columns().stream()
                        .map(Types.NestedField::name).collect(Collectors.joining(", ")));
            }
            boolean sameType = type != AttributeType.OBJECT
                    && field.type().equals(IcebergSchemas.toIceberg(type, name));
            if (!sameType) {
                throw new CompileException(spec.line(), spec.column(), what + ": attribute '" + name + "' is "
                        + lowerCase(type) + " but column '" + name + "' of Iceberg table '" + identifier + "' is "
                        + field.type() + readAs(field));
            }
            fields.add(field);
        }
        return new Schema(fields);
    }
}
