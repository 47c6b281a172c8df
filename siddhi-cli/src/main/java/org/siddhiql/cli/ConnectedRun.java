package org.siddhiql.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.core.plugin.DefaultPluginManager;
import org.apache.flink.core.plugin.DirectoryBasedPluginFinder;
import org.apache.flink.core.plugin.PluginManager;
import org.apache.flink.core.plugin.PluginUtils;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.siddhiql.cli.cluster.LocalCluster;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.connectors.ConnectedApp;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.job.Checkpointing;
import org.siddhiql.job.SiddhiJob;
import org.siddhiql.runtime.event.Event;

/**
 * {@code bin/siddhi run} of an app with {@code @source}s: a long-running job reading its sources and writing its
 * {@code @sink}s in processing time, until cancelled.
 *
 * <p>It checkpoints as every live app does ({@link Checkpointing}: exactly-once, RocksDB, incremental) into
 * {@code <checkpoint dir>/<job id>/chk-<n>}; the checkpoints are retained when the job is cancelled, so a later run
 * can resume from the latest one as from a savepoint. Cancelling is an interrupt of the running thread or, from a
 * terminal, Ctrl-C or SIGTERM: a shutdown hook cancels the job and waits for it, so the sources' offsets and the
 * queries' state stay in the last checkpoint.
 */
final class ConnectedRun {
    /** How long a cancellation may take before the run gives up waiting for the job. */
    private static final Duration CANCEL_TIMEOUT = Duration.ofSeconds(30);

    private final AppPlan plan;
    private final int parallelism;
    private final Duration checkpointInterval;
    private final URI checkpointDir;
    private final String restoreFrom; // null: start from the sources' start offsets
    private final boolean allowNonRestoredState;
    private final Path outDir; // null: output streams without a @sink go to stdout
    private final Map<String, String> settings; // Flink settings given by the user, e.g. s3.endpoint
    private Integer metricsPort; // null: no Prometheus endpoint

    ConnectedRun(AppPlan plan, int parallelism, Duration checkpointInterval, URI checkpointDir, String restoreFrom,
            boolean allowNonRestoredState, Path outDir, Map<String, String> settings) {
        this.allowNonRestoredState = allowNonRestoredState;
        this.plan = plan;
        this.outDir = outDir;
        this.settings = Map.copyOf(settings);
        this.parallelism = parallelism;
        this.checkpointInterval = checkpointInterval;
        this.checkpointDir = checkpointDir;
        this.restoreFrom = restoreFrom;
    }

    /** Serves the job's metrics for Prometheus on the port (null: not at all); see {@link PrometheusEndpoint}. */
    ConnectedRun withMetricsPort(Integer port) {
        this.metricsPort = port;
        return this;
    }

