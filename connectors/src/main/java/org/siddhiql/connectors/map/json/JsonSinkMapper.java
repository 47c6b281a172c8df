package org.siddhiql.connectors.map.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import org.siddhiql.compiler.connector.MapSpec;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.map.Template;
import org.siddhiql.connectors.map.TextRecordSinkMapper;

/**
 * Siddhi's JSON sink mapping. By default one event is {@code {"event":{"symbol":"A","price":1.5}}}, attributes in
 * schema order, null as JSON null. With {@code @payload("""{"s":"{{symbol}}","p":{{price}}}""")} the record is the
 * template with each placeholder replaced by its attribute's value: a string's characters escaped for a JSON string
 * (the template supplies the quotes), numbers and bools as JSON writes them, null as {@code null}.
 */
public final class JsonSinkMapper extends TextRecordSinkMapper {
    private static final long serialVersionUID = 1L;

    private static final JsonFactory JSON = new JsonFactory();

    private final String[] names;
    private final AttributeType[] types;
    private final Template template;

    public JsonSinkMapper(StreamSchema schema, MapSpec map) {
        this.names = schema.attributeNames().toArray(new String[0]);
        this.types = schema.typeArray();
        this.template = map.payloadTemplate() == null ? null : new Template(map.payloadTemplate(), schema);
    }

    @Override
    protected String text(Object[] data) {
        return template == null ? event(data) : template.fill(data, JsonSinkMapper::placeholderValue);
    }

    private static String placeholderValue(Object value) {
        return value instanceof String
                ? new String(JsonStringEncoder.getInstance().quoteAsString((String) value))
                : String.valueOf(value);
    }

    private String event(Object[] data) {
        StringWriter text = new StringWriter(64 + 16 * names.length);
        try (JsonGenerator json = JSON.createGenerator(text)) {
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
        return text.toString();
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
