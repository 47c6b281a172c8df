package org.siddhiql.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.lakehouse.iceberg.IcebergSchemas;

/**
 * Lands the events of an events file (FORMAT.md) in Iceberg tables, one per stream ({@code db.<stream>}, lower case),
 * through Iceberg's generic writer, in several commits: what a live run's inputs look like once archived.
 */
final class EventTables {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Catalog catalog;
    private final AppPlan plan;
    private final Map<String, Table> tables = new LinkedHashMap<>();

    EventTables(Catalog catalog, AppPlan plan) {
        this.catalog = catalog;
        this.plan = plan;
    }

    static String tableName(String stream) {
        return "db." + stream.toLowerCase(Locale.ROOT);
    }

    /** The lines of an events file, in file order. */
    static List<JsonNode> read(Path events) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(events)) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    /**
     * Commits {@code events} as one data file per stream, its rows in reverse order so that a replay cannot rely on
     * the table's row order being time order.
     *
     * @return the snapshot id of each stream's table after the commit
     */
    Map<String, Long> commit(List<JsonNode> events) throws IOException {
        Map<String, List<JsonNode>> byStream = new LinkedHashMap<>();
        for (JsonNode event : events) {
            byStream.computeIfAbsent(event.get("stream").asText(), s -> new ArrayList<>()).add(0, event);
        }
        for (Map.Entry<String, List<JsonNode>> stream : byStream.entrySet()) {
            Table table = table(stream.getKey());
            append(table, plan.stream(stream.getKey()), stream.getValue());
        }
        Map<String, Long> snapshots = new LinkedHashMap<>();
        tables.forEach((stream, table) -> snapshots.put(stream, table.currentSnapshot().snapshotId()));
        return snapshots;
    }

    private Table table(String stream) {
        return tables.computeIfAbsent(stream, s -> catalog.createTable(TableIdentifier.parse(tableName(s)),
                IcebergSchemas.toIceberg(plan.stream(s), Set.of()), PartitionSpec.unpartitioned()));
    }

    private static void append(Table table, StreamSchema schema, List<JsonNode> events) throws IOException {
        OutputFile out = table.io().newOutputFile(table.locationProvider().newDataLocation(
                FileFormat.PARQUET.addExtension(java.util.UUID.randomUUID().toString())));
        DataWriter<Record> writer = new GenericAppenderFactory(table.schema())
                .newDataWriter(table.encryption().encrypt(out), FileFormat.PARQUET, null);
        try (writer) {
            for (JsonNode event : events) {
                Record record = GenericRecord.create(table.schema());
                JsonNode data = event.get("data");
                for (int i = 0; i < schema.size(); i++) {
                    record.set(i, value(data.get(i), schema, i));
                }
                writer.write(record);
            }
        }
        DataFile file = writer.toDataFile();
        table.newAppend().appendFile(file).commit();
    }

    static Object value(JsonNode node, StreamSchema schema, int index) {
        if (node.isNull()) {
            return null;
        }
        switch (schema.attributeType(index)) {
            case STRING: return node.asText();
            case INT: return node.asInt();
            case LONG: return node.asLong();
            case FLOAT: return node.floatValue();
            case DOUBLE: return node.asDouble();
            case BOOL: return node.asBoolean();
            default: throw new IllegalArgumentException("no column type for " + schema.attributeName(index));
        }
    }
}
