package org.siddhiql.compiler.connector;

import io.siddhi.query.api.annotation.Annotation;
import io.siddhi.query.api.annotation.Element;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.SourcePosition;

/**
 * The values of {@code @source(type='delta')}'s options ({@link TableOptions} has their names): {@code path}, the
 * version to read ({@code version.as.of}, a version number, or {@code timestamp.as.of}, an ISO-8601 instant; at most
 * one, the latest version without either), {@code mode} ({@code streaming}, the default, follows new versions;
 * {@code batch} reads one version and ends), {@code monitor.interval} (how often a streaming source looks for new
 * versions, in milliseconds) and the S3 storage options, checked as {@code type='s3'} checks them.
 */
final class DeltaSourceOptions {
    private DeltaSourceOptions() {
    }

    static void check(Map<String, String> options, Annotation annotation, String what, SourcePosition position) {
        if (options.containsKey("version.as.of") && options.containsKey("timestamp.as.of")) {
            throw new CompileException(position, what + " sets both 'version.as.of' and 'timestamp.as.of': give at"
                    + " most one");
        }
        if (options.containsKey("monitor.interval") && "batch".equals(options.get("mode"))) {
            throw new CompileException(position, what + " sets 'monitor.interval' with mode 'batch', which reads"
                    + " one version and does not look for new ones");
        }
        S3Options.check(options, annotation, what, position);
        for (Element element : annotation.getElements()) {
            String value = element.getValue();
            SourcePosition at = ConnectorCompiler.at(element, position);
            if (value.contains("${")) {
                continue; // resolved when the job starts
            }
            switch (element.getKey()) {
                case "path":
                    if (value.isBlank()) {
                        throw new CompileException(at, what + " has an empty path: it takes the Delta table's"
                                + " directory, such as '/data/trades' or 's3://bucket/trades'");
                    }
                    break;
                case "version.as.of":
                    if (!value.matches("[0-9]{1,18}")) {
                        throw new CompileException(at, what + " has version.as.of '" + value + "': it takes a"
                                + " version number such as '3'");
                    }
                    break;
                case "timestamp.as.of":
                    try {
                        Instant.parse(value);
                    } catch (DateTimeParseException e) {
                        throw new CompileException(at, what + " has timestamp.as.of '" + value + "': it takes an"
                                + " ISO-8601 instant such as '2026-11-27T10:15:30Z'");
                    }
                    break;
                case "mode":
                    TableOptions.checkMode(value, what, at);
                    break;
                case "monitor.interval":
                    TableOptions.checkMonitorInterval(value, what, at);
                    break;
                default:
                    break;
            }
        }
    }
}
