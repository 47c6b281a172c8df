package org.siddhiql.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One directory of the corpus: {@code app.siddhi}, {@code events.jsonl}, optional {@code expected/} and
 * optional {@code skip.txt}.
 */
public record ConformanceCase(String name, Path dir) {

    /** Where the corpus lives, resolved against the module directory (Maven runs tests from there). */
    public static final Path CASES_ROOT = resourceRoot().resolve("cases");
    public static final Path INVALID_ROOT = resourceRoot().resolve("invalid");

    static Path resourceRoot() {
        String override = System.getProperty("conformance.root");
        if (override != null && !override.isBlank()) {
            return Paths.get(override).toAbsolutePath();
        }
        Path fromModule = Paths.get("src", "test", "resources", "conformance");
        if (Files.isDirectory(fromModule)) {
            return fromModule.toAbsolutePath();
        }
        Path fromRoot = Paths.get("integration-tests", "src", "test", "resources", "conformance");
        if (Files.isDirectory(fromRoot)) {
            return fromRoot.toAbsolutePath();
        }
        // last resort: the copy Maven put on the test classpath
        java.net.URL url = ConformanceCase.class.getClassLoader().getResource("conformance/cases");
        if (url != null && "file".equals(url.getProtocol())) {
            try {
                return Paths.get(url.toURI()).getParent();
            } catch (java.net.URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("cannot find the conformance corpus; set -Dconformance.root");
    }

    public Path app() {
        return dir.resolve("app.siddhi");
    }

    public Path events() {
        return dir.resolve("events.jsonl");
    }

    public Optional<Path> expected() {
        Path p = dir.resolve("expected");
        return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
    }

    /** All cases under {@code root}, sorted by name; {@code -Dconformance.cases=a,b} selects some by name. */
    public static List<ConformanceCase> all(Path root) {
        String only = System.getProperty("conformance.cases", "").trim();
        List<String> selected = only.isEmpty() ? List.of() : List.of(only.split("\\s*,\\s*"));
        List<ConformanceCase> result = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(Files::isDirectory).sorted().forEach(d -> {
                String name = d.getFileName().toString();
                if (selected.isEmpty() || selected.contains(name)) {
                    result.add(new ConformanceCase(name, d));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /**
     * Reads {@code skip.txt}: lines {@code ENGINE[@PARALLELISM] REASON} ({@code *} for any engine). Returns the
     * reason if this case skips the given engine at the given parallelism.
     */
    public Optional<String> skipReason(String engine, int parallelism) {
        Path skip = dir.resolve("skip.txt");
        if (!Files.isRegularFile(skip)) {
            return Optional.empty();
        }
        try {
            for (String raw : Files.readAllLines(skip, StandardCharsets.UTF_8)) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\\s+", 2);
                if (parts.length < 2 || parts[1].isBlank()) {
                    throw new IllegalStateException(skip + ": every skip needs a reason: '" + raw + "'");
                }
                String target = parts[0];
                String eng = target;
                Integer par = null;
                int at = target.indexOf('@');
                if (at >= 0) {
                    eng = target.substring(0, at);
                    par = Integer.valueOf(target.substring(at + 1));
                }
                if ((eng.equals("*") || eng.equals(engine)) && (par == null || par == parallelism)) {
                    return Optional.of(parts[1].strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return name;
    }
}
