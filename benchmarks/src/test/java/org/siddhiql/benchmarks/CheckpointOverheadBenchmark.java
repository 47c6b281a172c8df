package org.siddhiql.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.flink.operator.PlaybackClockOperator;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.flink.operator.TimeMode;
import org.siddhiql.flink.translate.FlinkTranslator;
import org.siddhiql.flink.typeutils.TaggedEventTypeInfo;
import org.siddhiql.runtime.event.Event;

/**
 * What exactly-once checkpoints cost a stateful app: the same app over the same generated events with no checkpoints
 * (heap state, then RocksDB) and with incremental RocksDB checkpoints every second, as {@code bin/siddhi run} does with
 * a {@code @source}. Throughput is measured between the first and the last event leaving the app, so neither the job's
 * start nor the final checkpoint a bounded job waits for is counted. Not a test: see this module's README.
 */
public final class CheckpointOverheadBenchmark {
    /** A windowed group-by, a pattern and a table: the three kinds of state the production runtime checkpoints. */
    private static final String APP = """
            define stream S (symbol string, price double, volume long);
            @primaryKey('symbol')
            define table Latest (symbol string, price double);
            @info(name='totals')
            from S#window.length(100) select symbol, sum(volume) as total group by symbol insert into Totals;
            @info(name='drops')
            from every e1=S[price > 90.0] -> e2=S[symbol == e1.symbol and price < e1.price] within 1 sec
            select e1.symbol as symbol, e1.price as high, e2.price as low insert into Drops;
            @info(name='latest')
            from S select symbol, price update or insert into Latest on Latest.symbol == symbol;
            """;
    private static final int SYMBOLS = 1000;

    private CheckpointOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long events = Long.getLong("benchmark.events", 2_000_000L);
        int rounds = Integer.getInteger("benchmark.rounds", 3);
        System.out.printf("events per run: %,d; best of %d rounds; parallelism 1; %d symbols%n%n", events, rounds,
                SYMBOLS);
        double heap = 0;
        double rocks = 0;
        double checkpointed = 0;
        long checkpoints = 0;
        for (int round = 0; round < rounds; round++) {
            heap = Math.max(heap, run(events, "hashmap", null));
            rocks = Math.max(rocks, run(events, "rocksdb", null));
            double rate = run(events, "rocksdb", Duration.ofSeconds(1));
            if (rate > checkpointed) {
                checkpointed = rate;
                checkpoints = Probe.CHECKPOINTS.get();
            }
        }
        System.out.printf("totals (length window group by), drops (pattern), latest (table upsert)%n");
        System.out.printf("  heap state, no checkpoints                %,12.0f events/s%n", heap);
        System.out.printf("  RocksDB, no checkpoints                   %,12.0f events/s%n", rocks);
        System.out.printf("  RocksDB incremental, exactly-once, 1 s    %,12.0f events/s   %d checkpoints completed%n",
                checkpointed, checkpoints);
        System.out.printf("  checkpointed/RocksDB without = %.2f, checkpointed/heap without = %.2f%n",
                checkpointed / rocks, checkpointed / heap);
    }

    private static double run(long events, String backend, Duration interval) throws Exception {
        Configuration config = new Configuration();
        config.set(StateBackendOptions.STATE_BACKEND, backend);
        Path checkpoints = Files.createTempDirectory("siddhi-benchmark-checkpoints");
        if (interval != null) {
            config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, interval);
            config.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
            config.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
            config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints.toUri().toString());
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, config);
        AppPlan plan = new AppCompiler().compile(APP);
        TaggedEventTypeInfo type = new TaggedEventTypeInfo(List.copyOf(plan.streams().values()));
        DataStream<TaggedEvent> source = env.fromSequence(0, events - 1)
                .map(i -> new TaggedEvent(0, new Event(i, data(i))))
                .returns(type)
                .transform("playback clock", type, new PlaybackClockOperator());
        var outputs = FlinkTranslator.translate(plan, source, Set.of("S"), TimeMode.EVENT_TIME, 1);
        for (String stream : List.of("Totals", "Drops")) {
            DataStream<Event> output = outputs.get(stream);
            output.map(new Probe()).returns(output.getType()).sinkTo(new CountingSink<>());
        }
        Probe.reset();
        env.execute("checkpoint overhead " + backend + (interval == null ? "" : " checkpointed"));
        long written = CountingSink.takeCount();
        double rate = events / ((Probe.last.get() - Probe.first.get()) / 1e9);
        System.out.printf("  %s%s: %,.0f events/s, %,d outputs%n", backend,
                interval == null ? "" : ", checkpoints every " + interval.toMillis() + " ms", rate, written);
        return rate;
    }

    /** Symbol i mod 1000, a price that differs between a symbol's successive events, a volume. */
    private static Object[] data(long i) {
        return new Object[] {"S" + (i % SYMBOLS), (double) (((i / SYMBOLS) * 37 + i) % 100), i % 1000};
    }

    /**
     * Times the first and last output and counts completed checkpoints. Static, because the benchmark's MiniCluster
     * runs in this JVM and a run's figures are read after it ends.
     */
    private static final class Probe implements MapFunction<Event, Event>, CheckpointListener {
        private static final long serialVersionUID = 1L;
        static final AtomicLong first = new AtomicLong();
        static final AtomicLong last = new AtomicLong();
        static final AtomicLong CHECKPOINTS = new AtomicLong();

        static void reset() {
            first.set(0);
            last.set(0);
            CHECKPOINTS.set(0);
        }

        @Override
        public Event map(Event event) {
            long now = System.nanoTime();
            first.compareAndSet(0, now);
            last.set(now);
            return event;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            CHECKPOINTS.incrementAndGet();
        }
    }
}