    /**
     * The Flink configuration of the run: the checkpointing of every live app ({@link Checkpointing}), no restarts,
     * the s3 connectors' file systems and, when asked, the Prometheus reporter.
     */
    Configuration configuration() {
        Configuration config = Checkpointing.configuration(checkpointInterval, checkpointDir);
        // a failure ends the run with its cause; the user restarts from the retained checkpoint
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        if (restoreFrom != null) {
            config.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom);
            config.set(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, allowNonRestoredState);
        }
        config.addAll(ConnectedApp.fileSystemConfiguration(plan)); // the s3 connectors' endpoints and credentials
        config.addAll(Configuration.fromMap(settings));
        return PrometheusEndpoint.configure(config, metricsPort);
    }

    /** Runs until the job fails, its sources end, or the run is cancelled; {@code log} gets the run's notices. */
    void run(PrintWriter log) throws Exception {
        Configuration config = configuration();
        // The embedded cluster's file systems are this JVM's: configured here, they see the s3.* settings (endpoint,
        // credentials) that checkpoints to s3:// need, and load from Flink's plugins as on a cluster.
        FileSystem.initialize(config, plugins(config));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        writeUnsunkStreams(SiddhiJob.build(env, plan));
        JobClient job = env.executeAsync(plan.name());
        String jobCheckpoints = location(URI.create(checkpointDir.toString().replaceAll("/+$", "") + "/"
                + job.getJobID()));
        log.println("siddhi: running " + plan.name() + (restoreFrom == null ? "" : " from " + restoreFrom)
                + "; checkpoints every " + checkpointInterval.toMillis() + " ms to " + jobCheckpoints
                + ", kept on cancel. Ctrl-C cancels.");
        log.flush();
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread onSignal = new Thread(() -> cancel(job, cancelled), "siddhi-cancel-on-signal");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            job.getJobExecutionResult().get();
            log.println("siddhi: the sources ended and so did the job");
            return;
        } catch (InterruptedException e) {
            cancel(job, cancelled); // an interrupt is how an embedding program asks the run to stop
        } catch (ExecutionException e) {
            if (!cancelled.get()) {
                throw e; // the job failed: its cluster is gone with it, so its status cannot be asked
            }
        } finally {
            removeHook(onSignal);
        }
        if (!"file".equals(checkpointDir.getScheme())) {
            log.println("siddhi: cancelled; restart with --from-savepoint " + jobCheckpoints + "/chk-<latest>");
            return;
        }
        log.println("siddhi: cancelled; " + latestCheckpoint(Path.of(jobCheckpoints))
                .map(checkpoint -> "restart with --from-savepoint " + checkpoint)
                .orElse("no checkpoint was completed"));
    }

    /**
     * Flink's plugins, each in a class loader of its own: from the directory {@value LocalCluster#PLUGINS_PROPERTY}
     * names (bin/siddhi's, with Flink's S3 file system), else from {@code FLINK_PLUGINS_DIR} as Flink's processes do.
     */
    private static PluginManager plugins(Configuration config) throws IOException {
        String directory = System.getProperty(LocalCluster.PLUGINS_PROPERTY);
        if (directory == null) {
            return PluginUtils.createPluginManagerFromRootFolder(config);
        }
        return new DefaultPluginManager(new DirectoryBasedPluginFinder(Path.of(directory)).findPlugins(),
                CoreOptions.getPluginParentFirstLoaderPatterns(config));
    }

    /** A local path for a file URI, else the URI. */
    private static String location(URI uri) {
        return "file".equals(uri.getScheme()) ? Path.of(uri).toString() : uri.toString();
    }

    private static void cancel(JobClient job, AtomicBoolean cancelled) {
        cancelled.set(true);
        try {
            job.cancel().get(CANCEL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            job.getJobExecutionResult().exceptionally(failure -> null)
                    .get(CANCEL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // already finished, or the cluster is going down with the JVM: its checkpoints are on disk either way
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running and cancels the job
        }
    }

    /** The newest completed checkpoint of a job: the {@code chk-<n>} with the highest n that has its metadata. */
    static Optional<Path> latestCheckpoint(Path jobCheckpoints) throws IOException {
        if (!Files.isDirectory(jobCheckpoints)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(jobCheckpoints)) {
            List<Path> completed = entries
                    .filter(dir -> dir.getFileName().toString().matches("chk-\\d+"))
                    .filter(dir -> Files.isRegularFile(dir.resolve("_metadata")))
                    .toList();
            return completed.stream().max(Comparator.comparingLong(
                    dir -> Long.parseLong(dir.getFileName().toString().substring("chk-".length()))));
        }
    }

    /**
     * Output streams without a {@code @sink} are written as {@code run --events} writes them: to stdout, or to
     * {@code OUTDIR/<Stream>.jsonl}. These writers append as events come and are not part of checkpoints (at least
     * once across a restore); use a {@code @sink} where exactly-once output matters.
     */
    private void writeUnsunkStreams(Map<String, DataStream<Event>> streams) throws IOException {
        Set<String> sunk = plan.sinks().stream().map(SinkSpec::stream).collect(Collectors.toSet());
        for (String stream : plan.outputStreams()) {
            DataStream<Event> events = streams.get(stream);
            if (sunk.contains(stream) || events == null) {
                continue;
            }
            JsonLinesSink sink;
            if (outDir == null) {
                sink = JsonLinesSink.toStdout(stream);
            } else {
                Files.createDirectories(outDir);
                sink = JsonLinesSink.toFile(stream, outDir.resolve(stream + ".jsonl"));
            }
            events.sinkTo(sink).name("output " + stream).uid("siddhi-output-" + stream).setParallelism(1);
        }
    }
}
