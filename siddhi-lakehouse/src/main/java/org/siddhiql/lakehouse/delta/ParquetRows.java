package org.siddhiql.lakehouse.delta;

import java.util.HashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;

/**
 * Writes the data columns of events as Parquet records, by the types Delta readers expect of the table's columns
 * (see {@link DeltaSchemas}): string as UTF-8 binary, int as int32, long as int64, float, double, bool as boolean;
 * every column optional, a null value a missing field. Columns are matched by name, as in a table without column
 * mapping.
 */
final class ParquetRows extends WriteSupport<Object[]> {
    private final MessageType schema;
    private final AttributeType[] types;
    private final int[] indexes;
    private RecordConsumer consumer;

    /** @param indexes the positions, among the stream's attributes, of the columns written */
    ParquetRows(StreamSchema stream, int[] indexes) {
        this.indexes = indexes.clone();
        this.types = new AttributeType[indexes.length];
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (int i = 0; i < indexes.length; i++) {
            types[i] = stream.attributeType(indexes[i]);
            message.addField(column(stream.attributeName(indexes[i]), types[i]));
        }
        this.schema = message.named("siddhi_event");
    }

    private static Type column(String name, AttributeType type) {
        switch (type) {
            case STRING:
                return Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
            case INT: return Types.optional(PrimitiveTypeName.INT32).named(name);
            case LONG: return Types.optional(PrimitiveTypeName.INT64).named(name);
            case FLOAT: return Types.optional(PrimitiveTypeName.FLOAT).named(name);
            case DOUBLE: return Types.optional(PrimitiveTypeName.DOUBLE).named(name);
            case BOOL: return Types.optional(PrimitiveTypeName.BOOLEAN).named(name);
            default:
                throw new IllegalArgumentException("attribute '" + name + "' is of type object, which has no Delta"
                        + " column type");
        }
    }

    @Override
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, new HashMap<>());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    /** Writes the data columns of {@code values}, an event's attribute values. */
    @Override
    public void write(Object[] values) {
        consumer.startMessage();
        for (int i = 0; i < indexes.length; i++) {
            Object value = values[indexes[i]];
            if (value == null) {
                continue;
            }
            String name = schema.getFieldName(i);
            consumer.startField(name, i);
            switch (types[i]) {
                case STRING: consumer.addBinary(Binary.fromString((String) value)); break;
                case INT: consumer.addInteger((Integer) value); break;
                case LONG: consumer.addLong((Long) value); break;
                case FLOAT: consumer.addFloat((Float) value); break;
                case DOUBLE: consumer.addDouble((Double) value); break;
                case BOOL: consumer.addBoolean((Boolean) value); break;
                default: throw new IllegalStateException("no Parquet type for " + types[i]);
            }
            consumer.endField(name, i);
        }
        consumer.endMessage();
    }
}
