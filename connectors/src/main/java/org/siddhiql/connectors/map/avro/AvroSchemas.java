package org.siddhiql.connectors.map.avro;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.JsonProperties;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.map.Values;

/** Avro record schemas of streams: parsed from {@code schema.def}, checked against a stream, or derived from one. */
final class AvroSchemas {
    /** The Avro types an attribute can be read from, without losing information. */
    private static final Map<AttributeType, Set<Schema.Type>> READABLE = Map.of(
            AttributeType.STRING, Set.of(Schema.Type.STRING, Schema.Type.ENUM),
            AttributeType.INT, Set.of(Schema.Type.INT),
            AttributeType.LONG, Set.of(Schema.Type.LONG, Schema.Type.INT),
            AttributeType.FLOAT, Set.of(Schema.Type.FLOAT),
            AttributeType.DOUBLE, Set.of(Schema.Type.DOUBLE, Schema.Type.FLOAT),
            AttributeType.BOOL, Set.of(Schema.Type.BOOLEAN));
    /** The Avro type each attribute type is written as. */
    private static final Map<AttributeType, Schema.Type> WRITTEN = Map.of(
            AttributeType.STRING, Schema.Type.STRING,
            AttributeType.INT, Schema.Type.INT,
            AttributeType.LONG, Schema.Type.LONG,
            AttributeType.FLOAT, Schema.Type.FLOAT,
            AttributeType.DOUBLE, Schema.Type.DOUBLE,
            AttributeType.BOOL, Schema.Type.BOOLEAN);

    private AvroSchemas() {
    }

    /** @throws IllegalArgumentException when {@code definition} is not an Avro record schema */
    static Schema parse(String definition) {
        Schema schema;
        try {
            schema = new Schema.Parser().parse(definition);
        } catch (SchemaParseException e) {
            throw new IllegalArgumentException("schema.def is not an Avro schema: " + e.getMessage(), e);
        }
        if (schema.getType() != Schema.Type.RECORD) {
            throw new IllegalArgumentException("schema.def is an Avro " + schema.getType().getName()
                    + " schema, not a record's");
        }
        return schema;
    }

    /** Checks that each attribute of {@code stream} is a field of {@code schema} it can be read from. */
    static void checkReadable(Schema schema, StreamSchema stream) {
        for (int i = 0; i < stream.size(); i++) {
            String name = stream.attributeName(i);
            AttributeType type = stream.attributeType(i);
            Schema.Field field = schema.getField(name);
            if (field == null) {
                throw new IllegalArgumentException("schema.def has no field '" + name + "' for attribute '" + name
                        + "'");
            }
            Schema.Type fieldType = nonNull(field.schema(), name);
            if (!READABLE.getOrDefault(type, Set.of()).contains(fieldType)) {
                throw new IllegalArgumentException("schema.def has field '" + name + "' of type "
                        + fieldType.getName() + ", which attribute '" + name + "' of type " + Values.name(type)
                        + " cannot be read from");
            }
        }
    }

    /** Checks that each field of {@code schema} is an attribute of {@code stream} of the field's type. */
    static void checkWritable(Schema schema, StreamSchema stream) {
        for (Schema.Field field : schema.getFields()) {
            int attribute = stream.indexOf(field.name());
            if (attribute < 0) {
                throw new IllegalArgumentException("schema.def has field '" + field.name()
                        + "', which is not an attribute of stream '" + stream.name() + "'");
            }
            AttributeType type = stream.attributeType(attribute);
            Schema.Type fieldType = nonNull(field.schema(), field.name());
            if (WRITTEN.get(type) != fieldType) {
                throw new IllegalArgumentException("schema.def has field '" + field.name() + "' of type "
                        + fieldType.getName() + " but attribute '" + field.name() + "' is " + Values.name(type));
            }
        }
    }

    /** A record named after the stream, a nullable field per attribute: Siddhi's schema when none is given. */
    static Schema of(StreamSchema stream) {
        List<Schema.Field> fields = new ArrayList<>();
        for (int i = 0; i < stream.size(); i++) {
            AttributeType type = stream.attributeType(i);
            if (!WRITTEN.containsKey(type)) {
                throw new IllegalArgumentException("attribute '" + stream.attributeName(i) + "' of type "
                        + Values.name(type) + " has no Avro type");
            }
            fields.add(new Schema.Field(stream.attributeName(i), Schema.createUnion(
                    Schema.create(Schema.Type.NULL), Schema.create(WRITTEN.get(type))), null,
                    JsonProperties.NULL_VALUE));
        }
        return Schema.createRecord(stream.name(), null, null, false, fields);
    }

    /** The type of a field, or of the one non-null branch of a union with null. */
    private static Schema.Type nonNull(Schema schema, String field) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema.getType();
        }
        List<Schema> branches = schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
        if (branches.size() != 1) {
            throw new IllegalArgumentException("schema.def has field '" + field + "' of a union with more than"
                    + " one type besides null");
        }
        return branches.get(0).getType();
    }
}
