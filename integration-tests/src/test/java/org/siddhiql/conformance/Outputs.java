package org.siddhiql.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The files of an output directory, read and compared. */
public final class Outputs {

    private Outputs() {
    }

    /** Stream name → lines (blank lines dropped), for every {@code *.jsonl} in {@code dir}, sorted by name. */
    public static Map<String, List<String>> read(Path dir) {
        Map<String, List<String>> result = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return result;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String file = f.getFileName().toString();
                if (!file.endsWith(".jsonl") || !Files.isRegularFile(f)) {
                    continue;
                }
                List<String> lines = new ArrayList<>();
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        lines.add(line);
                    }
                }
                result.put(file.substring(0, file.length() - ".jsonl".length()), lines);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    /**
     * Compares two output directories. In order (parallelism 1) every stream's lines must be equal one by one;
     * otherwise as multisets. Lines are compared after {@link Json#normalise}. Returns the first difference,
     * described in one short line, or empty when they match.
     */
    public static Optional<String> compare(Map<String, List<String>> expected, Map<String, List<String>> actual,
                                           boolean ordered) {
        if (!expected.keySet().equals(actual.keySet())) {
            return Optional.of("output files differ: expected " + expected.keySet() + " but got " + actual.keySet());
        }
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            String stream = e.getKey();
            List<String> exp = normaliseAll(e.getValue());
            List<String> act = normaliseAll(actual.get(stream));
            if (!ordered) {
                exp.sort(null);
                act.sort(null);
            }
            int n = Math.min(exp.size(), act.size());
            for (int i = 0; i < n; i++) {
                if (!exp.get(i).equals(act.get(i))) {
                    return Optional.of(stream + ".jsonl " + (ordered ? "line " + (i + 1) : "sorted line " + (i + 1))
                            + ": expected " + exp.get(i) + " but got " + act.get(i));
                }
            }
            if (exp.size() != act.size()) {
                String more = exp.size() > act.size()
                        ? "missing " + exp.get(n) : "unexpected " + act.get(n);
                return Optional.of(stream + ".jsonl: expected " + exp.size() + " lines but got " + act.size()
                        + " (" + (ordered ? "first " : "one ") + more + ")");
            }
        }
        return Optional.empty();
    }

    private static List<String> normaliseAll(List<String> lines) {
        List<String> result = new ArrayList<>(lines.size());
        for (String l : lines) {
            result.add(Json.normalise(l));
        }
        return result;
    }
}
