package org.siddhiql.connectors.map.text;

import org.siddhiql.compiler.connector.MapSpec;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.map.Template;
import org.siddhiql.connectors.map.TextRecordSinkMapper;

/**
 * Siddhi's text sink mapping. By default one event is an attribute per line as {@code name:value}, lines ending with
 * a comma but the last, strings quoted, null as {@code null}:
 * <pre>
 * symbol:"IBM",
 * price:75.5
 * </pre>
 * With {@code @payload("{{symbol}} at {{price}}")} the record is the template with each placeholder replaced by its
 * attribute's value as Java writes it, null as {@code null}. Siddhi's mustache mode, event grouping and
 * {@code new.line.character} are not supported.
 */
public final class TextSinkMapper extends TextRecordSinkMapper {
    private static final long serialVersionUID = 1L;

    private final String[] names;
    private final AttributeType[] types;
    private final Template template;

    public TextSinkMapper(StreamSchema schema, MapSpec map) {
        this.names = schema.attributeNames().toArray(new String[0]);
        this.types = schema.typeArray();
        this.template = map.payloadTemplate() == null ? null : new Template(map.payloadTemplate(), schema);
    }

    @Override
    protected String text(Object[] data) {
        if (template != null) {
            return template.fill(data, String::valueOf);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            text.append(names[i]).append(':');
            if (data[i] != null && types[i] == AttributeType.STRING) {
                text.append('"').append(data[i]).append('"');
            } else {
                text.append(data[i]);
            }
            if (i < names.length - 1) {
                text.append(",\n");
            }
        }
        return text.toString();
    }
}
