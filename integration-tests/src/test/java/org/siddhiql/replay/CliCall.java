package org.siddhiql.replay;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.siddhiql.cli.SiddhiCli;
import picocli.CommandLine;

/** One in-process call of {@code bin/siddhi}: its exit code and what went to stdout and stderr. */
record CliCall(int exitCode, String out, String err) {
    static CliCall of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new SiddhiCli());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return new CliCall(commandLine.execute(args), out.toString(), err.toString());
    }
}
