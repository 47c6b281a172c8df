package org.siddhiql.conformance;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The conformance suite: every case under {@code conformance/cases/} runs on the oracle (siddhi-core), whose
 * output must equal the case's {@code expected/} when present, and then on each product engine configuration,
 * whose output must equal the oracle's: line by line at parallelism 1, as a multiset above.
 *
 * <p>System properties: {@code conformance.engines} (default {@code flink}; e.g. {@code flink,beam-direct}; {@code
 * beam-flink@1} runs an engine at that parallelism only),
 * {@code conformance.parallelisms} (default {@code 1,4}), {@code conformance.cases} (comma-separated case names;
 * default all), {@code conformance.work} (where outputs are written; default {@code target/conformance}).
 */
class ConformanceITCase {

    /** One Flink MiniCluster for all runs: the CLI picks it up as the context environment. */
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4)
                    .build());

    private static final List<Result> RESULTS = Collections.synchronizedList(new ArrayList<>());
    private static final Map<String, OracleRun> ORACLE_RUNS = new ConcurrentHashMap<>();

    record Result(String caseName, String engine, int parallelism, String status, String reason) {
    }

    /** The oracle's output for a case, computed once, or why it could not be computed. */
    record OracleRun(Map<String, List<String>> output, String failure) {
    }

    static List<String> engines() {
        return split(System.getProperty("conformance.engines", "flink"));
    }

    static List<Integer> parallelisms() {
        return split(System.getProperty("conformance.parallelisms", "1,4")).stream().map(Integer::valueOf).toList();
    }

    private static List<String> split(String value) {
        List<String> result = new ArrayList<>();
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                result.add(s.strip());
            }
        }
        return result;
    }

    static Path workDir() {
        return Paths.get(System.getProperty("conformance.work", "target/conformance")).toAbsolutePath();
    }

    @TestFactory
    Stream<DynamicNode> conformance() {
        List<DynamicNode> nodes = new ArrayList<>();
        for (ConformanceCase c : ConformanceCase.all(ConformanceCase.CASES_ROOT)) {
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(DynamicTest.dynamicTest("oracle", () -> checkOracle(c)));
            for (String spec : engines()) {
                // "engine@p" runs that engine at parallelism p only, as skip.txt names a configuration
                int at = spec.indexOf('@');
                String engine = at < 0 ? spec : spec.substring(0, at);
                List<Integer> parallelisms = at < 0 ? parallelisms() : List.of(Integer.valueOf(spec.substring(at + 1)));
                for (int parallelism : parallelisms) {
                    tests.add(DynamicTest.dynamicTest(engine + " p=" + parallelism,
                            () -> checkEngine(c, new CliEngine(engine), parallelism)));
                }
            }
            nodes.add(DynamicContainer.dynamicContainer(c.name(), tests));
        }
        return nodes.stream();
    }

    private static OracleRun oracle(ConformanceCase c) {
        return ORACLE_RUNS.computeIfAbsent(c.name(), name -> {
            Path out = workDir().resolve(name).resolve("oracle");
            try {
                OracleTool.deleteRecursively(out);
                new OracleEngine().run(c.app(), c.events(), out, 1);
                return new OracleRun(Outputs.read(out), null);
            } catch (Exception | Error e) {
                return new OracleRun(null, "oracle failed: " + e);
            }
        });
    }

    private static void checkOracle(ConformanceCase c) {
        OracleRun run = oracle(c);
        if (run.failure() != null) {
            record(c, "oracle", 1, "FAIL", run.failure());
            fail(c.name() + ": " + run.failure());
        }
        Optional<Path> expected = c.expected();
        if (expected.isPresent()) {
            Optional<String> diff = Outputs.compare(Outputs.read(expected.get()), run.output(), true);
            if (diff.isPresent()) {
                record(c, "oracle", 1, "FAIL", "differs from expected/: " + diff.get());
                fail(c.name() + ": the oracle differs from expected/: " + diff.get());
            }
        }
        record(c, "oracle", 1, "PASS", expected.isPresent() ? "matches expected/" : "no expected/");
    }

    private static void checkEngine(ConformanceCase c, ConformanceEngine engine, int parallelism) {
        Optional<String> skip = c.skipReason(engine.name(), parallelism);
        if (skip.isPresent()) {
            record(c, engine.name(), parallelism, "SKIP", skip.get());
            Assumptions.abort("skipped by skip.txt: " + skip.get());
        }
        OracleRun oracle = oracle(c);
        if (oracle.failure() != null) {
            record(c, engine.name(), parallelism, "FAIL", "no reference: " + oracle.failure());
            fail(c.name() + ": no reference output: " + oracle.failure());
        }
        Path out = workDir().resolve(c.name()).resolve(engine.name() + "-p" + parallelism);
        try {
            OracleTool.deleteRecursively(out);
            engine.run(c.app(), c.events(), out, parallelism);
        } catch (Exception | Error e) {
            record(c, engine.name(), parallelism, "FAIL", String.valueOf(e.getMessage()));
            fail(c.name() + " on " + engine.name() + " p=" + parallelism + ": " + e.getMessage(), e);
        }
        Optional<String> diff = Outputs.compare(oracle.output(), Outputs.read(out), parallelism == 1);
        if (diff.isPresent()) {
            record(c, engine.name(), parallelism, "FAIL", diff.get());
            fail(c.name() + " on " + engine.name() + " p=" + parallelism + " differs from the oracle: " + diff.get()
                    + "\n  oracle: " + workDir().resolve(c.name()).resolve("oracle") + "\n  ours:   " + out);
        }
        record(c, engine.name(), parallelism, "PASS", "");
    }

    private static void record(ConformanceCase c, String engine, int parallelism, String status, String reason) {
        RESULTS.add(new Result(c.name(), engine, parallelism, status, reason));
    }

    @AfterAll
    static void printSummary() {
        List<Result> results;
        synchronized (RESULTS) {
            results = new ArrayList<>(RESULTS);
        }
        int width = 4;
        for (Result r : results) {
            width = Math.max(width, r.caseName().length());
        }
        StringBuilder sb = new StringBuilder("\nConformance results\n");
        String format = "%-" + width + "s  %-12s  %3s  %-4s  %s%n";
        sb.append(String.format(format, "case", "engine", "par", "", "reason"));
        long passed = 0;
        long failed = 0;
        long skipped = 0;
        for (Result r : results) {
            sb.append(String.format(format, r.caseName(), r.engine(), r.parallelism(), r.status(),
                    shorten(r.reason())));
            switch (r.status()) {
                case "PASS" -> passed++;
                case "FAIL" -> failed++;
                default -> skipped++;
            }
        }
        if (skipped > 0) {
            sb.append(skipped).append(" skipped\n");
        }
        sb.append(passed).append(" passed, ").append(failed).append(" failed\n");
        System.out.print(sb);
        System.out.flush();
    }

    private static String shorten(String reason) {
        String oneLine = reason == null ? "" : reason.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 157) + "...";
    }
}
