package org.siddhiql.lakehouse.delta;

import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import java.util.ArrayList;
import java.util.List;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;

/**
 * SiddhiQL attribute types and Delta column types: string - string, int - integer, long - long, float - float,
 * double - double, bool - boolean. Every column is nullable, as attributes may be null; {@code object} attributes
 * have no column type and are refused.
 */
public final class DeltaSchemas {
    private DeltaSchemas() {
    }

    public static StructType toDelta(StreamSchema stream) {
        StructType schema = new StructType();
        for (int i = 0; i < stream.size(); i++) {
            schema = schema.add(stream.attributeName(i), toDelta(stream.attributeType(i), stream.attributeName(i)),
                    true);
        }
        return schema;
    }

    public static DataType toDelta(AttributeType type, String attribute) {
        switch (type) {
            case STRING: return StringType.STRING;
            case INT: return IntegerType.INTEGER;
            case LONG: return LongType.LONG;
            case FLOAT: return FloatType.FLOAT;
            case DOUBLE: return DoubleType.DOUBLE;
            case BOOL: return BooleanType.BOOLEAN;
            default:
                throw new IllegalArgumentException("attribute '" + attribute + "' is of type object, which has no"
                        + " Delta column type");
        }
    }

    /**
     * The stream attributes a table's columns read as.
     *
     * @throws IllegalArgumentException naming the first column whose type SiddhiQL has no counterpart for
     */
    public static StreamSchema toSiddhi(String streamName, StructType schema) {
        List<String> names = new ArrayList<>();
        List<AttributeType> types = new ArrayList<>();
        for (StructField field : schema.fields()) {
            names.add(field.getName());
            types.add(toSiddhi(field));
        }
        return new StreamSchema(streamName, names, types);
    }

    private static AttributeType toSiddhi(StructField field) {
        DataType type = field.getDataType();
        if (type instanceof StringType) {
            return AttributeType.STRING;
        } else if (type instanceof IntegerType) {
            return AttributeType.INT;
        } else if (type instanceof LongType) {
            return AttributeType.LONG;
        } else if (type instanceof FloatType) {
            return AttributeType.FLOAT;
        } else if (type instanceof DoubleType) {
            return AttributeType.DOUBLE;
        } else if (type instanceof BooleanType) {
            return AttributeType.BOOL;
        }
        throw new IllegalArgumentException("column '" + field.getName() + "' is of Delta type " + type
                + ", which SiddhiQL has no attribute type for (string, integer, long, float, double, boolean)");
    }
}
