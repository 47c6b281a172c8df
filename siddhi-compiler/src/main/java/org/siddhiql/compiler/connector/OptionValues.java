package org.siddhiql.compiler.connector;

import static org.siddhiql.compiler.connector.ConnectorCompiler.at;

import io.siddhi.query.api.annotation.Annotation;
import io.siddhi.query.api.annotation.Element;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.SourcePosition;

/**
 * Checks of option values, beyond their names, for connectors and mappers whose values a runtime honours only in
 * part: a value we cannot honour is a compile error at its position, never a quietly different behaviour.
 */
final class OptionValues {
    /** The file source's options, by siddhi-io-file's names. */
    static final Set<String> FILE_SOURCE_OPTIONS = Set.of("file.uri", "dir.uri", "mode", "tailing",
            "dir.polling.interval");

    /** The log sink's priorities, as Siddhi's LogSink names them. */
    private static final Set<String> LOG_PRIORITIES = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL", "OFF");

    private OptionValues() {
    }

    /**
     * A file source reads whole lines of one file or of every file in a directory. Exactly one of {@code file.uri}
     * and {@code dir.uri} names what to read; {@code mode} can only be {@code line}, Siddhi's default. Siddhi tails
     * files by default, following appends to them, which Flink's FileSource cannot do, so {@code tailing='false'}
     * must be said. A directory is read once, or watched for new files every {@code dir.polling.interval}
     * milliseconds when that option is given.
     */
    static void checkFileSource(Map<String, String> options, Annotation annotation, String what,
            SourcePosition position) {
        if (options.containsKey("file.uri") == options.containsKey("dir.uri")) {
            throw new CompileException(position, what + " needs exactly one of 'file.uri' and 'dir.uri'");
        }
        for (Element element : annotation.getElements()) {
            String value = element.getValue();
            SourcePosition at = at(element, position);
            switch (element.getKey()) {
                case "mode":
                    if (!value.equals("line")) {
                        throw new CompileException(at, what + " has mode '" + value
                                + "': only mode 'line' (one event per line) is supported");
                    }
                    break;
                case "tailing":
                    if (!value.equalsIgnoreCase("false")) {
                        throw new CompileException(at, what + " has tailing '" + value
                                + "': following appends to a file is not supported, set tailing='false'");
                    }
                    break;
                case "dir.polling.interval":
                    if (!options.containsKey("dir.uri")) {
                        throw new CompileException(at, what + " has 'dir.polling.interval' but no 'dir.uri'");
                    }
                    checkPollingInterval(value, what, at);
                    break;
                default:
                    break;
            }
        }
        if (!options.containsKey("tailing")) {
            throw new CompileException(position, what + " tails its files by default in Siddhi, following appends to"
                    + " them, which is not supported: set tailing='false'");
        }
    }

    /**
     * Siddhi lets some sink options, such as a topic, take each event's attributes ({@code topic='{{symbol}}'});
     * our sinks take each option once, so such a value would be used literally.
     */
    static void checkStatic(Annotation annotation, String what, SourcePosition position) {
        for (Element element : annotation.getElements()) {
            if (element.getValue() != null && MapSpec.PLACEHOLDER.matcher(element.getValue()).find()) {
                throw new CompileException(at(element, position), what + " has " + element.getKey() + " '"
                        + element.getValue() + "': options that take event attributes ({{...}}) are not supported");
            }
        }
    }

    /** Siddhi's log sink takes its priority in any case. */
    static void checkLogPriority(Annotation annotation, String what, SourcePosition position) {
        for (Element element : annotation.getElements()) {
            if ("priority".equals(element.getKey())
                    && !LOG_PRIORITIES.contains(element.getValue().toUpperCase(Locale.ROOT))) {
                throw new CompileException(at(element, position), what + " has priority '" + element.getValue()
                        + "': it takes one of 'DEBUG', 'ERROR', 'FATAL', 'INFO', 'OFF', 'TRACE', 'WARN'");
            }
        }
    }

    /** {@code dir.polling.interval}, of the file and s3 sources alike: a positive number of milliseconds. */
    static void checkPollingInterval(String value, String what, SourcePosition at) {
        if (!value.matches("[1-9][0-9]{0,9}")) {
            throw new CompileException(at, what + " has dir.polling.interval '" + value
                    + "': it takes a positive number of milliseconds");
        }
    }
}
