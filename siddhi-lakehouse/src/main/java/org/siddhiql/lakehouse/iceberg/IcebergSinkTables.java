package org.siddhiql.lakehouse.iceberg;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.siddhiql.compiler.schema.StreamSchema;

/**
 * The table an iceberg sink writes, made ready when the job is built: created with its namespace from the stream
 * definition when absent, and given the stream's new attributes as optional columns when it exists.
 */
final class IcebergSinkTables {
    /** {@code bucket[16](symbol)}, {@code truncate[4](symbol)}; a bare attribute name is an identity partition. */
    private static final Pattern TRANSFORM = Pattern.compile("(bucket|truncate)\\[(\\d+)]\\((.*)\\)");

    private IcebergSinkTables() {
    }

    /**
     * Loads or creates the table.
     *
     * @param partitionBy the {@code partition.by} option, null for an unpartitioned table; applies when created
     * @param writeFormat the {@code write.format} option, null for Iceberg's default (Parquet)
     * @throws IllegalArgumentException when a column of an existing table has another type than the attribute of
     *     the same name
     */
    static Table prepare(Catalog catalog, TableIdentifier identifier, StreamSchema stream, List<String> primaryKey,
            String partitionBy, String writeFormat) {
        if (catalog instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(identifier.namespace())) {
            try {
                namespaces.createNamespace(identifier.namespace());
            } catch (AlreadyExistsException e) {
                // another sink of the app created it first
            }
        }
        if (!catalog.tableExists(identifier)) {
            Schema schema = IcebergSchemas.toIceberg(stream, Set.copyOf(primaryKey));
            Map<String, String> properties = writeFormat == null
                    ? Map.of(TableProperties.FORMAT_VERSION, "2")
                    : Map.of(TableProperties.FORMAT_VERSION, "2", TableProperties.DEFAULT_FILE_FORMAT, writeFormat);
            try {
                return catalog.createTable(identifier, schema, partitioning(schema, partitionBy), properties);
            } catch (AlreadyExistsException e) {
                // created meanwhile by another sink: evolve it like any existing table
            }
        }
        Table table = catalog.loadTable(identifier);
        addNewAttributes(table, stream);
        return table;
    }

    /** Adds the stream's attributes the table lacks as optional columns, after checking the shared ones' types. */
    private static void addNewAttributes(Table table, StreamSchema stream) {
        UpdateSchema update = table.updateSchema();
        boolean added = false;
        for (int i = 0; i < stream.size(); i++) {
            String name = stream.attributeName(i);
            Type type = IcebergSchemas.toIceberg(stream.attributeType(i), name);
            Types.NestedField column = table.schema().findField(name);
            if (column == null) {
                update.addColumn(name, type);
                added = true;
            } else if (!column.type().equals(type)) {
                throw new IllegalArgumentException("column '" + name + "' of Iceberg table " + table.name() + " is "
                        + column.type() + ", but attribute '" + name + "' of stream '" + stream.name() + "' is "
                        + stream.attributeType(i).name().toLowerCase(Locale.ROOT) + " (Iceberg " + type
                        + ")");
            }
        }
        if (added) {
            update.commit();
        }
    }

    /** The partition spec {@code partition.by} asks for; the compiler has checked its terms' attributes. */
    static PartitionSpec partitioning(Schema schema, String partitionBy) {
        if (partitionBy == null || partitionBy.isBlank()) {
            return PartitionSpec.unpartitioned();
        }
        PartitionSpec.Builder spec = PartitionSpec.builderFor(schema);
        for (String term : partitionBy.split(",")) {
            Matcher transform = TRANSFORM.matcher(term.trim());
            if (!transform.matches()) {
                spec.identity(term.trim());
            } else if (transform.group(1).equals("bucket")) {
                spec.bucket(transform.group(3).trim(), Integer.parseInt(transform.group(2)));
            } else {
                spec.truncate(transform.group(3).trim(), Integer.parseInt(transform.group(2)));
            }
        }
        return spec.build();
    }
}
