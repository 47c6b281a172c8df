package org.siddhiql.connectors.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;

/**
 * Siddhi's default JSON sink mapping: one event is {@code {"event":{"symbol":"A","price":1.5}}}, attributes in schema
 * order, null as JSON null.
 */
public final class JsonEventWriter implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final JsonFactory JSON = new JsonFactory();

    private final String[] names;
    private final AttributeType[] types;

    public JsonEventWriter(StreamSchema schema) {
        this.names = schema.attributeNames().toArray(new String[0]);
        this.types = schema.typeArray();
    }

    public byte[] write(Object[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 16 * names.length);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            json.writeObjectFieldStart("event");
            for (int i = 0; i < names.length; i++) {
                json.writeFieldName(names[i]);
                write(json, data[i], types[i]);
            }
            json.writeEndObject();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
        return bytes.toByteArray();
    }

    private static void write(JsonGenerator json, Object value, AttributeType type) throws IOException {
        if (value == null) {
            json.writeNull();
            return;
        }
        switch (type) {
            case INT: json.writeNumber((Integer) value); break;
            case LONG: json.writeNumber((Long) value); break;
            case FLOAT: json.writeNumber((Float) value); break;
            case DOUBLE: json.writeNumber((Double) value); break;
            case BOOL: json.writeBoolean((Boolean) value); break;
            default: json.writeString(String.valueOf(value));
        }
    }
}
