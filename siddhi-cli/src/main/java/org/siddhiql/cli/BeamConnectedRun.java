package org.siddhiql.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.PipelineRunner;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.joda.time.Instant;
import org.siddhiql.beam.io.SiddhiConnectors;
import org.siddhiql.beam.runtime.RowEvents;

/**
 * {@code run --engine beam-direct|beam-flink} of an app with {@code @source}s: the app as a Beam pipeline
 * ({@link SiddhiConnectors}) on the DirectRunner or the FlinkRunner, until its sources end or it is cancelled
 * (Ctrl-C). The arguments after {@code --} are Beam's pipeline options ({@code PipelineOptionsFactory.fromArgs}), such
 * as {@code --flinkMaster=host:8081 --checkpointingInterval=10000 --parallelism=2}; the engine chooses the runner.
 * Where they do not say otherwise, the run takes the command's {@code --parallelism} and, on Flink, its
 * {@code --checkpoint-interval}, in streaming mode, on the Flink cluster of {@code --flinkMaster} ({@code [auto]}: an
 * embedded one).
 *
 * <p>Output streams without a {@code @sink} are written as {@code run --events} writes them, to stdout or
 * {@code OUTDIR/<Stream>.jsonl}, appended as they come (at least once across a restore).
 */
final class BeamConnectedRun {
    /** How often the run looks whether it was interrupted while the pipeline runs. */
    private static final org.joda.time.Duration POLL = org.joda.time.Duration.standardSeconds(1);

    private final String appText;
    private final String engine;
    private final int parallelism;
    private final Duration checkpointInterval;
    private final Path outDir; // null: stdout
    private final List<String> pipelineArgs;

    BeamConnectedRun(String appText, String engine, int parallelism, Duration checkpointInterval, Path outDir,
            List<String> pipelineArgs) {
        this.appText = appText;
        this.engine = engine;
        this.parallelism = parallelism;
        this.checkpointInterval = checkpointInterval;
        this.outDir = outDir;
        this.pipelineArgs = List.copyOf(pipelineArgs);
    }

    /** Runs until the pipeline ends, fails, or the JVM is asked to stop; {@code log} gets the run's notices. */
    void run(PrintWriter log) throws IOException {
        SiddhiConnectors app = SiddhiConnectors.of(appText);
        Pipeline pipeline = Pipeline.create(options());
        PCollectionTuple unsunk = pipeline.apply(app);
        if (outDir != null) {
            Files.createDirectories(outDir);
        }
        for (String stream : app.unsunkStreams()) {
            String file = outDir == null ? null : outDir.resolve(stream + ".jsonl").toAbsolutePath().toString();
            if (file != null) {
                Files.writeString(Path.of(file), "");
            }
            unsunk.<Row>get(stream).apply("Write " + stream, ParDo.of(new WriteLines(stream, file)));
        }
        log.println("siddhi: running " + app.appName() + " on " + engine + ". Ctrl-C cancels.");
        log.flush();
        PipelineResult result = pipeline.run();
        Thread onSignal = new Thread(() -> cancel(result), "siddhi-cancel-on-signal");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            PipelineResult.State state = awaitEnd(result);
            if (state == null) {
                log.println("siddhi: cancelled");
            } else if (state != PipelineResult.State.DONE) {
                throw new UserError("the Beam pipeline ended " + state);
            } else {
                log.println("siddhi: the sources ended and so did the pipeline");
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook is cancelling the pipeline
            }
        }
    }

    /**
     * The pipeline's final state, or null when the running thread was interrupted (how an embedding program asks the
     * run to stop) and the pipeline was cancelled.
     */
    private static PipelineResult.State awaitEnd(PipelineResult result) {
        while (!Thread.currentThread().isInterrupted()) {
            PipelineResult.State state;
            try {
                state = result.waitUntilFinish(POLL);
            } catch (RuntimeException e) {
                if (!Thread.currentThread().isInterrupted() && !(e.getCause() instanceof InterruptedException)) {
                    throw e; // the pipeline failed
                }
                break;
            }
            if (state != null && state.isTerminal()) {
                return state;
            }
        }
        // The runner's shutdown waits for its workers; with the interrupt still pending that wait would fail.
        Thread.interrupted();
        cancel(result);
        Thread.currentThread().interrupt();
        return null;
    }

    /** Beam's options from the arguments after {@code --}, completed with the engine's runner and the run's defaults. */
    PipelineOptions options() {
        String[] args = pipelineArgs.toArray(String[]::new);
        PipelineOptions parsed;
        try {
            parsed = PipelineOptionsFactory.fromArgs(args).create();
        } catch (IllegalArgumentException e) {
            throw new UserError("Beam pipeline option: " + e.getMessage());
        }
        Class<? extends PipelineRunner<?>> runner = engine.equals(BeamRun.DIRECT) ? DirectRunner.class
                : FlinkRunner.class;
        if (given("runner") && !parsed.getRunner().equals(runner)) {
            throw new UserError("--runner=" + parsed.getRunner().getSimpleName() + " contradicts --engine " + engine
                    + ", which runs on the " + runner.getSimpleName());
        }
        parsed.setRunner(runner);
        if (runner == DirectRunner.class) {
            DirectOptions direct = parsed.as(DirectOptions.class);
            direct.setBlockOnRun(false); // run() returns, so that Ctrl-C can cancel the pipeline
            if (!given("targetParallelism")) {
                direct.setTargetParallelism(parallelism);
            }
            return direct;
        }
        FlinkPipelineOptions flink = parsed.as(FlinkPipelineOptions.class);
        flink.setStreaming(true);
        if (!given("flinkMaster")) {
            flink.setFlinkMaster("[auto]");
        }
        if (!given("parallelism")) {
            flink.setParallelism(parallelism);
        }
        if (!given("checkpointingInterval")) {
            flink.setCheckpointingInterval(checkpointInterval.toMillis());
        }
        if (!given("attachedMode")) {
            flink.setAttachedMode(false); // run() returns a handle that can cancel the job (on a cluster)
        }
        return flink;
    }

    private boolean given(String option) {
        return pipelineArgs.stream().anyMatch(arg -> arg.equals("--" + option) || arg.startsWith("--" + option + "="));
    }

    private static void cancel(PipelineResult result) {
        try {
            result.cancel();
        } catch (IOException | UnsupportedOperationException e) {
            // finished already, or the runner cannot cancel (an attached local Flink job ends with this JVM)
        }
    }

    /** A stream's rows as JSON lines, to stdout prefixed by the stream or appended to its file, a bundle at a time. */
    private static final class WriteLines extends DoFn<Row, Void> {
        private static final long serialVersionUID = 1L;
        /** Bundles of one JVM append one at a time, so that lines never interleave. */
        private static final Object APPENDING = new Object();

        private final String stream;
        private final String file; // null: stdout
        private transient StringBuilder lines;

        WriteLines(String stream, String file) {
            this.stream = stream;
            this.file = file;
        }

        @StartBundle
        public void startBundle() {
            lines = new StringBuilder();
        }

        @ProcessElement
        public void process(@Element Row row, @Timestamp Instant emitted) {
            if (file == null) {
                lines.append(stream).append(": ");
            }
            lines.append(EventJson.line(RowEvents.toEvent(row, emitted.getMillis()))).append('\n');
        }

        @FinishBundle
        public void finishBundle() throws IOException {
            if (lines.length() == 0) {
                return;
            }
            synchronized (APPENDING) {
                if (file == null) {
                    System.out.print(lines);
                    System.out.flush();
                } else {
                    Files.writeString(Path.of(file), lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                }
            }
            lines.setLength(0);
        }
    }
}
