package org.siddhiql.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A developer's tool for writing cases: runs the oracle on case directories and prints what each output stream
 * got; with {@code --write-expected} it (re)writes each case's {@code expected/} from the oracle.
 *
 * <pre>
 * java ... org.siddhiql.conformance.OracleTool [--write-expected] CASE_DIR...
 * java ... org.siddhiql.conformance.OracleTool --validate INVALID_CASE_DIR...
 * </pre>
 * {@code --validate} prints how siddhi-core rejects each app: the exception, its message and the
 * start/end positions it carries ({@code [line, column]}, line 1-based, column 0-based).
 */
public final class OracleTool {

    private OracleTool() {
    }

    public static void main(String[] args) throws Exception {
        boolean write = false;
        boolean validate = false;
        List<Path> dirs = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--validate")) {
                validate = true;
            } else if (a.equals("--write-expected")) {
                write = true;
            } else {
                dirs.add(Paths.get(a));
            }
        }
        if (validate) {
            for (Path dir : dirs) {
                System.out.println("== " + dir.getFileName());
                try {
                    OracleEngine.validate(Files.readString(dir.resolve("app.siddhi")));
                    System.out.println("ACCEPTED (not rejected!)");
                } catch (RuntimeException e) {
                    System.out.println(e.getClass().getName());
                    System.out.println("  message: " + e.getMessage());
                    if (e instanceof io.siddhi.query.api.exception.SiddhiAppContextException ctx) {
                        System.out.println("  start=" + java.util.Arrays.toString(ctx.getQueryContextStartIndex())
                                + " end=" + java.util.Arrays.toString(ctx.getQueryContextEndIndex()));
                    }
                    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                        System.out.println("  cause: " + c);
                    }
                }
            }
            return;
        }
        int failures = 0;
        for (Path dir : dirs) {
            String name = dir.getFileName().toString();
            Path out = Files.createTempDirectory("oracle-" + name);
            try {
                new OracleEngine().run(dir.resolve("app.siddhi"), dir.resolve("events.jsonl"), out, 1);
            } catch (Exception | Error e) {
                failures++;
                System.out.println("== " + name + " FAILED: " + e);
                continue;
            }
            Map<String, List<String>> result = Outputs.read(out);
            System.out.println("== " + name);
            for (Map.Entry<String, List<String>> e : result.entrySet()) {
                System.out.println("-- " + e.getKey() + " (" + e.getValue().size() + ")");
                e.getValue().forEach(System.out::println);
            }
            if (write) {
                Path expected = dir.resolve("expected");
                deleteRecursively(expected);
                Files.createDirectories(expected);
                try (Stream<Path> files = Files.list(out)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Files.copy(f, expected.resolve(f.getFileName()));
                    }
                }
            }
            deleteRecursively(out);
        }
        if (failures > 0) {
            throw new IllegalStateException(failures + " case(s) failed on the oracle");
        }
    }

    static void deleteRecursively(Path p) throws java.io.IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(q);
            }
        }
    }
}
