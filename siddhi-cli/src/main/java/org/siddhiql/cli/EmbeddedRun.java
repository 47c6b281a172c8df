package org.siddhiql.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.HeartbeatManagerOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.flink.operator.PlaybackClockOperator;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.flink.operator.TimeMode;
import org.siddhiql.flink.translate.FlinkTranslator;
import org.siddhiql.flink.typeutils.TaggedEventTypeInfo;
import org.siddhiql.runtime.event.Event;

/**
 * Builds the Flink job of {@code bin/siddhi run}: events in — from a file, in event time with Siddhi's playback
 * clock, or live from standard input in processing time — and one JSON-lines sink per output stream.
 */
final class EmbeddedRun {
    private final AppPlan plan;
    private final EventFile events; // null: standard input
    private final int parallelism;
    private Integer metricsPort; // null: no Prometheus endpoint

    EmbeddedRun(AppPlan plan, EventFile events, int parallelism) {
        this.plan = plan;
        this.events = events;
        this.parallelism = parallelism;
    }

    /** Serves the job's metrics for Prometheus on the port (null: not at all); see {@link PrometheusEndpoint}. */
    EmbeddedRun withMetricsPort(Integer port) {
        this.metricsPort = port;
        return this;
    }

    /** Live events from standard input, on the wall clock. */
    static EmbeddedRun fromStdin(AppPlan plan, int parallelism) {
        return new EmbeddedRun(plan, null, parallelism);
    }

    /** The streams whose output is written: inserted into by a query and not fed from the events file. */
    List<String> outputStreams() {
        List<String> outputs = new ArrayList<>(plan.outputStreams());
        if (events != null) {
            outputs.removeAll(events.fedStreams());
        }
        return outputs;
    }

    /**
     * An embedded MiniCluster, or the cluster of the context environment when there is one (a test's shared
     * MiniCluster, or {@code flink run}), so that many runs need not each start a cluster.
     */
    StreamExecutionEnvironment environment() {
        return environment(new Configuration());
    }

    private StreamExecutionEnvironment environment(Configuration config) {
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        PrometheusEndpoint.configure(config, metricsPort);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        env.getConfig().disableGenericTypes(); // a Kryo fallback anywhere in the job is a bug
        return env;
    }

    /** Adds the app to {@code env}; output goes to files in {@code outDir}, or to standard output when it is null. */
    void build(StreamExecutionEnvironment env, Path outDir) {
        build(env, outDir, false);
    }

    /** @param idleAtEnd whether the events file's source stays idle after its last event instead of finishing */
    @SuppressWarnings("deprecation") // addSource: see StdinSource and ReplaySource
    private void build(StreamExecutionEnvironment env, Path outDir, boolean idleAtEnd) {
        TaggedEventTypeInfo type = new TaggedEventTypeInfo(new ArrayList<>(plan.streams().values()));
        Map<String, DataStream<Event>> streams;
        if (events == null) {
            DataStream<TaggedEvent> live = env.addSource(new StdinSource(plan), "stdin", type).setParallelism(1);
            streams = FlinkTranslator.translate(plan, live, plan.streams().keySet(), TimeMode.PROCESSING_TIME,
                    parallelism);
        } else {
            SingleOutputStreamOperator<TaggedEvent> recorded = idleAtEnd
                    ? env.addSource(new ReplaySource(events.events(), type), "events file", type)
                    : env.fromData(events.events(), type).name("events file");
            streams = playback(plan, recorded.setParallelism(1), events.fedStreams(), parallelism);
        }
        writeOutputs(streams, outputStreams(), outDir);
    }

    /**
     * The app in event time over recorded events, which {@code recorded} gives in time order on one channel:
     * Siddhi's playback clock, then the app's queries. {@code run --events} and {@code replay} build this same graph.
     *
     * @param fed the streams the recorded events are on
     */
    static Map<String, DataStream<Event>> playback(AppPlan plan, DataStream<TaggedEvent> recorded, Set<String> fed,
            int parallelism) {
        DataStream<TaggedEvent> clocked = recorded
                .transform("playback clock", recorded.getType(), new PlaybackClockOperator())
                .setParallelism(1)
                .uid("siddhi-playback-clock");
        return FlinkTranslator.translate(plan, clocked, fed, TimeMode.EVENT_TIME, parallelism);
    }

    /** One JSON-lines sink per output stream: files in {@code outDir}, or standard output when it is null. */
    static void writeOutputs(Map<String, DataStream<Event>> streams, List<String> outputs, Path outDir) {
        for (String stream : outputs) {
            DataStream<Event> output = streams.get(stream);
            if (output == null) {
                continue; // its producing queries read streams that get no events
            }
            output.sinkTo(outDir == null ? JsonLinesSink.toStdout(stream)
                            : JsonLinesSink.toFile(stream, outDir.resolve(stream + ".jsonl")))
                    .name("output " + stream)
                    .setParallelism(1);
        }
    }

    void run(Path outDir) throws Exception {
        createOutputFiles(outDir);
        if (events != null && events.events().isEmpty()) {
            return; // nothing can be emitted: the clock never starts
        }
        StreamExecutionEnvironment env = environment();
        build(env, outDir);
        env.execute(plan.name());
    }

    /**
     * Runs over the events file and, once every event went through, stops the job with a savepoint in
     * {@code savepointDir} without draining: the state is what Siddhi holds after the last event, pending timers
     * included and not fired (as at the end of input). The savepoint barrier follows the last event on every
     * channel, so every operator has processed all events when it snapshots.
     *
     * @return the savepoint's directory (a local path when it is on the local file system)
     */
    String runToSavepoint(Path outDir, Path savepointDir) throws Exception {
        createOutputFiles(outDir);
        Configuration config = new Configuration();
        // Accumulators reach the client with the task managers' heartbeats: beat often, so the wait is short.
        config.set(HeartbeatManagerOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(200));
        StreamExecutionEnvironment env = environment(config);
        build(env, outDir, true);
        JobClient job = env.executeAsync(plan.name());
        awaitEmitted(job, events.events().size());
        String savepoint = job.stopWithSavepoint(false, savepointDir.toAbsolutePath().toUri().toString(),
                SavepointFormatType.CANONICAL).get();
        job.getJobExecutionResult().get();
        URI location = URI.create(savepoint);
        return "file".equals(location.getScheme()) ? Path.of(location).toString() : savepoint;
    }

    /** Waits until the source has emitted {@code count} events; a job that ends first fails the run. */
    private static void awaitEmitted(JobClient job, long count) throws Exception {
        while (true) {
            Object emitted = job.getAccumulators().get().get(ReplaySource.EMITTED);
            if (emitted != null && ((Number) emitted).longValue() >= count) {
                return;
            }
            JobStatus status = job.getJobStatus().get();
            if (status.isGloballyTerminalState()) {
                job.getJobExecutionResult().get(); // throws the job's failure
                throw new IllegalStateException("the job ended (" + status + ") before all events were processed");
            }
            Thread.sleep(50);
        }
    }

    private void createOutputFiles(Path outDir) throws IOException {
        if (outDir != null) {
            Files.createDirectories(outDir);
            for (String stream : outputStreams()) {
                Files.write(outDir.resolve(stream + ".jsonl"), new byte[0]);
            }
        }
    }

    static void requireDirectory(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserError(dir + " exists and is not a directory");
        }
    }
}
