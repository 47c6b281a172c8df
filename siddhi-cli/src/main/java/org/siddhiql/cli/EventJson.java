package org.siddhiql.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.fault.ProcessingError;

/**
 * The output line of FORMAT.md: {@code {"ts":1000,"data":["IBM",100,75.6]}}, numbers in their Java type, a fault
 * stream's {@code _error} as {@code {"error":"<message>"}}.
 */
final class EventJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventJson() {
    }

    static String line(Event event) {
        ObjectNode node = JSON.createObjectNode();
        node.put("ts", event.timestamp());
        ArrayNode data = node.putArray("data");
        for (Object value : event.data()) {
            if (value == null) {
                data.addNull();
            } else if (value instanceof String) {
                data.add((String) value);
            } else if (value instanceof Integer) {
                data.add((Integer) value);
            } else if (value instanceof Long) {
                data.add((Long) value);
            } else if (value instanceof Float) {
                data.add((Float) value);
            } else if (value instanceof Double) {
                data.add((Double) value);
            } else if (value instanceof Boolean) {
                data.add((Boolean) value);
            } else if (value instanceof ProcessingError) {
                data.addObject().put("error", ((ProcessingError) value).message());
            } else {
                data.add(JSON.valueToTree(value));
            }
        }
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
