package org.siddhiql.conformance;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.siddhiql.cli.SiddhiCli;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every app under {@code conformance/invalid/} must be rejected by {@code siddhi validate APP} with exit code 1,
 * and, where the case has an {@code error.txt}, with exactly that first line on stderr ({@code APP} standing for
 * the app path as passed). Cases with only an {@code expect.txt} are checked for the exit code and a non-empty
 * message; see the README in that folder.
 */
class InvalidAppITCase {

    @TestFactory
    Stream<DynamicTest> validateRejectsInvalidApps() {
        return OracleRejectsInvalidAppsTest.invalidCases().stream()
                .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
    }

    private static void check(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        String appPath = dir.resolve("app.siddhi").toString();
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new SiddhiCli());
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(out, true));
        int exit = commandLine.execute("validate", appPath);
        String stderr = err.toString();
        String firstLine = stderr.lines().findFirst().orElse("");
        assertEquals(1, exit, name + ": validate should exit with 1; stdout: " + out.toString().strip()
                + "; stderr: " + stderr.strip());
        Path error = dir.resolve("error.txt");
        if (Files.isRegularFile(error)) {
            String expected = Files.readString(error, StandardCharsets.UTF_8).lines().findFirst().orElse("")
                    .replace("APP", appPath);
            assertEquals(expected, firstLine, name + ": first line of stderr");
        } else {
            assertFalse(firstLine.isBlank(), name + ": validate printed no message on stderr");
        }
    }
}
