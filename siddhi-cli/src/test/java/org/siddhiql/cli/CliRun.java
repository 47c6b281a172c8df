package org.siddhiql.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One in-process call of {@code bin/siddhi}, as a test sees it: the exit code and what went to stdout and stderr. */
record CliRun(int exitCode, String out, String err) {

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new SiddhiCli());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new CliRun(commandLine.execute(args), out.toString(), err.toString());
    }

    /** The first line of stderr: where the CLI puts its one-line error. */
    String errLine() {
        return err.lines().findFirst().orElse("");
    }
}
