package org.siddhiql.compiler.connector;

import io.siddhi.query.api.SiddhiElement;
import io.siddhi.query.api.annotation.Annotation;
import io.siddhi.query.api.annotation.Element;
import io.siddhi.query.api.definition.StreamDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.SourcePosition;

/**
 * Compiles the {@code @source} and {@code @sink} annotations of stream definitions into {@link SourceSpec}s and
 * {@link SinkSpec}s. Only connector and mapper types a runtime implements are accepted, with exactly the options it
 * honours: an option we would ignore is an error, not a surprise in production.
 */
public final class ConnectorCompiler {
    /** The options a connector or mapper type takes, by Siddhi's names. */
    private record Options(Set<String> required, Set<String> optional) {
        boolean knows(String option) {
            return required.contains(option) || optional.contains(option);
        }
    }

    /** Our own sink option, as Siddhi has none: whether a sink writes {@code exactly_once} or {@code at_least_once}. */
    public static final String DELIVERY_GUARANTEE = "delivery.guarantee";
    private static final Set<String> DELIVERY_GUARANTEES = Set.of("exactly_once", "at_least_once");

    // threading.option is accepted as in Siddhi, where it is required; Flink's parallelism decides the threads.
    private static final Map<String, Options> SOURCES = Map.of(
            "kafka", new Options(Set.of("bootstrap.servers", "topic.list", "group.id"),
                    Set.of("threading.option", "optional.configuration")),
            "file", new Options(Set.of(), OptionValues.FILE_SOURCE_OPTIONS),
            "http", new Options(HttpOptions.SOURCE_REQUIRED, HttpOptions.SOURCE_OPTIONAL),
            "s3", new Options(S3Options.REQUIRED, S3Options.SOURCE_OPTIONAL),
            "inmemory", new Options(Set.of(), Set.of("topic")),
            "iceberg", new Options(TableOptions.ICEBERG_REQUIRED, TableOptions.ICEBERG_SOURCE_OPTIONAL),
            "delta", new Options(TableOptions.DELTA_REQUIRED, TableOptions.DELTA_SOURCE_OPTIONAL));
    private static final Map<String, Options> SINKS = Map.of(
            "kafka", new Options(Set.of("bootstrap.servers", "topic"),
                    Set.of("optional.configuration", DELIVERY_GUARANTEE)),
            "file", new Options(Set.of("file.uri"), Set.of()),
            "http", new Options(HttpOptions.SINK_REQUIRED, HttpOptions.SINK_OPTIONAL),
            "s3", new Options(S3Options.REQUIRED, S3Options.SINK_OPTIONAL),
            "inmemory", new Options(Set.of("topic"), Set.of()),
            "log", new Options(Set.of(), Set.of("prefix", "priority")),
            "iceberg", new Options(TableOptions.ICEBERG_REQUIRED, TableOptions.ICEBERG_SINK_OPTIONAL),
            "delta", new Options(TableOptions.DELTA_REQUIRED, TableOptions.DELTA_SINK_OPTIONAL));

    private final List<SourceSpec> sources = new ArrayList<>();
    private final List<SinkSpec> sinks = new ArrayList<>();

    /** Compiles the connectors of the definitions, in definition and annotation order. */
    public static ConnectorCompiler compile(Iterable<StreamDefinition> definitions) {
        ConnectorCompiler compiler = new ConnectorCompiler();
        for (StreamDefinition definition : definitions) {
            List<SinkSpec> sinks = new ArrayList<>();
            for (Annotation annotation : definition.getAnnotations()) {
                String name = annotation.getName().toLowerCase(Locale.ROOT);
                if (name.equals("source")) {
                    compiler.sources.add(connector(definition, annotation, "@source", SOURCES, SourceSpec::new));
                } else if (name.equals("sink")) {
                    sinks.add(connector(definition, annotation, "@sink", SINKS, SinkSpec::new));
                }
            }
            List<String> primaryKey = IcebergSinkOptions.primaryKey(definition,
                    sinks.stream().anyMatch(sink -> sink.type().equals("iceberg")));
            sinks.forEach(sink -> compiler.sinks.add(sink.withPrimaryKey(primaryKey)));
        }
        return compiler;
    }

    public List<SourceSpec> sources() {
        return List.copyOf(sources);
    }

    public List<SinkSpec> sinks() {
        return List.copyOf(sinks);
    }

    private interface SpecFactory<T> {
        T create(String stream, String type, Map<String, String> options, MapSpec map, int line, int column);
    }

