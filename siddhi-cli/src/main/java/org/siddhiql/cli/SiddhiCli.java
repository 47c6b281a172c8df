package org.siddhiql.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.flink.util.TimeUtils;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.OnDemandCompiler;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.compiler.plan.OnDemandPlan;
import org.siddhiql.flink.operator.OnDemandStateReader;
import org.siddhiql.flink.translate.RestoreFailures;
import org.siddhiql.runtime.event.Event;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bin/siddhi}: validate, explain and run SiddhiQL apps. */
@Command(name = "siddhi", mixinStandardHelpOptions = true, version = "siddhi 0.1.0",
        description = "Compiles SiddhiQL apps into Apache Flink jobs.",
        subcommands = {SiddhiCli.Run.class, SiddhiCli.Query.class, SiddhiCli.Validate.class, SiddhiCli.Explain.class,
                ClusterCommand.class, Submit.class, JobCommands.List.class, JobCommands.Cancel.class,
                JobCommands.Stop.class, Replay.class, TableCommand.class, CommandLine.HelpCommand.class})
public final class SiddhiCli {
    /** Exit code for an invalid app, events file or option. */
    static final int INVALID_INPUT = 1;
    /** Exit code for a job that failed while running. */
    static final int JOB_FAILED = 3;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SiddhiCli()).execute(args));
    }

    /** Shared by the subcommands: read and compile an app, turning every problem into a one-line message. */
    abstract static class AppCommand implements Callable<Integer> {
        @Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "APP", description = "the SiddhiQL app file")
        Path app;

        @Option(names = "--stacktrace", description = "print the stack trace of failures")
        boolean stacktrace;

        /** The app's text, as compiled. */
        String appText;

        @Override
        public final Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            try {
                return execute(compile());
            } catch (CompileException e) {
                err.println(e.format(app.toString()));
                return INVALID_INPUT;
            } catch (UserError e) {
                err.println(e.getMessage());
                return INVALID_INPUT;
            } catch (Exception e) {
                err.println("error: " + rootMessage(e));
                if (stacktrace) {
                    e.printStackTrace(err);
                }
                return JOB_FAILED;
            } finally {
                out().flush();
                err.flush();
            }
        }

        abstract int execute(AppPlan plan) throws Exception;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        private AppPlan compile() throws IOException {
            String text;
            try {
                text = Files.readString(app, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw new UserError(app + ": no such file");
            }
            appText = text;
            return new AppCompiler().compile(text);
        }
    }

    @Command(name = "run", description = {"Runs an app on an embedded Flink cluster.",
            "With --events: over an events file, in event time (Siddhi's playback).",
            "Without: an app with @source annotations runs from its sources into its @sink streams, in processing "
                    + "time, checkpointing, until cancelled (Ctrl-C); any other app over events typed on standard "
                    + "input, in processing time (\"ts\" optional).",
            "With --engine beam-direct|beam-flink: as a Beam pipeline, over --events or, for an app with @source "
                    + "(kafka, file; sinks kafka, file, log), from its sources, with Beam's pipeline options after "
                    + "--, e.g. run app.siddhi --engine beam-flink -- --flinkMaster=localhost:8081 "
                    + "--checkpointingInterval=10000 --parallelism=2"})
    static final class Run extends AppCommand {
        @Option(names = "--events", paramLabel = "EVENTS",
                description = "JSON-lines events: {\"stream\":..,\"ts\":..,\"data\":[..]} per line, in time order")
        Path events;

        @Option(names = "--out", paramLabel = "OUTDIR",
                description = "write OUTDIR/<Stream>.jsonl per output stream (default: print to the terminal)")
        Path out;

        @Option(names = "--parallelism", defaultValue = "1", description = "job parallelism (default: ${DEFAULT-VALUE})")
        int parallelism;

        @Option(names = "--engine", defaultValue = "flink",
                description = "flink (embedded MiniCluster), beam-direct or beam-flink (default: ${DEFAULT-VALUE})")
        String engine;

        @Option(names = "--savepoint", paramLabel = "DIR", description = {"with --events: once every event went "
                + "through, stop with a savepoint in DIR (end-of-input timers do not fire) and print its path"})
        Path savepoint;

        @Option(names = "--checkpoint-interval", defaultValue = "10s", paramLabel = "DURATION",
                converter = DurationConverter.class,
                description = "with @source: time between checkpoints, e.g. 500ms, 10s, 1min (default: ${DEFAULT-VALUE})")
        Duration checkpointInterval;

        @Option(names = "--checkpoint-dir", paramLabel = "DIR", description = {"with @source: where checkpoints go, "
                + "a local path or a URI such as file:///data/ckpt (default: <tmp>/siddhi-checkpoints/<app name>)"})
        String checkpointDir;

        @Option(names = "--from-savepoint", paramLabel = "PATH", description = {"with @source: resume from a "
                + "savepoint or a retained checkpoint (.../<job id>/chk-<n>), as printed when a run is cancelled"})
        String fromSavepoint;

        @Option(names = "--metrics-port", paramLabel = "PORT", description = {"serve the job's metrics for "
                + "Prometheus at http://<host>:PORT/metrics (siddhiQuery and siddhiStream groups, see README)"})
        Integer metricsPort;

        @Option(names = "--allow-non-restored-state", description = {"with --from-savepoint: drop the state of "
                + "queries the edited app no longer has, instead of failing"})
        boolean allowNonRestoredState;

        @Option(names = "-D", paramLabel = "KEY=VALUE", description = {"with @source: a Flink setting of the run, "
                + "e.g. -Ds3.endpoint=http://127.0.0.1:9000 -Ds3.path.style.access=true for checkpoints to s3:// "
                + "(credentials: -Ds3.access-key=.. -Ds3.secret-key=.., or AWS_ACCESS_KEY_ID and "
                + "AWS_SECRET_ACCESS_KEY in the environment); values are never printed"})
        Map<String, String> settings = new LinkedHashMap<>();

        @Parameters(index = "1..*", paramLabel = "BEAM_OPTION", description = {"after --, with --engine beam-direct "
                + "or beam-flink and an app with @source: Beam's pipeline options, e.g. -- --flinkMaster=host:8081 "
                + "--checkpointingInterval=10000 --parallelism=2 (the engine chooses the runner; unless given, "
                + "--parallelism and, on Flink, --checkpoint-interval of this command apply, and --flinkMaster is "
                + "[auto], an embedded cluster)"})
        List<String> pipelineOptions = new ArrayList<>();

        @Override
        int execute(AppPlan plan) throws Exception {
            if (parallelism < 1) {
                throw new UserError("--parallelism must be at least 1");
            }
            if (metricsPort != null && (metricsPort < 1 || metricsPort > 65535)) {
                throw new UserError("--metrics-port must be a port number, 1 to 65535");
            }
            boolean beam = engine.equals(BeamRun.DIRECT) || engine.equals(BeamRun.FLINK);
            if (!engine.equals("flink") && !beam) {
                throw new UserError("unknown engine '" + engine + "'; use flink, " + BeamRun.DIRECT + " or "
                        + BeamRun.FLINK);
            }
            if (out != null) {
                EmbeddedRun.requireDirectory(out);
            }
            if (beam && events == null && !plan.sources().isEmpty()) {
                return runConnectedOnBeam();
            }
            if (!pipelineOptions.isEmpty()) {
                throw new UserError("Beam pipeline options (after --) need --engine " + BeamRun.DIRECT + " or "
                        + BeamRun.FLINK + " and an app with @source (no --events)");
            }
            if (beam && (events == null || savepoint != null)) {
                throw new UserError("--engine " + engine + " runs over --events (without --savepoint) or an app with"
                        + " @source");
            }
            if (events == null && !plan.sources().isEmpty()) {
                return runConnected(plan);
            }
            if (checkpointDir != null || fromSavepoint != null) {
                throw new UserError("--checkpoint-dir and --from-savepoint need an app with @source (and no --events)");
            }
            if (!settings.isEmpty()) {
                throw new UserError("-D needs an app with @source (and no --events)");
            }
            if (events == null) {
                if (savepoint != null) {
                    throw new UserError("--savepoint needs --events");
                }
                EmbeddedRun.fromStdin(plan, parallelism).withMetricsPort(metricsPort).run(out);
                return 0;
            }
            EventFile eventFile;
            try {
                eventFile = EventFile.read(events, plan);
            } catch (NoSuchFileException e) {
                throw new UserError(events + ": no such file");
            }
            if (beam) {
                new BeamRun(plan, eventFile, new EmbeddedRun(plan, eventFile, parallelism).outputStreams(), engine,
                        parallelism).run(out);
                return 0;
            }
            EmbeddedRun run = new EmbeddedRun(plan, eventFile, parallelism).withMetricsPort(metricsPort);
            if (savepoint == null) {
                run.run(out);
            } else {
                EmbeddedRun.requireDirectory(savepoint);
                out().println(run.runToSavepoint(out, savepoint));
            }
            return 0;
        }

        private int runConnected(AppPlan plan) throws Exception {
            if (savepoint != null) {
                throw new UserError("--savepoint needs --events; a run with @source keeps its checkpoints on cancel");
            }
            if (checkpointInterval.isNegative() || checkpointInterval.toMillis() < 10) {
                throw new UserError("--checkpoint-interval must be at least 10ms");
            }
            URI storage = checkpointDir == null
                    ? Path.of(System.getProperty("java.io.tmpdir"), "siddhi-checkpoints", plan.name()).toUri()
                    : location(checkpointDir);
            String restore = fromSavepoint == null ? null : existing(location(fromSavepoint)).toString();
            new ConnectedRun(plan, parallelism, checkpointInterval, storage, restore, allowNonRestoredState, out,
                    settings).withMetricsPort(metricsPort).run(spec.commandLine().getErr());
            return 0;
        }

        /** An app with @source on Beam: Beam's own options after --, instead of the Flink run's checkpoint flags. */
        private int runConnectedOnBeam() throws IOException {
            if (savepoint != null || checkpointDir != null || fromSavepoint != null || allowNonRestoredState
                    || !settings.isEmpty() || metricsPort != null) {
                throw new UserError("--engine " + engine + " takes Beam's pipeline options after --, not --savepoint,"
                        + " --checkpoint-dir, --from-savepoint, --allow-non-restored-state, -D or --metrics-port");
            }
            new BeamConnectedRun(appText, engine, parallelism, checkpointInterval, out, pipelineOptions)
                    .run(spec.commandLine().getErr());
            return 0;
        }

        /** A URI as given, or a local path made absolute. */
        static URI location(String pathOrUri) {
            return pathOrUri.matches("[a-zA-Z][a-zA-Z0-9+.-]*://.*|file:.*")
                    ? URI.create(pathOrUri) : Path.of(pathOrUri).toAbsolutePath().toUri();
        }

        static URI existing(URI snapshot) {
            if ("file".equals(snapshot.getScheme()) && !Files.isDirectory(Path.of(snapshot))) {
                throw new UserError(Path.of(snapshot) + ": no such savepoint or checkpoint directory");
            }
            return snapshot;
        }
    }

    /** Durations as Flink writes them in its configuration: 500ms, 10s, 1min. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return TimeUtils.parseDuration(value);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration such as 500ms or 10s");
            }
        }
    }

    @Command(name = "query", description = {"Answers an on-demand query from a table or an aggregation in a savepoint "
            + "or retained checkpoint of the app, e.g. \"from T on v > 10 select k, sum(v) as s group by k\" or "
            + "\"from A within 0L, 3600000L per 'minutes' select AGG_TIMESTAMP, k, total\".",
            "Prints one JSON line per result row, as run does."})
    static final class Query extends AppCommand {
        @Parameters(index = "1", paramLabel = "QUERY", description = "the on-demand query")
        String query;

        @Option(names = "--state", required = true, paramLabel = "SNAPSHOT",
                description = "a savepoint or retained checkpoint directory of the app's job")
        Path state;

        @Override
        int execute(AppPlan plan) throws Exception {
            OnDemandPlan onDemand;
            try {
                onDemand = new OnDemandCompiler().compile(appText, query);
            } catch (CompileException e) {
                throw new UserError(e.format("QUERY"));
            }
            if (!Files.isDirectory(state)) {
                throw new UserError(state + ": no such savepoint or checkpoint directory");
            }
            List<Event> rows = OnDemandStateReader.read(state.toAbsolutePath().toUri().toString(), onDemand.source());
            for (Event row : onDemand.evaluate(rows)) {
                out().println(EventJson.line(row));
            }
            return 0;
        }
    }

    @Command(name = "validate", description = "Checks an app and reports the first error as FILE:LINE:COLUMN.")
    static final class Validate extends AppCommand {
        @Override
        int execute(AppPlan plan) {
            out().println(app + ": valid (" + plan.streams().size() + " streams, " + plan.allQueries().size()
                    + " queries)");
            return 0;
        }
    }

    @Command(name = "explain", description = "Prints the logical plan and the Flink job graph of an app.")
    static final class Explain extends AppCommand {
        @Option(names = "--parallelism", defaultValue = "1", description = "job parallelism (default: ${DEFAULT-VALUE})")
        int parallelism;

        @Override
        int execute(AppPlan plan) {
            out().print(JobGraphDescriber.describe(plan, parallelism));
            return 0;
        }
    }

    static String rootMessage(Throwable e) {
        Optional<String> edit = RestoreFailures.explain(e);
        if (edit.isPresent()) {
            return edit.get();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
