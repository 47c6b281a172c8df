package org.siddhiql.compiler.connector;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A compiled {@code @map}: how a connector's records become events or events become records. Besides its options, a
 * source mapping may name where each attribute is found ({@code @attributes}) and a sink mapping may give the record's
 * form ({@code @payload}): a template with {@code {{attribute}}} placeholders, or keys for the attributes.
 */
public final class MapSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A placeholder of a {@code @payload} template, {@code {{attribute}}}; group 1 is the attribute. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}\\s]+)\\s*}}");

    private final String type;
    private final Map<String, String> options;
    private final Map<String, String> attributes;
    private final String payloadTemplate;
    private final Map<String, String> payloadKeys;

    /** The default mapping of {@code type}. */
    public MapSpec(String type, Map<String, String> options) {
        this(type, options, Map.of(), null, Map.of());
    }

    /**
     * @param attributes each stream attribute's place in a record, such as a JSONPath; empty for the default mapping
     * @param payloadTemplate the record's text with {@code {{attribute}}} placeholders, or null
     * @param payloadKeys the record's keys and the attribute each one takes, in record order; empty for the default
     */
    public MapSpec(String type, Map<String, String> options, Map<String, String> attributes, String payloadTemplate,
            Map<String, String> payloadKeys) {
        this.type = Objects.requireNonNull(type);
        this.options = Collections.unmodifiableMap(new TreeMap<>(options));
        this.attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
        this.payloadTemplate = payloadTemplate;
        this.payloadKeys = Collections.unmodifiableMap(new LinkedHashMap<>(payloadKeys));
    }

    /** The mapper's type in lower case, such as {@code json}. */
    public String type() {
        return type;
    }

    /** The mapper's options by Siddhi's names, such as {@code fail.on.missing.attribute}. */
    public Map<String, String> options() {
        return options;
    }

    /** {@code @attributes}: where each attribute of the stream is in a record; empty for the default mapping. */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** {@code @payload("...")}: the record's text with {@code {{attribute}}} placeholders, or null. */
    public String payloadTemplate() {
        return payloadTemplate;
    }

    /** {@code @payload(key='attribute', ...)}: the record's keys and their attributes; empty for the default. */
    public Map<String, String> payloadKeys() {
        return payloadKeys;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MapSpec)) {
            return false;
        }
        MapSpec other = (MapSpec) o;
        return other.type.equals(type) && other.options.equals(options) && other.attributes.equals(attributes)
                && Objects.equals(other.payloadTemplate, payloadTemplate) && other.payloadKeys.equals(payloadKeys);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, options, attributes, payloadTemplate, payloadKeys);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("@map(type='").append(type).append('\'')
                .append(ConnectorSpec.describe(options));
        if (!attributes.isEmpty()) {
            text.append(", @attributes(").append(ConnectorSpec.describe(attributes).substring(2)).append(')');
        }
        if (payloadTemplate != null) {
            text.append(", @payload(\"").append(payloadTemplate).append("\")");
        }
        if (!payloadKeys.isEmpty()) {
            text.append(", @payload(").append(ConnectorSpec.describe(payloadKeys).substring(2)).append(')');
        }
        return text.append(')').toString();
    }
}
