package org.siddhiql.lakehouse.iceberg;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;

/**
 * SiddhiQL attribute types and Iceberg column types:
 *
 * <table>
 *   <tr><th>SiddhiQL</th><th>Iceberg</th></tr>
 *   <tr><td>string</td><td>string</td></tr>
 *   <tr><td>int</td><td>int</td></tr>
 *   <tr><td>long</td><td>long</td></tr>
 *   <tr><td>float</td><td>float</td></tr>
 *   <tr><td>double</td><td>double</td></tr>
 *   <tr><td>bool</td><td>boolean</td></tr>
 * </table>
 *
 * <p>Columns are optional (SiddhiQL attributes may be null) except identifier (primary key) columns, which Iceberg
 * requires to be non-null. {@code object} attributes have no column type and are refused.
 */
public final class IcebergSchemas {
    private IcebergSchemas() {
    }

    /** The table schema for a stream's attributes; {@code primaryKey} names its identifier columns. */
    public static Schema toIceberg(StreamSchema stream, Set<String> primaryKey) {
        List<Types.NestedField> fields = new ArrayList<>();
        Set<Integer> identifiers = new java.util.HashSet<>();
        for (int i = 0; i < stream.size(); i++) {
            String name = stream.attributeName(i);
            int id = i + 1;
            Type type = toIceberg(stream.attributeType(i), name);
            boolean key = primaryKey.contains(name);
            fields.add(key ? Types.NestedField.required(id, name, type) : Types.NestedField.optional(id, name, type));
            if (key) {
                identifiers.add(id);
            }
        }
        return new Schema(fields, identifiers);
    }

    public static Type toIceberg(AttributeType type, String attribute) {
        switch (type) {
            case STRING: return Types.StringType.get();
            case INT: return Types.IntegerType.get();
            case LONG: return Types.LongType.get();
            case FLOAT: return Types.FloatType.get();
            case DOUBLE: return Types.DoubleType.get();
            case BOOL: return Types.BooleanType.get();
            default:
                throw new IllegalArgumentException("attribute '" + attribute + "' is of type object, which has no"
                        + " Iceberg column type");
        }
    }

    /**
     * The stream attributes a table's columns read as.
     *
     * @throws IllegalArgumentException naming the first column whose type SiddhiQL has no counterpart for
     */
    public static StreamSchema toSiddhi(String streamName, Schema schema) {
        List<String> names = new ArrayList<>();
        List<AttributeType> types = new ArrayList<>();
        for (Types.NestedField field : schema.columns()) {
            names.add(field.name());
            types.add(toSiddhi(field));
        }
        return new StreamSchema(streamName, names, types);
    }

    private static AttributeType toSiddhi(Types.NestedField field) {
        switch (field.type().typeId()) {
            case STRING: return AttributeType.STRING;
            case INTEGER: return AttributeType.INT;
            case LONG: return AttributeType.LONG;
            case FLOAT: return AttributeType.FLOAT;
            case DOUBLE: return AttributeType.DOUBLE;
            case BOOLEAN: return AttributeType.BOOL;
            default:
                throw new IllegalArgumentException("column '" + field.name() + "' is of Iceberg type " + field.type()
                        + ", which SiddhiQL has no attribute type for (string, int, long, float, double, boolean)");
        }
    }
}
