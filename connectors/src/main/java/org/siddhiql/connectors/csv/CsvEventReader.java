package org.siddhiql.connectors.csv;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.siddhiql.compiler.connector.MapSpec;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.MappingException;

/**
 * Siddhi's default CSV source mapping: one line is one event, its fields the attributes in schema order, separated by
 * {@code delimiter} (default {@code ,}). A field may be quoted with {@code "}, which lets it hold the delimiter; a
 * quote inside a quoted field is doubled. An empty unquoted field is null, a quoted empty field the empty string.
 *
 * <p>A line with more fields than attributes, or bad quoting, never maps. A line with fewer fields, or a field that
 * is not of its attribute's type, does not map either unless {@code fail.on.unknown.attribute='false'}, which makes
 * those attributes null, as in Siddhi.
 */
public final class CsvEventReader implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String[] names;
    private final AttributeType[] types;
    private final char delimiter;
    private final boolean failOnUnknownAttribute;

    public CsvEventReader(StreamSchema schema, MapSpec map) {
        this.names = schema.attributeNames().toArray(new String[0]);
        this.types = schema.typeArray();
        this.delimiter = map.options().getOrDefault("delimiter", ",").charAt(0);
        this.failOnUnknownAttribute = !"false".equalsIgnoreCase(map.options().get("fail.on.unknown.attribute"));
    }

    /** The attribute values of the line's event, in schema order. */
    public Object[] read(String line) throws MappingException {
        if (line.isEmpty()) {
            throw new MappingException("the line is empty");
        }
        List<Field> fields = split(line);
        if (fields.size() > names.length) {
            throw new MappingException("the line has " + fields.size() + " fields but the stream has "
                    + names.length + " attributes");
        }
        if (fields.size() < names.length && failOnUnknownAttribute) {
            throw new MappingException("attribute '" + names[fields.size()] + "' is missing");
        }
        Object[] data = new Object[names.length];
        for (int i = 0; i < fields.size(); i++) {
            data[i] = value(fields.get(i), i);
        }
        return data;
    }

    /** A field's text, and whether it was quoted (a quoted empty field is the empty string, not null). */
    private record Field(String text, boolean quoted) {
    }

    private List<Field> split(String line) throws MappingException {
        List<Field> fields = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (true) {
            boolean quoted = i < line.length() && line.charAt(i) == '"';
            if (quoted) {
                i = quotedField(line, i + 1, text);
                if (i < line.length() && line.charAt(i) != delimiter) {
                    throw new MappingException("unexpected '" + line.charAt(i) + "' after the closing quote at column "
                            + (i + 1));
                }
            } else {
                while (i < line.length() && line.charAt(i) != delimiter) {
                    if (line.charAt(i) == '"') {
                        throw new MappingException("a quote inside the unquoted field at column " + (i + 1));
                    }
                    text.append(line.charAt(i++));
                }
            }
            fields.add(new Field(text.toString(), quoted));
            text.setLength(0);
            if (i == line.length()) {
                return fields;
            }
            i++; // past the delimiter
        }
    }

    /** Reads a quoted field's text from {@code start}, just past its opening quote; returns the index past its end. */
    private static int quotedField(String line, int start, StringBuilder text) throws MappingException {
        int i = start;
        while (i < line.length()) {
            char c = line.charAt(i++);
            if (c != '"') {
                text.append(c);
            } else if (i < line.length() && line.charAt(i) == '"') {
                text.append('"');
                i++;
            } else {
                return i;
            }
        }
        throw new MappingException("the quote at column " + start + " is not closed");
    }

    private Object value(Field field, int attribute) throws MappingException {
        String text = field.text();
        if (types[attribute] == AttributeType.STRING) {
            return text.isEmpty() && !field.quoted() ? null : text;
        }
        if (text.isEmpty()) {
            return null;
        }
        try {
            switch (types[attribute]) {
                case INT:
                    return Integer.parseInt(text);
                case LONG:
                    return Long.parseLong(text);
                case FLOAT:
                    return Float.parseFloat(text);
                case DOUBLE:
                    return Double.parseDouble(text);
                case BOOL:
                    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                        return Boolean.parseBoolean(text);
                    }
                    break;
                default:
                    throw new MappingException("attribute '" + names[attribute] + "' of type "
                            + typeName(attribute) + " cannot be read from CSV");
            }
        } catch (NumberFormatException e) {
            // reported below, like any other value of the wrong type
        }
        if (!failOnUnknownAttribute) {
            return null;
        }
        throw new MappingException("attribute '" + names[attribute] + "' is " + typeName(attribute)
                + " but the line has '" + text + "'");
    }

    private String typeName(int attribute) {
        return types[attribute].name().toLowerCase(Locale.ROOT);
    }
}
