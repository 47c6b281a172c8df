package org.siddhiql.beam.runtime;

import java.util.List;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.values.Row;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.event.Event;

/** Beam rows for a stream's events: one nullable field per attribute, in definition order. */
public final class RowEvents {
    private RowEvents() {
    }

    /**
     * The Beam schema of a stream.
     *
     * @throws IllegalArgumentException for an {@code object} attribute, which has no Beam schema type
     */
    public static Schema schemaOf(StreamSchema stream) {
        Schema.Builder schema = Schema.builder();
        for (int i = 0; i < stream.size(); i++) {
            schema.addNullableField(stream.attributeName(i), fieldType(stream, i));
        }
        return schema.build();
    }

    private static Schema.FieldType fieldType(StreamSchema stream, int attribute) {
        AttributeType type = stream.attributeType(attribute);
        switch (type) {
            case STRING: return Schema.FieldType.STRING;
            case INT: return Schema.FieldType.INT32;
            case LONG: return Schema.FieldType.INT64;
            case FLOAT: return Schema.FieldType.FLOAT;
            case DOUBLE: return Schema.FieldType.DOUBLE;
            case BOOL: return Schema.FieldType.BOOLEAN;
            default:
                throw new IllegalArgumentException("attribute '" + stream.attributeName(attribute) + "' of stream '"
                        + stream.name() + "' is of type " + type.siddhiName()
                        + ", which has no Beam schema type; Beam rows carry string, int, long, float, double, bool");
        }
    }

    /** A row's values as an event at {@code timestamp}; the row has the stream's schema (Siddhi's Java types). */
    public static Event toEvent(Row row, long timestamp) {
        List<Object> values = row.getValues();
        return new Event(timestamp, values.toArray());
    }

    public static Row toRow(Event event, Schema schema) {
        return Row.withSchema(schema).addValues(event.data()).build();
    }
}
