package org.siddhiql.connectors.map;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import org.siddhiql.compiler.connector.MapSpec;
import org.siddhiql.compiler.schema.StreamSchema;

/**
 * A {@code @payload} template: text with {@code {{attribute}}} placeholders, which the compiler has checked name
 * attributes of the stream. Split once into literal text and attribute indexes, filled per event.
 */
public final class Template implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Literal text at even indexes, placeholders' attribute indexes (as Integer) at odd ones. */
    private final Object[] parts;

    public Template(String template, StreamSchema schema) {
        List<Object> parts = new ArrayList<>();
        Matcher placeholder = MapSpec.PLACEHOLDER.matcher(template);
        int end = 0;
        while (placeholder.find()) {
            parts.add(template.substring(end, placeholder.start()));
            parts.add(schema.indexOf(placeholder.group(1)));
            end = placeholder.end();
        }
        parts.add(template.substring(end));
        this.parts = parts.toArray();
    }

    /** The template with each placeholder replaced by its attribute's value as {@code format} writes it. */
    public String fill(Object[] data, Function<Object, String> format) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            text.append(i % 2 == 0 ? (String) parts[i] : format.apply(data[(Integer) parts[i]]));
        }
        return text.toString();
    }
}