    private static <T> T connector(StreamDefinition definition, Annotation annotation, String kind,
            Map<String, Options> types, SpecFactory<T> factory) {
        SourcePosition position = SourcePosition.firstOf(annotation, definition);
        String what = kind + " of stream '" + definition.getId() + "'";
        Map<String, String> options = options(annotation, what, position);
        String type = typeOf(options, what, types, position);
        options.remove("type");
        checkOptions(options, types.get(type), what + " (type '" + type + "')", annotation, position);
        checkOptionalConfiguration(annotation, what, position);
        checkDeliveryGuarantee(annotation, what, position);
        if (type.equals("file") && kind.equals("@source")) {
            OptionValues.checkFileSource(options, annotation, what, position);
        } else if (type.equals("http")) {
            if (kind.equals("@source")) {
                HttpOptions.checkSource(options, annotation, what, position);
            } else {
                HttpOptions.checkSink(options, annotation, what, position);
            }
        } else if (type.equals("s3")) {
            S3Options.check(options, annotation, what, position);
        } else if (type.equals("delta") && kind.equals("@source")) {
            DeltaSourceOptions.check(options, annotation, what, position);
        } else if (type.equals("iceberg") && kind.equals("@source")) {
            TableOptions.checkIcebergSource(options, annotation, what, position);
        } else if (type.equals("iceberg") && kind.equals("@sink")) {
            IcebergSinkOptions.check(options, annotation, definition, what, position);
        } else if (type.equals("log")) {
            OptionValues.checkLogPriority(annotation, what, position);
        } else if (type.equals("delta") && kind.equals("@sink")) {
            DeltaSinkOptions.check(options, annotation, definition, what, position);
        }
        if (kind.equals("@sink")) {
            OptionValues.checkStatic(annotation, what, position);
        }

        Annotation mapAnnotation = null;
        for (Annotation nested : annotation.getAnnotations()) {
            SourcePosition at = SourcePosition.firstOf(nested, annotation, definition);
            if (!nested.getName().equalsIgnoreCase("map")) {
                throw new CompileException(at, "@" + nested.getName() + " inside " + what + " is not supported");
            }
            if (mapAnnotation != null) {
                throw new CompileException(at, what + " has more than one @map");
            }
            mapAnnotation = nested;
        }
        MapSpec map = MapCompiler.compile(mapAnnotation, kind.equals("@source"), type, definition, what, position);
        return factory.create(definition.getId(), type, options, map, position.line(), position.column());
    }

    /** The annotation's key='value' elements; keys are case-sensitive as in Siddhi, and each may appear once. */
    private static Map<String, String> options(Annotation annotation, String what, SourcePosition position) {
        Map<String, String> options = new LinkedHashMap<>();
        for (Element element : annotation.getElements()) {
            if (element.getKey() == null) {
                throw new CompileException(at(element, position), what + " has an option without a name: '" + element.getValue() + "'");
            }
            if (options.put(element.getKey(), element.getValue()) != null) {
                throw new CompileException(at(element, position), what + " sets option '" + element.getKey() + "' twice");
            }
        }
        return options;
    }

    private static String typeOf(Map<String, String> options, String what, Map<String, Options> types,
            SourcePosition position) {
        String type = options.get("type");
        if (type == null) {
            throw new CompileException(position, what + " needs a type: supported types are " + quoted(types.keySet()));
        }
        String normalized = type.toLowerCase(Locale.ROOT);
        if (!types.containsKey(normalized)) {
            throw new CompileException(position, what + " has unknown type '" + type + "': supported types are "
                    + quoted(types.keySet()));
        }
        return normalized;
    }

    private static void checkOptions(Map<String, String> options, Options known, String what, Annotation annotation,
            SourcePosition position) {
        for (Element element : annotation.getElements()) {
            String key = element.getKey();
            if (!key.equals("type") && !known.knows(key)) {
                throw new CompileException(at(element, position), what + " has unknown option '" + key + "': it takes "
                        + quoted(union(known.required(), known.optional())));
            }
        }
        Set<String> missing = new TreeSet<>(known.required());
        missing.removeAll(options.keySet());
        if (!missing.isEmpty()) {
            throw new CompileException(position, what + " misses required option" + (missing.size() > 1 ? "s " : " ")
                    + quoted(missing));
        }
    }

    /** Siddhi's {@code optional.configuration='key1:value1,key2:value2'}: further client properties. */
    private static void checkOptionalConfiguration(Annotation annotation, String what, SourcePosition position) {
        for (Element element : annotation.getElements()) {
            if (!"optional.configuration".equals(element.getKey())) {
                continue;
            }
            String[] entries = element.getValue().split(",");
            for (int i = 0; i < entries.length; i++) {
                if (entries[i].indexOf(':') <= 0) {
                    // the entry itself is not quoted: without a key, it may as well be a credential
                    throw new CompileException(at(element, position), what + " has entry " + (i + 1)
                            + " of optional.configuration not in 'key:value' form: it takes 'key:value' pairs"
                            + " separated by commas");
                }
            }
        }
    }

    private static void checkDeliveryGuarantee(Annotation annotation, String what, SourcePosition position) {
        for (Element element : annotation.getElements()) {
            if (DELIVERY_GUARANTEE.equals(element.getKey()) && !DELIVERY_GUARANTEES.contains(element.getValue())) {
                throw new CompileException(at(element, position), what + " has " + DELIVERY_GUARANTEE + " '"
                        + element.getValue() + "': it takes " + quoted(DELIVERY_GUARANTEES));
            }
        }
    }

    /** Where the parser located the element, or the fallback when it did not. */
    static SourcePosition at(SiddhiElement element, SourcePosition fallback) {
        return element.getQueryContextStartIndex() == null ? fallback : SourcePosition.of(element);
    }

    static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /** {@code 'a', 'b'}: names sorted and quoted, for messages that list what an annotation takes. */
    static String quoted(Iterable<String> names) {
        List<String> sorted = new ArrayList<>();
        names.forEach(sorted::add);
        sorted.sort(null);
        return "'" + String.join("', '", sorted) + "'";
    }
}
