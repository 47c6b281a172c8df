package org.siddhiql.connectors.map.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.siddhiql.compiler.connector.MapSpec;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.MappingException;
import org.siddhiql.connectors.map.Records;
import org.siddhiql.connectors.map.SourceMapper;
import org.siddhiql.connectors.map.Values;

/**
 * Siddhi's JSON source mapping. By default a record is one event {@code {"event":{"symbol":"A","price":1.5}}}, the
 * same without the {@code "event"} wrapper, or an array of either; attributes are found by name, other fields are
 * ignored. With {@code @attributes(symbol='$.s', ...)} each attribute is found by its JSONPath, evaluated on each
 * event (each element when the record is an array). With {@code enclosing.element='$.path'} the events are the
 * elements of the array at that path, or the object there.
 *
 * <p>Values must have the attribute's JSON type (an int attribute takes an integral number in range, a float or
 * double any number, a string attribute a string); JSON null is null. A missing attribute fails the record, or is
 * null with {@code fail.on.missing.attribute='false'}.
 */
public final class JsonSourceMapper implements SourceMapper {
    private static final long serialVersionUID = 1L;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Configuration JSON_PATH = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(JSON))
            .mappingProvider(new JacksonMappingProvider(JSON))
            .build();

    private final String[] names;
    private final AttributeType[] types;
    private final boolean failOnMissingAttribute;
    /** Each attribute's JSONPath, or null for the default mapping. */
    private final String[] paths;
    private final String enclosingElement;
    private transient JsonPath[] compiledPaths;
    private transient JsonPath compiledEnclosingElement;

    /** @throws IllegalArgumentException when a JSONPath is not one, with the path and the reason */
    public JsonSourceMapper(StreamSchema schema, MapSpec map) {
        this.names = schema.attributeNames().toArray(new String[0]);
        this.types = schema.typeArray();
        this.failOnMissingAttribute = !"false".equalsIgnoreCase(map.options().get("fail.on.missing.attribute"));
        Map<String, String> attributes = map.attributes();
        this.paths = attributes.isEmpty() ? null : schema.attributeNames().stream().map(attributes::get)
                .toArray(String[]::new);
        this.enclosingElement = map.options().get("enclosing.element");
        compile();
    }

    private void compile() {
        if (paths != null) {
            compiledPaths = new JsonPath[paths.length];
            for (int i = 0; i < paths.length; i++) {
                compiledPaths[i] = path(paths[i]);
            }
        }
        compiledEnclosingElement = enclosingElement == null ? null : path(enclosingElement);
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        compile();
    }

    private static JsonPath path(String path) {
        try {
            return JsonPath.compile(path);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("'" + path + "' is not a JSONPath: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Object[]> map(Object record) throws MappingException {
        JsonNode root = parse(record);
        if (compiledEnclosingElement != null) {
            try {
                root = compiledEnclosingElement.read(root, JSON_PATH);
            } catch (PathNotFoundException e) {
                throw new MappingException("the record has no enclosing element " + enclosingElement);
            }
            if (root == null || !root.isContainerNode()) {
                throw new MappingException("the enclosing element " + enclosingElement
                        + " is not an object or an array of events");
            }
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

    private static JsonNode parse(Object record) throws MappingException {
        JsonNode root;
        try {
            root = record instanceof byte[] ? JSON.readTree((byte[]) record) : JSON.readTree(Records.text(record));
        } catch (JsonProcessingException e) {
            throw new MappingException("not JSON at column " + e.getLocation().getColumnNr() + ": "
                    + Records.withoutLocation(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new MappingException("not JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw new MappingException("the record is empty");
        }
        return root;
    }

    private Object[] event(JsonNode node) throws MappingException {
        if (compiledPaths != null) {
            return byPaths(node);
        }
        JsonNode attributes = node.has("event") ? node.get("event") : node;
        if (!attributes.isObject()) {
            throw new MappingException("expected a JSON object of attributes, found " + attributes.getNodeType());
        }
        Object[] data = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            JsonNode value = attributes.get(names[i]);
            if (value == null) {
                missing(i, "");
                continue;
            }
            data[i] = value(value, i);
        }
        return data;
    }

    private Object[] byPaths(JsonNode node) throws MappingException {
        Object[] data = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            JsonNode value;
            try {
                value = compiledPaths[i].read(node, JSON_PATH);
            } catch (PathNotFoundException e) {
                missing(i, " at " + paths[i]);
                continue;
            }
            data[i] = value == null ? null : value(value, i);
        }
        return data;
    }

    private void missing(int attribute, String where) throws MappingException {
        if (failOnMissingAttribute) {
            throw new MappingException("attribute '" + names[attribute] + "' is missing" + where);
        }
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
                throw Values.unreadable(types[attribute], names[attribute]);
        }
        throw new MappingException("attribute '" + names[attribute] + "' is " + Values.name(types[attribute])
                + " but the record has " + value);
    }
}
