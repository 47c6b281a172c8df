package org.siddhiql.compiler.connector;

import static org.siddhiql.compiler.connector.ConnectorCompiler.at;
import static org.siddhiql.compiler.connector.ConnectorCompiler.quoted;
import static org.siddhiql.compiler.connector.ConnectorCompiler.union;

import io.siddhi.query.api.SiddhiElement;
import io.siddhi.query.api.annotation.Annotation;
import io.siddhi.query.api.annotation.Element;
import io.siddhi.query.api.definition.Attribute;
import io.siddhi.query.api.definition.StreamDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.SourcePosition;

/**
 * Compiles the {@code @map} of a {@code @source} or {@code @sink} into a {@link MapSpec}, with the options, the
 * {@code @attributes} and the {@code @payload} each of Siddhi's mappers takes and a runtime honours; anything else is
 * an error at its position. Without {@code @map} a connector maps {@code passThrough}, Siddhi's default.
 */
final class MapCompiler {
    static final String PASS_THROUGH = "passthrough";

    /** Options of source mappers; the text mapper also takes its regular expressions as {@code regex.<id>}. */
    private static final Map<String, Set<String>> SOURCE_OPTIONS = Map.of(
            "json", Set.of("fail.on.missing.attribute", "enclosing.element"),
            "csv", Set.of("delimiter", "fail.on.unknown.attribute"),
            "text", Set.of("fail.on.missing.attribute"),
            "keyvalue", Set.of("fail.on.missing.attribute"),
            "avro", Set.of("schema.def"),
            PASS_THROUGH, Set.of());
    private static final Map<String, Set<String>> SINK_OPTIONS = Map.of(
            "json", Set.of(),
            "csv", Set.of("delimiter"),
            "text", Set.of(),
            "keyvalue", Set.of(),
            "avro", Set.of("schema.def"),
            PASS_THROUGH, Set.of());
    private static final String REGEX_PREFIX = "regex.";
    private static final Set<String> ATTRIBUTES = Set.of("json", "csv", "text", "keyvalue");
    private static final Set<String> PAYLOAD_TEMPLATES = Set.of("json", "text");
    private static final Set<String> PAYLOAD_KEYS = Set.of("keyvalue");
    private static final Set<String> BOOLEAN_OPTIONS = Set.of("fail.on.missing.attribute",
            "fail.on.unknown.attribute");

    /** {@code A[2]}: the second group of the text mapper's {@code regex.A}. */
    private static final Pattern REGEX_GROUP = Pattern.compile("([A-Za-z0-9_]+)\\[([0-9]+)]");

    /**
     * The mappers each connector type can carry. Connectors of bytes (a Kafka record's value, an HTTP request's body)
     * take every mapper of text and bytes; connectors of lines (files, also on S3) take the mappers whose record is
     * one line, which neither the multi-line default text format nor binary Avro is; an in-JVM connector also takes
     * objects (key-value maps, pass-through events), and the log sink prints text.
     */
    private static final Set<String> BYTES = Set.of("json", "csv", "text", "keyvalue", "avro");
    private static final Set<String> LINES = Set.of("json", "csv", "keyvalue");
    private static final Map<String, Set<String>> SOURCE_MAPPERS_OF = Map.of(
            "kafka", BYTES,
            "http", BYTES,
            "file", LINES,
            "s3", LINES,
            "inmemory", SOURCE_OPTIONS.keySet(),
            // table rows are typed columns, named as the stream's attributes: nothing to map
            "iceberg", Set.of(PASS_THROUGH),
            "delta", Set.of(PASS_THROUGH));
    private static final Map<String, Set<String>> SINK_MAPPERS_OF = Map.of(
            "kafka", BYTES,
            "http", BYTES,
            "file", LINES,
            "s3", LINES,
            "inmemory", SINK_OPTIONS.keySet(),
            "log", Set.of("json", "csv", "text", "keyvalue", PASS_THROUGH),
            "iceberg", Set.of(PASS_THROUGH),
            "delta", Set.of(PASS_THROUGH));

    private MapCompiler() {
    }

    /**
     * @param annotation the connector's {@code @map}, or null when it has none
     * @param connector what the connector is, for messages: {@code @source of stream 'S'}
     */
    static MapSpec compile(Annotation annotation, boolean source, String connectorType, StreamDefinition definition,
            String connector, SourcePosition connectorPosition) {
        SourcePosition position = annotation == null ? connectorPosition : at(annotation, connectorPosition);
        MapSpec spec = annotation == null
                ? new MapSpec(PASS_THROUGH, Map.of())
                : map(annotation, source, definition, "@map of " + connector, position);
        Set<String> carried = (source ? SOURCE_MAPPERS_OF : SINK_MAPPERS_OF).get(connectorType);
        if (!carried.contains(spec.type())) {
            throw new CompileException(position, connector + " (type '" + connectorType + "') cannot map "
                    + spec.type() + (annotation == null ? " (the default without @map)" : "") + ": it maps "
                    + quoted(carried));
        }
        return spec;
    }

