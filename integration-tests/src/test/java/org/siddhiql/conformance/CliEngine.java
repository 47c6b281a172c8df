package org.siddhiql.conformance;

import org.siddhiql.cli.SiddhiCli;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Our product, run in-process exactly like
 * {@code bin/siddhi run APP --events EVENTS --out OUTDIR --parallelism N --engine E}.
 */
public final class CliEngine implements ConformanceEngine {

    private final String engine;

    public CliEngine(String engine) {
        this.engine = engine;
    }

    @Override
    public String name() {
        return engine;
    }

    @Override
    public void run(Path app, Path events, Path outDir, int parallelism) throws Exception {
        Files.createDirectories(outDir);
        StringWriter err = new StringWriter();
        StringWriter out = new StringWriter();
        CommandLine commandLine = new CommandLine(new SiddhiCli());
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(out, true));
        int exit = commandLine.execute("run", app.toString(), "--events", events.toString(),
                "--out", outDir.toString(), "--parallelism", String.valueOf(parallelism), "--engine", engine);
        if (exit != 0) {
            throw new EngineFailedException("siddhi run --engine " + engine + " --parallelism " + parallelism
                    + " exited with " + exit + ": " + err.toString().strip());
        }
    }

    /** The product rejected the app or the events, or the job failed. */
    public static final class EngineFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        EngineFailedException(String message) {
            super(message);
        }
    }
}
