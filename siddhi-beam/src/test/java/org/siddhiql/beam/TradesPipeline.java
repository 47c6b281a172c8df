package org.siddhiql.beam;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.GenerateSequence;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.siddhiql.beam.runtime.AppClock;
import org.siddhiql.beam.runtime.GraphLayout;
import org.siddhiql.beam.runtime.SequencedEvent;
import org.siddhiql.beam.runtime.SequencedEventCoder;
import org.siddhiql.beam.runtime.SiddhiGraph;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.runtime.event.Event;

/**
 * The pipeline of {@link FlinkRunnerExactlyOnceITCase} on the FlinkRunner: a replayable source (Beam's unbounded
 * counting source, whose checkpoint mark is its position) of deterministic trades, the app's queries — a time-batch
 * aggregation by symbol and a pattern in a partition by symbol — and a sink that only sees an output once a
 * checkpoint taken after it has completed ({@code @RequiresStableInput}). Each output reaches the sink with its
 * emission sequence number, which comes from the checkpointed state.
 */
final class TradesPipeline {
    static final int EVENTS = 3_000;
    /** Events per second the source releases: a job lasts a few seconds, so that checkpoints complete in it. */
    private static final int RATE = 1_000;
    private static final long FIRST_EVENT_TIME = 1_000_000L;
    /** Event time between two events: 10 ms, so 30 s of event time and 29 complete one-second batches. */
    private static final long EVENT_SPACING = 10L;
    /** A run that fails once does so after this many outputs (of about 290) and a completed checkpoint. */
    private static final long FAIL_FROM_OUTPUT = 100;

    private static final String APP = String.join("\n",
            "@app:name('Trading')",
            "define stream Trades (symbol string, price double, volume long);",
            "@info(name='volumes')",
            "from Trades#window.timeBatch(1 sec)",
            "select symbol, sum(volume) as volume, count() as trades, max(price) as high",
            "group by symbol",
            "insert into Volumes;",
            "partition with (symbol of Trades)",
            "begin",
            "  @info(name='swings')",
            "  from every e1=Trades[price > 95.0] -> e2=Trades[price < 10.0] within 2 sec",
            "  select e1.symbol as symbol, e1.price as high, e2.price as low, e2.volume - e1.volume as change",
            "  insert into Swings;",
            "end;");

    private TradesPipeline() {
    }

    /**
     * The pipeline as a job of that name on the context's Flink cluster, recording into {@code run}, checkpointing
     * to {@code checkpoints}, restarted up to {@code retries} times.
     */
    static Pipeline create(RecordedRun run, String job, int parallelism, int retries, Path checkpoints) {
        FlinkPipelineOptions options = PipelineOptionsFactory.as(FlinkPipelineOptions.class);
        options.setRunner(FlinkRunner.class);
        options.setJobName(job);
        options.setFlinkMaster("[auto]"); // the extension's MiniCluster
        options.setStreaming(true);
        options.setParallelism(parallelism);
        options.setCheckpointingInterval(200L);
        options.setStateBackend("rocksdb");
        options.setStateBackendStoragePath(checkpoints.resolve(run.name).toUri().toString());
        options.setNumberOfExecutionRetries(retries);
        options.setExecutionRetryDelay(100L);
        options.setExternalizedCheckpointsEnabled(true);
        options.setRetainExternalizedCheckpointsOnCancellation(true); // kept when the job fails, too
        options.setAutoWatermarkInterval(50L);
        options.setMaxBundleTimeMills(50L);
        // Beam holds a stable-input DoFn's input until a checkpoint completes; when the input ends, its operator
        // hands what it holds to the DoFn only if this is set (DoFnOperator.flushData).
        options.setEnableStableInputDrain(true);
        options.setAttachedMode(true);

        GraphLayout layout = GraphLayout.of(new AppCompiler().compile(APP));
        Pipeline pipeline = Pipeline.create(options);
        PCollectionTuple streams = pipeline
                .apply("Counting source", GenerateSequence.from(0)
                        .withRate(RATE, Duration.standardSeconds(1))
                        .withTimestampFn(new EventTime()))
                .apply("Trades", ParDo.of(new ToTrade(layout.inputStreams().indexOf("Trades"), run.name)))
                .setCoder(SequencedEventCoder.of(layout.inputSchemas()))
                .apply("Queries", new SiddhiGraph(layout, AppClock.EVENT_TIME));
        List<PCollection<KV<Long, String>>> lines = new ArrayList<>();
        for (String stream : layout.outputs()) {
            lines.add(streams.get(layout.outputTag(stream))
                    .apply("Lines of " + stream, ParDo.of(new ToLine(stream, run.name)))
                    .setCoder(KvCoder.of(VarLongCoder.of(), StringUtf8Coder.of())));
        }
        PCollectionList.of(lines)
                .apply("All outputs", Flatten.pCollections())
                .apply("Sink", ParDo.of(new StableSink(run.name)));
        return pipeline;
    }