    private static MapSpec map(Annotation annotation, boolean source, StreamDefinition definition, String what,
            SourcePosition position) {
        Map<String, Set<String>> types = source ? SOURCE_OPTIONS : SINK_OPTIONS;
        Map<String, String> options = new LinkedHashMap<>();
        String type = null;
        for (Element element : annotation.getElements()) {
            SourcePosition at = at(element, position);
            if (element.getKey() == null) {
                throw new CompileException(at, what + " has an option without a name: '" + element.getValue() + "'");
            }
            if (element.getKey().equals("type")) {
                type = element.getValue().toLowerCase(Locale.ROOT);
                if (!types.containsKey(type)) {
                    throw new CompileException(position, what + " has unknown type '" + element.getValue()
                            + "': supported types are " + quoted(types.keySet()));
                }
            } else if (options.put(element.getKey(), element.getValue()) != null) {
                throw new CompileException(at, what + " sets option '" + element.getKey() + "' twice");
            }
        }
        if (type == null) {
            throw new CompileException(position, what + " needs a type: supported types are "
                    + quoted(types.keySet()));
        }
        what = what + " (type '" + type + "')";
        boolean regexes = source && type.equals("text");
        for (Element element : annotation.getElements()) {
            String key = element.getKey();
            SourcePosition at = at(element, position);
            if (key.equals("type")) {
                continue;
            }
            if (regexes && key.startsWith(REGEX_PREFIX)) {
                checkRegex(element.getValue(), what, key, at);
            } else if (!types.get(type).contains(key)) {
                throw new CompileException(at, what + " has unknown option '" + key + "': it takes "
                        + (types.get(type).isEmpty() ? "none" : quoted(types.get(type)))
                        + (regexes ? " and regex.<id>" : ""));
            } else if (BOOLEAN_OPTIONS.contains(key) && !element.getValue().matches("(?i)true|false")) {
                throw new CompileException(at, what + " has " + key + " '" + element.getValue()
                        + "': it takes 'true' or 'false'");
            } else if (key.equals("enclosing.element") && !element.getValue().startsWith("$")) {
                throw new CompileException(at, what + " has enclosing.element '" + element.getValue()
                        + "': it takes a JSONPath starting with '$'");
            } else if (key.equals("delimiter")) {
                checkCsvDelimiter(element.getValue(), what, at);
            }
        }
        if (type.equals("avro") && source && !options.containsKey("schema.def")) {
            throw new CompileException(position, what + " misses required option 'schema.def': schema registries"
                    + " are not supported");
        }

        Map<String, String> attributes = Map.of();
        String template = null;
        Map<String, String> keys = Map.of();
        for (Annotation nested : annotation.getAnnotations()) {
            SourcePosition at = SourcePosition.firstOf(nested, annotation);
            String name = nested.getName().toLowerCase(Locale.ROOT);
            if (name.equals("attributes") && source && ATTRIBUTES.contains(type) && attributes.isEmpty()) {
                attributes = attributes(nested, definition, what, at);
                checkAttributes(type, attributes, options, what, at);
            } else if (name.equals("payload") && !source && PAYLOAD_TEMPLATES.contains(type) && template == null) {
                template = template(nested, definition, what, at);
            } else if (name.equals("payload") && !source && PAYLOAD_KEYS.contains(type) && keys.isEmpty()) {
                keys = payloadKeys(nested, definition, what, at);
            } else {
                throw new CompileException(at, "@" + nested.getName() + " in " + what + " is not supported: "
                        + (source ? "@attributes is, once, for " + quoted(ATTRIBUTES)
                        : "@payload is, once, for " + quoted(union(PAYLOAD_TEMPLATES, PAYLOAD_KEYS))));
            }
        }
        if (regexes && attributes.isEmpty() && options.keySet().stream().anyMatch(k -> k.startsWith(REGEX_PREFIX))) {
            throw new CompileException(position, what + " has regular expressions but no @attributes that use them");
        }
        return new MapSpec(type, options, attributes, template, keys);
    }

