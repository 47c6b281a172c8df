package org.siddhiql.connectors.map.csv;

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
 * Siddhi's default CSV source mapping: one line is one event, its fields the attributes in schema order, separated by
 * {@code delimiter} (default {@code ,}). A field may be quoted with {@code "}, which lets it hold the delimiter; a
 * quote inside a quoted field is doubled. An empty unquoted field is null, a quoted empty field the empty string.
 *
 * <p>With {@code @attributes(symbol='2', price='0')} each attribute is the field at its index, from 0, and other
 * fields are ignored; by default the fields are the attributes in order, and a line with more fields than attributes
 * does not map. Bad quoting never maps. A line with too few fields, or a field that is not of its attribute's type,
 * does not map either unless {@code fail.on.unknown.attribute='false'}, which makes those attributes null, as in
 * Siddhi.
 */
public final class CsvSourceMapper implements SourceMapper {
    private static final long serialVersionUID = 1L;

    private final String[] names;
    private final AttributeType[] types;
    private final char delimiter;
    private final boolean failOnUnknownAttribute;
    /** Each attribute's field index, or null when the fields are the attributes in order. */
    private final int[] indexes;

    public CsvSourceMapper(StreamSchema schema, MapSpec map) {
        this.names = schema.attributeNames().toArray(new String[0]);
        this.types = schema.typeArray();
        this.delimiter = map.options().getOrDefault("delimiter", ",").charAt(0);
        this.failOnUnknownAttribute = !"false".equalsIgnoreCase(map.options().get("fail.on.unknown.attribute"));
        Map<String, String> attributes = map.attributes();
        this.indexes = attributes.isEmpty() ? null : schema.attributeNames().stream()
                .mapToInt(name -> Integer.parseInt(attributes.get(name))).toArray();
    }

    /** The line's event, a line being the record without its line break. */
    @Override
    public List<Object[]> map(Object record) throws MappingException {
        String line = Records.text(record);
        if (line.isEmpty()) {
            throw new MappingException("the line is empty");
        }
        List<Field> fields = split(line);
        if (indexes == null && fields.size() > names.length) {
            throw new MappingException("the line has " + fields.size() + " fields but the stream has "
                    + names.length + " attributes");
        }
        Object[] data = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            int index = indexes == null ? i : indexes[i];
            if (index >= fields.size()) {
                if (failOnUnknownAttribute) {
                    throw new MappingException("attribute '" + names[i] + "' is missing: the line has "
                            + fields.size() + " fields");
                }
                continue;
            }
            data[i] = value(fields.get(index), i);
        }
        return List.<Object[]>of(data);
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
            return Values.parse(text, types[attribute], names[attribute]);
        } catch (MappingException e) {
            if (failOnUnknownAttribute) {
                throw e;
            }
            return null;
        }
    }
}