    /**
     * The time-batch query's rows, worked out from the events: each second of event time is a batch of 100 events,
     * 20 per symbol, and gives a row per symbol in the order the symbols arrive; the last batch never closes, as no
     * event comes after it.
     */
    static List<String> volumesByHand() {
        List<String> rows = new ArrayList<>();
        int perBatch = (int) (1_000 / EVENT_SPACING);
        for (int batch = 0; batch < EVENTS / perBatch - 1; batch++) {
            for (int symbol = 0; symbol < 5; symbol++) {
                long volume = 0;
                long trades = 0;
                double high = Double.NEGATIVE_INFINITY;
                for (long i = (long) batch * perBatch + symbol; i < (batch + 1L) * perBatch; i += 5) {
                    Object[] trade = trade(i);
                    volume += (Long) trade[2];
                    trades++;
                    high = Math.max(high, (Double) trade[1]);
                }
                rows.add(Arrays.toString(new Object[] {"S" + symbol, volume, trades, high}));
            }
        }
        return rows;
    }

    /**
     * Event {@code i}'s time; past the last event, the end of time, which is the counting source's watermark there:
     * Beam's Flink source reader ends when its watermark reaches it, so the unbounded source ends the job.
     */
    private static final class EventTime implements SerializableFunction<Long, Instant> {
        private static final long serialVersionUID = 1L;

        @Override
        public Instant apply(Long i) {
            return i < EVENTS ? new Instant(FIRST_EVENT_TIME + i * EVENT_SPACING) : BoundedWindow.TIMESTAMP_MAX_VALUE;
        }
    }

    /**
     * Number {@code i} as a trade of one of five symbols, with a price and volume that look random but are a function
     * of {@code i}.
     */
    private static final class ToTrade extends DoFn<Long, SequencedEvent> {
        private static final long serialVersionUID = 1L;
        private final int stream;
        private final String run;

        ToTrade(int stream, String run) {
            this.stream = stream;
            this.run = run;
        }

        @ProcessElement
        public void process(@Element Long i, OutputReceiver<SequencedEvent> out) {
            if (i >= EVENTS) {
                return;
            }
            RecordedRun.named(run).eventsSeen.incrementAndGet();
            out.output(new SequencedEvent(stream, i, new Event(FIRST_EVENT_TIME + i * EVENT_SPACING, trade(i))));
        }
    }

    /** Trade {@code i}: symbol, price, volume. */
    static Object[] trade(long i) {
        return new Object[] {"S" + i % 5, (i * 7919 % 1000) / 10.0, 100L + i * 31 % 97};
    }

    /**
     * An output as its stream's line, under its emission number. In the failing run it throws once: at the first
     * output from the {@value #FAIL_FROM_OUTPUT}th on that it sees after the sink has received one, that is after a
     * checkpoint has completed.
     */
    private static final class ToLine extends DoFn<SequencedEvent, KV<Long, String>> {
        private static final long serialVersionUID = 1L;
        private final String stream;
        private final String run;

        ToLine(String stream, String run) {
            this.stream = stream;
            this.run = run;
        }

        @ProcessElement
        public void process(@Element SequencedEvent output, OutputReceiver<KV<Long, String>> out) {
            RecordedRun state = RecordedRun.named(run);
            state.emitted.incrementAndGet();
            long committed = state.outputs().count();
            if (state.failOnce && output.seq() >= FAIL_FROM_OUTPUT && committed > 0
                    && state.failed.compareAndSet(false, true)) {
                state.failedAtOutput.set(output.seq());
                state.committedAtFailure.set(committed);
                throw new IllegalStateException("failing once at output " + output.seq() + ", as the test asks");
            }
            Event event = output.event();
            out.output(KV.of(output.seq(), stream + " " + event.timestamp() + " " + Arrays.toString(event.data())));
        }
    }

    /**
     * Keeps each output under its emission number, as an idempotent writer would. The FlinkRunner hands it an output
     * only once a checkpoint taken after the output has completed, so nothing it holds is ever taken back by a
     * restore; it may be handed an output again, though, when a restore re-delivers what the restored checkpoint held
     * for it.
     */
    private static final class StableSink extends DoFn<KV<Long, String>, Void> {
        private static final long serialVersionUID = 1L;
        private final String run;

        StableSink(String run) {
            this.run = run;
        }

        @RequiresStableInput
        @ProcessElement
        public void process(@Element KV<Long, String> line) {
            RecordedRun.named(run).outputs().write(line.getKey(), line.getValue());
        }
    }
}
