package org.siddhiql.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.runtime.event.Event;

/**
 * Reads an events file (one JSON event per line, see shared/conformance/FORMAT.md) and checks every event against
 * the app before anything runs, so a bad line is reported with its line number instead of failing a job.
 */
final class EventFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> streams;
    private final List<TaggedEvent> events;

    private EventFile(List<String> streams, List<TaggedEvent> events) {
        this.streams = streams;
        this.events = events;
    }

    /** The input streams of the app, indexed as the tagged events refer to them. */
    List<String> streams() {
        return streams;
    }

    List<TaggedEvent> events() {
        return events;
    }

    /** The streams that received at least one event from the file. */
    Set<String> fedStreams() {
        Set<String> fed = new LinkedHashSet<>();
        events.forEach(e -> fed.add(streams.get(e.stream())));
        return fed;
    }

    /** One event of nulls on each input stream: enough to build the job graph for {@code explain}. */
    static EventFile placeholder(AppPlan plan) {
        List<String> streams = new ArrayList<>(plan.streams().keySet());
        List<TaggedEvent> events = new ArrayList<>();
        for (String input : plan.inputStreams()) {
            events.add(new TaggedEvent(streams.indexOf(input), new Event(0, new Object[plan.stream(input).size()])));
        }
        return new EventFile(streams, events);
    }

    static EventFile read(Path file, AppPlan plan) throws IOException {
        List<String> streams = new ArrayList<>(plan.streams().keySet());
        List<TaggedEvent> events = new ArrayList<>();
        long lastTimestamp = Long.MIN_VALUE;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                Location at = new Location(file.toString(), number);
                TaggedEvent event = parse(line, plan, streams, at, null);
                long timestamp = event.event().timestamp();
                if (timestamp < lastTimestamp) {
                    throw at.error("timestamp " + timestamp + " is earlier than the previous event's " + lastTimestamp
                            + "; events must be in non-decreasing time order");
                }
                lastTimestamp = timestamp;
                events.add(event);
            }
        }
        return new EventFile(streams, events);
    }

    /**
     * One event line.
     *
     * @param streams the app's streams, indexed as tagged events refer to them
     * @param arrival the timestamp of an event without "ts", or null when "ts" is required
     * @throws UserError naming the line, when the line is not an event of the app
     */
    static TaggedEvent parse(String line, AppPlan plan, List<String> streams, Location at, Long arrival) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw at.error("not a JSON object: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw at.error("not a JSON object");
        }
        JsonNode stream = node.get("stream");
        if (stream == null || !stream.isTextual()) {
            throw at.error("\"stream\" must be a string");
        }
        int index = streams.indexOf(stream.asText());
        if (index < 0) {
            throw at.error("stream '" + stream.asText() + "' is not defined in the app");
        }
        JsonNode ts = node.get("ts");
        long timestamp;
        if (ts == null && arrival != null) {
            timestamp = arrival;
        } else if (ts != null && ts.isIntegralNumber() && ts.canConvertToLong()) {
            timestamp = ts.asLong();
        } else {
            throw at.error("\"ts\" must be an integer timestamp in epoch milliseconds");
        }
        StreamSchema schema = plan.stream(stream.asText());
        return new TaggedEvent(index, new Event(timestamp, data(node.get("data"), schema, at)));
    }

    private static Object[] data(JsonNode data, StreamSchema schema, Location at) {
        if (data == null || !data.isArray()) {
            throw at.error("\"data\" must be an array of the attribute values of " + schema);
        }
        if (data.size() != schema.size()) {
            throw at.error("stream " + schema + " has " + schema.size() + " attributes, the event has "
                    + data.size());
        }
        Object[] values = new Object[schema.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(data.get(i), schema.attributeType(i), schema.attributeName(i), at);
        }
        return values;
    }

    private static Object value(JsonNode node, AttributeType type, String attribute, Location at) {
        if (node.isNull()) {
            return null;
        }
        switch (type) {
            case STRING:
                if (node.isTextual()) {
                    return node.asText();
                }
                break;
            case INT:
            case LONG:
                if (node.isNumber()) {
                    try { // any JSON number with an exact integer value that fits, 5.0 included
                        BigDecimal exact = new BigDecimal(node.numberValue().toString());
                        return type == AttributeType.INT ? (Object) exact.intValueExact() : exact.longValueExact();
                    } catch (ArithmeticException notAnInteger) {
                        break;
                    }
                }
                break;
            case FLOAT:
                if (node.isNumber()) {
                    return node.floatValue();
                }
                break;
            case DOUBLE:
                if (node.isNumber()) {
                    return node.doubleValue();
                }
                break;
            case BOOL:
                if (node.isBoolean()) {
                    return node.booleanValue();
                }
                break;
            default:
                return JSON.convertValue(node, Object.class);
        }
        throw at.error("attribute '" + attribute + "' is " + type.siddhiName() + ", got " + node);
    }

    /** A line of an events file or of standard input, for messages. */
    static final class Location {
        private final String source;
        private final long line;

        Location(String source, long line) {
            this.source = source;
            this.line = line;
        }

        UserError error(String reason) {
            return new UserError(source + ":" + line + ": " + reason);
        }
    }
}
