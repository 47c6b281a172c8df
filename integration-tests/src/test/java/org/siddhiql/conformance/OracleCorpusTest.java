package org.siddhiql.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks the corpus against the oracle alone (no product engine needed): every case is well formed, runs on
 * siddhi-core, reproduces its {@code expected/} exactly and emits something.
 */
class OracleCorpusTest {

    /** A case whose app contains this marker may legitimately emit nothing at all. */
    static final String EMPTY_OUTPUT_MARKER = "-- conformance: empty output expected";

    private static final Pattern APP_NAME = Pattern.compile("@app:name\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)");

    @TestFactory
    Stream<DynamicTest> everyCaseRunsOnTheOracle() {
        List<ConformanceCase> cases = ConformanceCase.all(ConformanceCase.CASES_ROOT);
        assertTrue(cases.size() >= 100, "expected at least 100 cases but found " + cases.size());
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(ConformanceCase c) throws Exception {
        String app = Files.readString(c.app(), StandardCharsets.UTF_8);
        Matcher m = APP_NAME.matcher(app);
        assertTrue(m.find(), c.name() + ": app has no @app:name");
        assertEquals(c.name(), m.group(1), c.name() + ": @app:name must equal the directory name");

        List<OracleEngine.InputEvent> events = OracleEngine.readEvents(c.events());
        assertTrue(events.size() >= 1, c.name() + ": no events");
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).ts() >= events.get(i - 1).ts(),
                    c.name() + ": timestamps decrease at events line " + events.get(i).lineNo());
        }

        Path out = Files.createTempDirectory("oracle-" + c.name());
        try {
            new OracleEngine().run(c.app(), c.events(), out, 1);
            Map<String, List<String>> actual = Outputs.read(out);
            assertTrue(!actual.isEmpty(), c.name() + ": the app has no output stream");
            boolean anything = actual.values().stream().anyMatch(l -> !l.isEmpty());
            assertTrue(anything || app.contains(EMPTY_OUTPUT_MARKER),
                    c.name() + ": every output is empty; a useless case unless marked '" + EMPTY_OUTPUT_MARKER + "'");
            for (Map.Entry<String, List<String>> e : actual.entrySet()) {
                for (String line : e.getValue()) {
                    for (JsonNode v : Json.MAPPER.readTree(line).get("data")) {
                        if (v.isTextual() && (v.asText().equals("NaN") || v.asText().endsWith("Infinity"))) {
                            fail(c.name() + ": " + e.getKey() + " has a non-finite number, which the JSON "
                                    + "contract cannot express: " + line);
                        }
                    }
                }
            }
            Optional<Path> expectedDir = c.expected();
            if (expectedDir.isPresent()) {
                Optional<String> diff = Outputs.compare(Outputs.read(expectedDir.get()), actual, true);
                diff.ifPresent(d -> fail(c.name() + ": the oracle no longer reproduces expected/: " + d));
            }
        } finally {
            OracleTool.deleteRecursively(out);
        }
    }
}
