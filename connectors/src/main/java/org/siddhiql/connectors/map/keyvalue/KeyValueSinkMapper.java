package org.siddhiql.connectors.map.keyvalue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.siddhiql.compiler.connector.MapSpec;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.map.SinkMapper;
import org.siddhiql.runtime.event.Event;

/**
 * Siddhi's key-value sink mapping: an event is a {@link Map} of each attribute's name to its value, or with
 * {@code @payload(s='symbol', p='price')} of the given keys to their attributes' values, in that order. Over bytes
 * the map is one flat JSON object, the form {@link KeyValueSourceMapper} reads; a value of an object attribute is
 * written as its text there.
 */
public final class KeyValueSinkMapper implements SinkMapper {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String[] keys;
    private final int[] attributes;

    public KeyValueSinkMapper(StreamSchema schema, MapSpec map) {
        Map<String, String> payload = new LinkedHashMap<>(map.payloadKeys());
        if (payload.isEmpty()) {
            schema.attributeNames().forEach(name -> payload.put(name, name));
        }
        this.keys = payload.keySet().toArray(new String[0]);
        this.attributes = payload.values().stream().mapToInt(schema::indexOf).toArray();
    }

    @Override
    public Map<String, Object> toObject(Event event) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i++) {
            record.put(keys[i], event.data()[attributes[i]]);
        }
        return record;
    }

    @Override
    public byte[] toBytes(Event event) {
        Map<String, Object> record = toObject(event);
        record.replaceAll((key, value) -> value == null || value instanceof String || value instanceof Number
                || value instanceof Boolean ? value : value.toString());
        try {
            return JSON.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("writing JSON to memory failed", e);
        }
    }
}
