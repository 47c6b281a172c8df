package org.siddhiql.compiler.connector;

import io.siddhi.query.api.annotation.Annotation;
import io.siddhi.query.api.annotation.Element;
import io.siddhi.query.api.definition.Attribute;
import io.siddhi.query.api.definition.StreamDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.SourcePosition;

/**
 * The values of {@code @sink(type='delta')} ({@link TableOptions#DELTA_SINK_OPTIONAL}): {@code path}, the table's
 * directory, local or a URI ({@code file:}, {@code s3://}, {@code s3a://}); {@code partition.by}, attributes of the
 * stream separated by commas, each once, not all of them (a Delta table needs a column outside its partition
 * values), none of type object; and the S3 storage options, checked as those of {@code type='s3'}.
 */
final class DeltaSinkOptions {
    private DeltaSinkOptions() {
    }

    static void check(Map<String, String> options, Annotation annotation, StreamDefinition stream, String what,
            SourcePosition position) {
        S3Options.check(options, annotation, what, position);
        for (Attribute attribute : stream.getAttributeList()) {
            if (attribute.getType() == Attribute.Type.OBJECT) {
                throw new CompileException(position, what + " cannot write attribute '" + attribute.getName()
                        + "' of type object: a Delta column takes string, int, long, float, double or bool");
            }
        }
        for (Element element : annotation.getElements()) {
            SourcePosition at = ConnectorCompiler.at(element, position);
            if (element.getKey().equals("path")) {
                checkPath(element.getValue(), what, at);
            } else if (element.getKey().equals("partition.by")) {
                checkPartitionBy(element.getValue(), stream, what, at);
            }
        }
    }

    private static void checkPath(String path, String what, SourcePosition at) {
        if (path.isBlank()) {
            throw new CompileException(at, what + " has an empty path: it takes the table's directory");
        }
        if (path.matches("[A-Za-z][A-Za-z0-9+.-]+:.*") && !path.matches("(?i)(file|s3a?):.*")) {
            throw new CompileException(at, what + " has path '" + path + "': it takes a local directory or a file:,"
                    + " s3:// or s3a:// URI");
        }
    }

    private static void checkPartitionBy(String value, StreamDefinition stream, String what, SourcePosition at) {
        if (value.contains("${")) {
            return; // resolved when the app runs
        }
        List<String> columns = List.of(value.split(",", -1)).stream().map(String::strip).toList();
        Set<String> seen = new HashSet<>();
        for (String column : columns) {
            Attribute attribute = stream.getAttributeList().stream()
                    .filter(a -> a.getName().equals(column)).findFirst().orElse(null);
            if (attribute == null) {
                throw new CompileException(at, what + " has partition.by '" + value + "': '" + column + "' is not"
                        + " an attribute of the stream (it takes attribute names separated by commas)");
            }
            if (!seen.add(column)) {
                throw new CompileException(at, what + " has partition.by '" + value + "': '" + column + "' is"
                        + " named twice");
            }
        }
        if (seen.size() == stream.getAttributeList().size()) {
            throw new CompileException(at, what + " has partition.by '" + value + "': it names every attribute, but"
                    + " a Delta table needs at least one column outside its partition values");
        }
    }
}
