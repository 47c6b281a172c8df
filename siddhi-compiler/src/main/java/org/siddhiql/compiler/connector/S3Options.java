package org.siddhiql.compiler.connector;

import io.siddhi.query.api.annotation.Annotation;
import io.siddhi.query.api.annotation.Element;
import java.util.Map;
import java.util.Set;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.SourcePosition;

/**
 * The options of {@code @source/@sink(type='s3')}: files in an S3 bucket, read and written as the file connector
 * reads and writes a directory. siddhi-io-s3's names where it has them: {@code bucket.name}, {@code object.path}
 * (the key prefix, a directory, under which objects are read or part files written; the bucket's root when absent),
 * {@code aws.access.key} and {@code aws.secret.key} (both or neither: without them the S3 file system's own
 * credentials, such as the environment's, are used), {@code aws.region}; our own {@code endpoint} (an S3-compatible
 * service's URL) and {@code path.style.access}; and the file source's {@code dir.polling.interval}.
 */
final class S3Options {
    static final Set<String> REQUIRED = Set.of("bucket.name");
    static final Set<String> SINK_OPTIONAL = Set.of("object.path", "aws.access.key", "aws.secret.key",
            "aws.region", "endpoint", "path.style.access");
    static final Set<String> SOURCE_OPTIONAL = union(SINK_OPTIONAL, Set.of("dir.polling.interval"));

    private S3Options() {
    }

    static void check(Map<String, String> options, Annotation annotation, String what, SourcePosition position) {
        if (options.containsKey("aws.access.key") != options.containsKey("aws.secret.key")) {
            throw new CompileException(position, what + " needs both 'aws.access.key' and 'aws.secret.key', or"
                    + " neither");
        }
        for (Element element : annotation.getElements()) {
            String value = element.getValue();
            SourcePosition at = ConnectorCompiler.at(element, position);
            switch (element.getKey()) {
                case "bucket.name":
                    if (!value.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]") && !value.contains("${")) {
                        throw new CompileException(at, what + " has bucket.name '" + value + "', which is not an S3"
                                + " bucket name (3 to 63 lower-case letters, digits, dots and hyphens)");
                    }
                    break;
                case "object.path":
                    if (value.startsWith("/") || value.contains("//")) {
                        throw new CompileException(at, what + " has object.path '" + value + "': it takes a key"
                                + " prefix such as 'trades/2026', without a leading or doubled '/'");
                    }
                    break;
                case "path.style.access":
                    if (!value.matches("(?i)true|false")) {
                        throw new CompileException(at, what + " has path.style.access '" + value + "': it takes"
                                + " 'true' or 'false'");
                    }
                    break;
                case "endpoint":
                    if (!value.matches("https?://.+") && !value.contains("${")) {
                        throw new CompileException(at, what + " has endpoint '" + value + "': it takes an http:// or"
                                + " https:// URL");
                    }
                    break;
                case "dir.polling.interval":
                    OptionValues.checkPollingInterval(value, what, at);
                    break;
                default:
                    break;
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
