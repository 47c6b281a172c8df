package org.siddhiql.connectors.map.keyvalue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Siddhi's key-value source mapping: a record is a {@link Map} of keys to values, one event. By default each
 * attribute is the value of the key of its name; {@code @attributes(symbol='s', ...)} names other keys. Values are
 * checked against their attributes' types as {@link Values#convert} does; other keys are ignored. A missing key fails
 * the record, or is null with {@code fail.on.missing.attribute='false'}.
 *
 * <p>Siddhi passes the map as an object, which the inMemory connector does. Over bytes (Kafka, files, HTTP) a record
 * is the map written as one flat JSON object, {@code {"s":"IBM","p":75.5}}: its values JSON's strings, numbers, bools
 * and null, which the key-value sink mapper writes.
 */
public final class KeyValueSourceMapper implements SourceMapper {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String[] names;
    private final AttributeType[] types;
    private final String[] keys;
    private final boolean failOnMissingAttribute;

    public KeyValueSourceMapper(StreamSchema schema, MapSpec map) {
        this.names = schema.attributeNames().toArray(new String[0]);
        this.types = schema.typeArray();
        this.keys = schema.attributeNames().stream().map(name -> map.attributes().getOrDefault(name, name))
                .toArray(String[]::new);
        this.failOnMissingAttribute = !"false".equalsIgnoreCase(map.options().get("fail.on.missing.attribute"));
    }

    @Override
    public List<Object[]> map(Object record) throws MappingException {
        Map<?, ?> values = record instanceof Map ? (Map<?, ?>) record : parse(Records.text(record));
        Object[] data = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            if (!values.containsKey(keys[i])) {
                if (failOnMissingAttribute) {
                    throw new MappingException("attribute '" + names[i] + "' is missing: the record has no key '"
                            + keys[i] + "'");
                }
                continue;
            }
            data[i] = Values.convert(values.get(keys[i]), types[i], names[i]);
        }
        return List.<Object[]>of(data);
    }

    private static Map<?, ?> parse(String text) throws MappingException {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MappingException("not a JSON object of keys and values at column "
                    + e.getLocation().getColumnNr() + ": " + Records.withoutLocation(e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new MappingException("expected a JSON object of keys and values, found "
                    + (root == null ? "nothing" : root.getNodeType()));
        }
        for (JsonNode value : root) {
            if (value.isContainerNode()) {
                throw new MappingException("expected a flat JSON object of keys and values, found " + value);
            }
        }
        return JSON.convertValue(root, Map.class);
    }
}
