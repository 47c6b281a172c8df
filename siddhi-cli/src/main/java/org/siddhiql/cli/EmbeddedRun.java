package org.siddhiql.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
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

    EmbeddedRun(AppPlan plan, EventFile events, int parallelism) {
        this.plan = plan;
        this.events = events;
        this.parallelism = parallelism;
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
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        env.getConfig().disableGenericTypes(); // a Kryo fallback anywhere in the job is a bug
        return env;
    }

    /** Adds the app to {@code env}; output goes to files in {@code outDir}, or to standard output when it is null. */
    @SuppressWarnings("deprecation") // addSource: see StdinSource
    void build(StreamExecutionEnvironment env, Path outDir) {
        TaggedEventTypeInfo type = new TaggedEventTypeInfo(new ArrayList<>(plan.streams().values()));
        Map<String, DataStream<Event>> streams;
        if (events == null) {
            DataStream<TaggedEvent> live = env.addSource(new StdinSource(plan), "stdin", type).setParallelism(1);
            streams = FlinkTranslator.translate(plan, live, plan.streams().keySet(), TimeMode.PROCESSING_TIME,
                    parallelism);
        } else {
            DataStream<TaggedEvent> clocked = env
                    .fromData(events.events(), type)
                    .name("events file")
                    .setParallelism(1)
                    .transform("playback clock", type, new PlaybackClockOperator())
                    .setParallelism(1)
                    .uid("siddhi-playback-clock");
            streams = FlinkTranslator.translate(plan, clocked, events.fedStreams(), TimeMode.EVENT_TIME,
                    parallelism);
        }
        for (String stream : outputStreams()) {
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
        if (outDir != null) {
            Files.createDirectories(outDir);
            for (String stream : outputStreams()) {
                Files.write(outDir.resolve(stream + ".jsonl"), new byte[0]);
            }
        }
        if (events != null && events.events().isEmpty()) {
            return; // nothing can be emitted: the clock never starts
        }
        StreamExecutionEnvironment env = environment();
        build(env, outDir);
        env.execute(plan.name());
    }

    static void requireDirectory(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserError(dir + " exists and is not a directory");
        }
    }
}
