package org.siddhiql.connectors.map.text;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.siddhiql.compiler.connector.MapSpec;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.MappingException;
import org.siddhiql.connectors.map.Records;
import org.siddhiql.connectors.map.SourceMapper;
import org.siddhiql.connectors.map.Values;

/**
 * Siddhi's text source mapping. By default a record is one event, an attribute per line as {@code name:value},
 * lines ending with a comma but the last, as the text sink mapper writes it:
 * <pre>
 * symbol:"IBM",
 * price:75.5
 * </pre>
 * A string is quoted (an unquoted string is taken as it is), {@code null} unquoted is null, other names are ignored.
 *
 * <p>With {@code regex.A='(\w+) at ([0-9.]+)'} and {@code @attributes(symbol='A[1]', price='A[2]')} each attribute
 * is a group of the first match of a regular expression in the record, parsed as {@link Values#parse} does.
 *
 * <p>A missing attribute (no such line, no match, a group that took no part) fails the record, or is null with
 * {@code fail.on.missing.attribute='false'}; a value not of its attribute's type always fails it. Siddhi's
 * {@code event.grouping.enabled}, {@code delimiter} and {@code new.line.character} are not supported: a record is
 * one event and lines end with {@code \n} or {@code \r\n}.
 */
public final class TextSourceMapper implements SourceMapper {
    private static final long serialVersionUID = 1L;
    private static final Pattern GROUP = Pattern.compile("([A-Za-z0-9_]+)\\[([0-9]+)]");
    private static final String REGEX_PREFIX = "regex.";

    private final String[] names;
    private final AttributeType[] types;
    private final boolean failOnMissingAttribute;
    /** The regular expressions the attributes use, by id; empty for the default mapping. */
    private final Map<String, String> regexes = new LinkedHashMap<>();
    /** Each attribute's regular expression id and group, or null for the default mapping. */
    private final String[] regexOf;
    private final int[] groupOf;
    private transient Map<String, Pattern> patterns;

    public TextSourceMapper(StreamSchema schema, MapSpec map) {
        this.names = schema.attributeNames().toArray(new String[0]);
        this.types = schema.typeArray();
        this.failOnMissingAttribute = !"false".equalsIgnoreCase(map.options().get("fail.on.missing.attribute"));
        if (map.attributes().isEmpty()) {
            this.regexOf = null;
            this.groupOf = null;
        } else {
            this.regexOf = new String[names.length];
            this.groupOf = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                Matcher group = GROUP.matcher(map.attributes().get(names[i]));
                if (!group.matches()) {
                    throw new IllegalArgumentException("'" + map.attributes().get(names[i])
                            + "' is not <id>[<group>]");
                }
                regexOf[i] = group.group(1);
                groupOf[i] = Integer.parseInt(group.group(2));
                regexes.put(regexOf[i], map.options().get(REGEX_PREFIX + regexOf[i]));
            }
        }
        compile();
    }

    private void compile() {
        patterns = new HashMap<>();
        regexes.forEach((id, regex) -> patterns.put(id, Pattern.compile(regex)));
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        compile();
    }

    @Override
    public List<Object[]> map(Object record) throws MappingException {
        String text = Records.text(record);
        return List.<Object[]>of(regexOf == null ? byNames(text) : byGroups(text));
    }

    private Object[] byNames(String text) throws MappingException {
        Map<String, String> values = new HashMap<>();
        for (String line : text.split("\r?\n")) {
            String entry = line.strip();
            if (entry.endsWith(",")) {
                entry = entry.substring(0, entry.length() - 1);
            }
            if (entry.isEmpty()) {
                continue;
            }
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new MappingException("the line '" + line + "' is not name:value");
            }
            values.put(entry.substring(0, colon).strip(), entry.substring(colon + 1).strip());
        }
        Object[] data = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            String value = values.get(names[i]);
            if (value == null) {
                missing(i, "");
            } else if (!value.equals("null")) {
                boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
                data[i] = types[i] == AttributeType.STRING && quoted
                        ? value.substring(1, value.length() - 1)
                        : Values.parse(value, types[i], names[i]);
            }
        }
        return data;
    }

    private Object[] byGroups(String text) throws MappingException {
        Map<String, Matcher> matches = new HashMap<>();
        for (Map.Entry<String, Pattern> pattern : patterns.entrySet()) {
            Matcher matcher = pattern.getValue().matcher(text);
            matches.put(pattern.getKey(), matcher.find() ? matcher : null);
        }
        Object[] data = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            Matcher match = matches.get(regexOf[i]);
            String group = match == null ? null : match.group(groupOf[i]);
            if (group == null) {
                missing(i, match == null ? ": regex." + regexOf[i] + " does not match the record"
                        : ": group " + groupOf[i] + " of regex." + regexOf[i] + " took no part in the match");
                continue;
            }
            data[i] = Values.parse(group, types[i], names[i]);
        }
        return data;
    }

    private void missing(int attribute, String why) throws MappingException {
        if (failOnMissingAttribute) {
            throw new MappingException("attribute '" + names[attribute] + "' is missing" + why);
        }
    }
}