    /** {@code @attributes(symbol='$.s', ...)}, or the places alone in the stream's attribute order. */
    private static Map<String, String> attributes(Annotation annotation, StreamDefinition definition, String what,
            SourcePosition position) {
        List<Attribute> streamAttributes = definition.getAttributeList();
        List<Element> elements = annotation.getElements();
        boolean positional = !elements.isEmpty() && elements.get(0).getKey() == null;
        Map<String, String> places = new LinkedHashMap<>();
        for (int i = 0; i < elements.size(); i++) {
            Element element = elements.get(i);
            SourcePosition at = at(element, position);
            if ((element.getKey() == null) != positional) {
                throw new CompileException(at, "@attributes in " + what + " mixes named and unnamed places: name"
                        + " every attribute, or none and give the places in the stream's attribute order");
            }
            String attribute = positional
                    ? (i < streamAttributes.size() ? streamAttributes.get(i).getName() : null)
                    : element.getKey();
            if (attribute == null) {
                throw new CompileException(at, "@attributes in " + what + " has " + elements.size()
                        + " places but the stream has " + streamAttributes.size() + " attributes");
            }
            if (!hasAttribute(definition, attribute)) {
                throw new CompileException(at, "@attributes in " + what + " names '" + attribute
                        + "', which is not an attribute of stream '" + definition.getId() + "'");
            }
            if (places.put(attribute, element.getValue()) != null) {
                throw new CompileException(at, "@attributes in " + what + " maps '" + attribute + "' twice");
            }
        }
        for (Attribute attribute : streamAttributes) {
            if (!places.containsKey(attribute.getName())) {
                throw new CompileException(position, "@attributes in " + what + " does not say where attribute '"
                        + attribute.getName() + "' is: it must map every attribute");
            }
        }
        return places;
    }

    private static void checkAttributes(String type, Map<String, String> attributes, Map<String, String> options,
            String what, SourcePosition position) {
        for (Map.Entry<String, String> place : attributes.entrySet()) {
            String value = place.getValue();
            String problem = null;
            switch (type) {
                case "json":
                    problem = value.startsWith("$") ? null : "a JSONPath starting with '$'";
                    break;
                case "csv":
                    problem = value.matches("[0-9]{1,9}") ? null : "the index of a field, from 0";
                    break;
                case "text":
                    Matcher group = REGEX_GROUP.matcher(value);
                    if (!group.matches() || !options.containsKey(REGEX_PREFIX + group.group(1))) {
                        problem = "<id>[<group>] of a regex.<id> option";
                    } else if (Integer.parseInt(group.group(2)) > Pattern.compile(
                            options.get(REGEX_PREFIX + group.group(1))).matcher("").groupCount()) {
                        problem = "a group that regex." + group.group(1) + " has";
                    }
                    break;
                default:
                    problem = value.isEmpty() ? "a key" : null;
            }
            if (problem != null) {
                throw new CompileException(position, "@attributes in " + what + " has '" + value + "' for '"
                        + place.getKey() + "': it takes " + problem);
            }
        }
    }

    private static String template(Annotation annotation, StreamDefinition definition, String what,
            SourcePosition position) {
        List<Element> elements = annotation.getElements();
        if (elements.size() != 1 || elements.get(0).getKey() != null) {
            throw new CompileException(position, "@payload in " + what + " takes one template, such as"
                    + " @payload(\"{\\\"name\\\":\\\"{{name}}\\\"}\")");
        }
        String template = elements.get(0).getValue();
        Matcher placeholder = MapSpec.PLACEHOLDER.matcher(template);
        while (placeholder.find()) {
            if (!hasAttribute(definition, placeholder.group(1))) {
                throw new CompileException(at(elements.get(0), position), "@payload in " + what + " has {{"
                        + placeholder.group(1) + "}}, which is not an attribute of stream '" + definition.getId()
                        + "'");
            }
        }
        return template;
    }

    /** keyvalue's {@code @payload(key='attribute', ...)}. */
    private static Map<String, String> payloadKeys(Annotation annotation, StreamDefinition definition, String what,
            SourcePosition position) {
        Map<String, String> keys = new LinkedHashMap<>();
        for (Element element : annotation.getElements()) {
            SourcePosition at = at(element, position);
            if (element.getKey() == null || !hasAttribute(definition, element.getValue())) {
                throw new CompileException(at, "@payload in " + what + " takes key='attribute' pairs: '"
                        + (element.getKey() == null ? "" : element.getKey() + "='") + element.getValue()
                        + (element.getKey() == null ? "'" : "''") + " is not one");
            }
            if (keys.put(element.getKey(), element.getValue()) != null) {
                throw new CompileException(at, "@payload in " + what + " has key '" + element.getKey() + "' twice");
            }
        }
        return keys;
    }

    private static void checkRegex(String regex, String what, String key, SourcePosition position) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new CompileException(position, what + " has " + key + " that is not a regular expression: "
                    + e.getDescription() + " near index " + e.getIndex());
        }
    }

    /** Our CSV mapping splits on one character. */
    private static void checkCsvDelimiter(String value, String what, SourcePosition position) {
        if (value.length() != 1 || value.equals("\"") || value.equals("\n") || value.equals("\r")) {
            throw new CompileException(position, what + " has delimiter '" + value
                    + "': it takes one character other than a quote or a line break");
        }
    }

    private static boolean hasAttribute(StreamDefinition definition, String name) {
        return definition.getAttributeList().stream().anyMatch(a -> a.getName().equals(name));
    }
}
