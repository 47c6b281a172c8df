package org.siddhiql.exactlyonce;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a run of {@link SensorAudit} committed, per output: the records of its topic as a {@code read_committed}
 * consumer sees them, and the lines of its committed part files (in-progress and pending files, whose names start
 * with a dot, are not output yet).
 */
record CommittedOutput(Map<String, List<String>> topics, Map<String, List<String>> files) {
    private static final Pattern JSON_SENSOR = Pattern.compile("\"sensor\":\"([^\"]*)\"");

    /**
     * The lines of the committed part files under {@code dir}, oldest file first. A file's name says nothing of its
     * place across restarts (each attempt of the writer names its files anew), so files are ordered by when they
     * were last written; attempts are seconds apart and files of one attempt roll a checkpoint apart.
     */
    static List<String> committedLines(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> parts;
        try (Stream<Path> files = Files.list(dir)) {
            parts = files.filter(file -> file.getFileName().toString().startsWith("part-")).toList();
        }
        Map<Path, Long> written = new HashMap<>();
        for (Path part : parts) {
            written.put(part, Files.getLastModifiedTime(part).toMillis());
        }
        List<String> lines = new ArrayList<>();
        for (Path part : parts.stream().sorted(Comparator.comparing((Path part) -> written.get(part))
                .thenComparing(Path::toString)).toList()) {
            lines.addAll(Files.readAllLines(part, UTF_8));
        }
        return lines;
    }

    /** How many records all topics hold. */
    int topicRecords() {
        return topics.values().stream().mapToInt(List::size).sum();
    }

    /**
     * Asserts that this run committed exactly what {@code reference} did, output by output: the same records as a
     * multiset (naming what is missing and what is duplicated when not), and each sensor's records in the same order.
     */
    void assertSameAs(CommittedOutput reference) {
        for (String output : SensorAudit.OUTPUT_NAMES) {
            assertSame("topic " + output, reference.topics.get(output), topics.get(output), CommittedOutput::jsonKey);
            assertSame("files " + output, reference.files.get(output), files.get(output), CommittedOutput::csvKey);
        }
    }

    private static void assertSame(String what, List<String> expected, List<String> actual,
            Function<String, String> key) {
        Map<String, Integer> balance = new HashMap<>();
        expected.forEach(record -> balance.merge(record, 1, Integer::sum));
        actual.forEach(record -> balance.merge(record, -1, Integer::sum));
        List<String> missing = new ArrayList<>();
        List<String> surplus = new ArrayList<>();
        balance.forEach((record, count) -> {
            if (count > 0) {
                missing.add(count + " x " + record);
            } else if (count < 0) {
                surplus.add(-count + " x " + record);
            }
        });
        if (!missing.isEmpty() || !surplus.isEmpty()) {
            fail(what + ": " + actual.size() + " records committed, " + expected.size() + " expected; "
                    + missing.size() + " distinct missing, e.g. " + missing.stream().limit(3).toList() + "; "
                    + surplus.size() + " distinct duplicated or unexpected, e.g. "
                    + surplus.stream().limit(3).toList());
        }
        assertEquals(byKey(expected, key), byKey(actual, key), what + ": a sensor's records in another order");
    }

    private static Map<String, List<String>> byKey(List<String> records, Function<String, String> key) {
        Map<String, List<String>> byKey = new LinkedHashMap<>();
        records.forEach(record -> byKey.computeIfAbsent(key.apply(record), k -> new ArrayList<>()).add(record));
        return byKey;
    }

    private static String jsonKey(String record) {
        Matcher sensor = JSON_SENSOR.matcher(record);
        if (!sensor.find()) {
            throw new IllegalArgumentException("no sensor in " + record);
        }
        return sensor.group(1);
    }

    private static String csvKey(String line) {
        return line.substring(0, line.indexOf(','));
    }
}
