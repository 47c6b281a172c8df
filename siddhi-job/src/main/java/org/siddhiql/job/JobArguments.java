package org.siddhiql.job;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.flink.util.TimeUtils;

/**
 * The program arguments of {@link SiddhiJob}: {@code --app FILE} or {@code --app-text TEXT}, and optionally
 * {@code --checkpoint-interval DURATION} and {@code --checkpoint-dir URI}. Parallelism and the savepoint to start
 * from are {@code flink run}'s own {@code -p} and {@code -s}.
 */
final class JobArguments {
    private static final Set<String> NAMES = Set.of("app", "app-text", "checkpoint-interval", "checkpoint-dir");

    private final Map<String, String> values;

    private JobArguments(Map<String, String> values) {
        this.values = values;
    }

    static JobArguments parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!NAMES.contains(name) || i + 1 == args.length) {
                throw new IllegalArgumentException("usage: --app FILE | --app-text TEXT [--checkpoint-interval "
                        + "DURATION] [--checkpoint-dir URI]; not understood: " + args[i]);
            }
            values.put(name, args[i + 1]);
        }
        if (values.containsKey("app") == values.containsKey("app-text")) {
            throw new IllegalArgumentException("give the app as --app FILE or as --app-text TEXT, once");
        }
        return new JobArguments(values);
    }

    String appText() {
        String text = values.get("app-text");
        if (text != null) {
            return text;
        }
        try {
            return Files.readString(Path.of(values.get("app")), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the app " + values.get("app"), e);
        }
    }

    /** What compile errors are reported against: the file, or APP for an app given as text. */
    String appName() {
        return values.getOrDefault("app", "APP");
    }

    Duration checkpointInterval() {
        String interval = values.get("checkpoint-interval");
        return interval == null ? Checkpointing.DEFAULT_INTERVAL : TimeUtils.parseDuration(interval);
    }

    /** The checkpoint directory as a URI, a local path made absolute; null for the cluster's own. */
    URI checkpointDir() {
        String dir = values.get("checkpoint-dir");
        if (dir == null) {
            return null;
        }
        return dir.matches("[a-zA-Z][a-zA-Z0-9+.-]*:.*") ? URI.create(dir) : Path.of(dir).toAbsolutePath().toUri();
    }
}
