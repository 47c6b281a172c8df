package org.siddhiql.connectors.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.siddhiql.compiler.connector.MapSpec;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.MappingException;

/**
 * Siddhi's default JSON source mapping: a record is one event {@code {"event":{"symbol":"A","price":1.5}}}, the same
 * without the {@code "event"} wrapper, or an array of either; attributes are found by name, other fields are ignored.
 * Values must have the attribute's JSON type (an int attribute takes an integral number in range, a string attribute a
 * string); JSON null is null. A missing attribute fails the record, or is null with
 * {@code fail.on.missing.attribute='false'}.
 */
public final class JsonEventReader implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String[] names;
    private final AttributeType[] types;
    private final boolean failOnMissingAttribute;

    public JsonEventReader(StreamSchema schema, MapSpec map) {
        this.names = schema.attributeNames().toArray(new String[0]);
        this.types = schema.typeArray();
        this.failOnMissingAttribute = !"false".equalsIgnoreCase(map.options().get("fail.on.missing.attribute"));
    }

    /** The attribute values of each event in the record, in schema order. */
    public List<Object[]> read(byte[] record) throws MappingException {
        if (record == null) {
            throw new MappingException("the record has no value");
        }
        JsonNode root;
        try {
            root = JSON.readTree(record);
        } catch (JsonProcessingException e) {
            throw new MappingException("not JSON at column " + e.getLocation().getColumnNr() + ": "
                    + withoutLocation(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new MappingException("not JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new MappingException("the record is empty");
        }
        List<Object[]> events = new ArrayList<>();
        if (root.isArray()) {
            for (JsonNode element : root) {
                events.add(event(element));
            }
        } else {
            events.add(event(root));
        }
        return events;
    }

    /** Jackson's message without its own location, which names a redacted source. */
    private static String withoutLocation(String message) {
        int location = message.indexOf(" (start marker at");
        return location < 0 ? message : message.substring(0, location);
    }

    private Object[] event(JsonNode node) throws MappingException {
        JsonNode attributes = node.has("event") ? node.get("event") : node;
        if (!attributes.isObject()) {
            throw new MappingException("expected a JSON object of attributes, found " + attributes.getNodeType());
        }
        Object[] data = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            JsonNode value = attributes.get(names[i]);
            if (value == null) {
                if (failOnMissingAttribute) {
                    throw new MappingException("attribute '" + names[i] + "' is missing");
                }
                continue;
            }
            data[i] = value(value, i);
        }
        return data;
    }

    private Object value(JsonNode value, int attribute) throws MappingException {
        if (value.isNull()) {
            return null;
        }
        switch (types[attribute]) {
            case STRING:
                if (value.isTextual()) {
                    return value.textValue();
                }
                break;
            case INT:
                if (value.isIntegralNumber() && value.canConvertToInt()) {
                    return value.intValue();
                }
                break;
            case LONG:
                if (value.isIntegralNumber() && value.canConvertToLong()) {
                    return value.longValue();
                }
                break;
            case FLOAT:
                if (value.isNumber()) {
                    return value.floatValue();
                }
                break;
            case DOUBLE:
                if (value.isNumber()) {
                    return value.doubleValue();
                }
                break;
            case BOOL:
                if (value.isBoolean()) {
                    return value.booleanValue();
                }
                break;
            default:
                throw new MappingException("attribute '" + names[attribute] + "' of type "
                        + types[attribute].name().toLowerCase(java.util.Locale.ROOT) + " cannot be read from JSON");
        }
        throw new MappingException("attribute '" + names[attribute] + "' is "
                + types[attribute].name().toLowerCase(java.util.Locale.ROOT) + " but the record has " + value);
    }
}
