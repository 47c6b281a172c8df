package org.siddhiql.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A subcommand that works on a cluster or its jobs rather than on an app: a problem the user can fix is one line and
 * exit code 1, a failure is one line and exit code 3 (with its stack trace on {@code --stacktrace}).
 */
abstract class CliCommand implements Callable<Integer> {
    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--stacktrace", description = "print the stack trace of failures")
    boolean stacktrace;

    @Override
    public final Integer call() {
        PrintWriter err = err();
        try {
            return execute();
        } catch (UserError e) {
            err.println(e.getMessage());
            return SiddhiCli.INVALID_INPUT;
        } catch (Exception e) {
            err.println("error: " + SiddhiCli.rootMessage(e));
            if (stacktrace) {
                e.printStackTrace(err);
            }
            return SiddhiCli.JOB_FAILED;
        } finally {
            out().flush();
            err.flush();
        }
    }

    abstract int execute() throws Exception;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
