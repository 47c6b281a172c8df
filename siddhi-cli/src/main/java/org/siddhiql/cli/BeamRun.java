package org.siddhiql.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Instant;
import org.siddhiql.beam.runtime.AppClock;
import org.siddhiql.beam.runtime.GraphLayout;
import org.siddhiql.beam.runtime.SequencedEvent;
import org.siddhiql.beam.runtime.SequencedEventCoder;
import org.siddhiql.beam.runtime.SiddhiGraph;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.flink.operator.TaggedEvent;

/**
 * {@code run --events --engine beam-direct|beam-flink}: the app as a Beam pipeline over an events file, on Beam's
 * DirectRunner or its FlinkRunner (in streaming mode, on the context's Flink cluster or an embedded one). Each event
 * carries its line's position, so equal-time events keep the file's order; outputs carry their emission order, and
 * each stream's file is written in it.
 */
final class BeamRun {
    /** The engines this class runs, as {@code --engine} names them. */
    static final String DIRECT = "beam-direct";
    static final String FLINK = "beam-flink";

    private final AppPlan plan;
    private final EventFile events;
    private final List<String> outputs;
    private final String engine;
    private final int parallelism;

    BeamRun(AppPlan plan, EventFile events, List<String> outputs, String engine, int parallelism) {
        this.plan = plan;
        this.events = events;
        this.outputs = outputs;
        this.engine = engine;
        this.parallelism = parallelism;
    }

    void run(Path outDir) throws IOException {
        if (outDir != null) {
            Files.createDirectories(outDir);
            for (String stream : outputs) {
                Files.writeString(outDir.resolve(stream + ".jsonl"), "");
            }
        }
        if (events.events().isEmpty()) {
            return; // nothing can be emitted: the clock never starts
        }
        GraphLayout layout = GraphLayout.of(plan);
        Pipeline pipeline = Pipeline.create(options());
        List<TimestampedValue<SequencedEvent>> input = new ArrayList<>();
        List<TaggedEvent> tagged = events.events();
        for (int i = 0; i < tagged.size(); i++) {
            TaggedEvent event = tagged.get(i);
            input.add(TimestampedValue.of(new SequencedEvent(event.stream(), i, event.event()),
                    new Instant(event.event().timestamp())));
        }
        PCollectionTuple streams = pipeline
                .apply("Events file", Create.timestamped(input)
                        .withCoder(SequencedEventCoder.of(layout.inputSchemas())))
                .apply("Queries", new SiddhiGraph(layout, AppClock.EVENT_TIME));
        for (String stream : outputs) {
            if (!layout.outputs().contains(stream)) {
                continue; // no query in the graph writes it
            }
            streams.get(layout.outputTag(stream))
                    .apply("Lines of " + stream, ParDo.of(new ToLine(stream)))
                    .setCoder(KvCoder.of(StringUtf8Coder.of(), KvCoder.of(VarLongCoder.of(), StringUtf8Coder.of())))
                    .apply("All of " + stream, GroupByKey.create())
                    .apply("Write " + stream, ParDo.of(new WriteInOrder(
                            outDir == null ? null : outDir.toAbsolutePath().toString())));
        }
        PipelineResult.State state = pipeline.run().waitUntilFinish();
        if (state != PipelineResult.State.DONE) {
            throw new UserError("the Beam pipeline ended " + state);
        }
    }

    private PipelineOptions options() {
        if (engine.equals(DIRECT)) {
            DirectOptions options = PipelineOptionsFactory.as(DirectOptions.class);
            options.setRunner(DirectRunner.class);
            options.setTargetParallelism(parallelism);
            return options;
        }
        FlinkPipelineOptions options = PipelineOptionsFactory.as(FlinkPipelineOptions.class);
        options.setRunner(FlinkRunner.class);
        // The context's cluster when there is one (a test's MiniCluster), else an embedded one.
        options.setFlinkMaster("[auto]");
        options.setStreaming(true);
        options.setParallelism(parallelism);
        options.setAttachedMode(true);
        // Beam's coders already copy what crosses an operator; Flink's extra defensive copy only costs time.
        options.setFasterCopy(true);
        return options;
    }

    /** An output event as its stream's JSON line, keyed by the stream, with its emission order. */
    private static final class ToLine extends DoFn<SequencedEvent, KV<String, KV<Long, String>>> {
        private static final long serialVersionUID = 1L;
        private final String stream;

        ToLine(String stream) {
            this.stream = stream;
        }

        @ProcessElement
        public void process(@Element SequencedEvent event, OutputReceiver<KV<String, KV<Long, String>>> out) {
            out.output(KV.of(stream, KV.of(event.seq(), EventJson.line(event.event()))));
        }
    }

    /** One stream's lines in emission order: to OUTDIR/Stream.jsonl, or to standard output prefixed by the stream. */
    private static final class WriteInOrder extends DoFn<KV<String, Iterable<KV<Long, String>>>, Void> {
        private static final long serialVersionUID = 1L;
        private final String outDir;

        WriteInOrder(String outDir) {
            this.outDir = outDir;
        }

        @ProcessElement
        public void process(@Element KV<String, Iterable<KV<Long, String>>> stream) {
            List<KV<Long, String>> lines = new ArrayList<>();
            stream.getValue().forEach(lines::add);
            lines.sort(Comparator.comparing(KV::getKey));
            StringBuilder text = new StringBuilder();
            for (KV<Long, String> line : lines) {
                if (outDir == null) {
                    text.append(stream.getKey()).append(": ");
                }
                text.append(line.getValue()).append('\n');
            }
            if (outDir == null) {
                System.out.print(text);
                System.out.flush();
                return;
            }
            try {
                Files.writeString(Path.of(outDir, stream.getKey() + ".jsonl"), text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
