package org.siddhiql.conformance;

import io.siddhi.core.exception.SiddhiAppCreationException;
import io.siddhi.query.api.exception.SiddhiAppValidationException;
import io.siddhi.query.api.exception.SiddhiAppContextException;
import io.siddhi.query.compiler.exception.SiddhiParserException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every app under {@code conformance/invalid/} must be rejected by siddhi-core too, at parse or creation time,
 * with one of its "bad app" exceptions (not a crash of some other kind); and each case must say what is
 * expected of us ({@code error.txt} or a well-formed {@code expect.txt}).
 */
class OracleRejectsInvalidAppsTest {

    private static final Pattern EXPECT = Pattern.compile("\\d+:\\d+ \\S.*");

    static List<Path> invalidCases() {
        List<Path> result = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(ConformanceCase.INVALID_ROOT)) {
            dirs.filter(d -> Files.isRegularFile(d.resolve("app.siddhi"))).sorted().forEach(result::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }

    @TestFactory
    Stream<DynamicTest> siddhiCoreRejectsEveryInvalidApp() {
        List<Path> cases = invalidCases();
        assertTrue(cases.size() >= 25, "expected at least 25 invalid apps but found " + cases.size());
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    private static void check(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        Path error = dir.resolve("error.txt");
        Path expect = dir.resolve("expect.txt");
        if (Files.isRegularFile(error)) {
            assertTrue(!Files.readString(error, StandardCharsets.UTF_8).isBlank(), name + ": error.txt is empty");
        } else {
            assertTrue(Files.isRegularFile(expect), name + ": needs error.txt or expect.txt");
            String line = Files.readString(expect, StandardCharsets.UTF_8).strip();
            assertTrue(EXPECT.matcher(line).matches(), name + ": expect.txt must be 'LINE:COLUMN what is wrong'");
        }
        String app = Files.readString(dir.resolve("app.siddhi"), StandardCharsets.UTF_8);
        try {
            OracleEngine.validate(app);
        } catch (SiddhiParserException | SiddhiAppCreationException | SiddhiAppValidationException e) {
            assertTrue(e instanceof SiddhiAppContextException, name + ": unexpected " + e);
            return;
        } catch (RuntimeException e) {
            fail(name + ": siddhi-core failed with " + e.getClass().getName()
                    + " instead of rejecting the app cleanly: " + e.getMessage(), e);
        }
        fail(name + ": siddhi-core accepts this app, so it does not belong to the invalid corpus");
    }
}
