package org.siddhiql.benchmarks;

import io.siddhi.core.SiddhiAppRuntime;
import io.siddhi.core.SiddhiManager;
import io.siddhi.core.stream.input.InputHandler;
import io.siddhi.core.stream.output.StreamCallback;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeHint;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.cep.CEP;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.cep.pattern.conditions.IterativeCondition;
import org.apache.flink.cep.pattern.conditions.SimpleCondition;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.flink.operator.PlaybackClockOperator;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.flink.operator.TimeMode;
import org.siddhiql.flink.translate.FlinkTranslator;
import org.siddhiql.flink.typeutils.TaggedEventTypeInfo;
import org.siddhiql.runtime.event.Event;

/**
 * Throughput of two queries, measured in one run on the same generated events: our Flink backend (parallelism 1),
 * siddhi-core 5.1.21 in playback, the same logic hand-written on the Flink DataStream API, and (for the pattern)
 * Flink CEP. Prints events/s and ratios. Not a test: see this module's README for the command.
 */
public final class ThroughputBenchmark {
    private static final String STREAM = "define stream S (symbol string, price double, volume long);\n";
    private static final String FILTER = STREAM + "from S[price > 50.0] select symbol, price insert into Out;";
    private static final String LENGTH_GROUP_BY = STREAM
            + "from S#window.length(100) select symbol, sum(volume) as total group by symbol insert into Out;";
    private static final String PATTERN = STREAM
            + "from every e1=S[price > 90.0] -> e2=S[symbol == e1.symbol and price < e1.price] within 1 sec "
            + "select e1.symbol as symbol, e1.price as high, e2.price as low insert into Out;";
    private static final int SYMBOLS = 100;
    /** Output events per engine in its last run, printed so that a reader sees the engines did the same work. */
    private static final Map<String, Long> lastOutputs = new TreeMap<>();

    private ThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long events = Long.getLong("benchmark.events", 1_000_000L);
        int rounds = Integer.getInteger("benchmark.rounds", 3);
        System.out.printf("events per run: %,d; best of %d rounds; 1 slot%n%n", events, rounds);
        report("filter", events, rounds, FILTER, false);
        report("length(100) window, sum group by", events, rounds, LENGTH_GROUP_BY, true);
        reportPattern(events, rounds);
    }

    private static void reportPattern(long events, int rounds) throws Exception {
        double ours = 0;
        double oracle = 0;
        double cep = 0;
        for (int round = 0; round < rounds; round++) {
            ours = Math.max(ours, ours(PATTERN, events));
            oracle = Math.max(oracle, siddhiCore(PATTERN, events));
            cep = Math.max(cep, flinkCep(events));
        }
        System.out.printf("pattern: every e1=S[price > 90] -> e2=S[same symbol, lower price] within 1 sec%n");
        System.out.printf("  siddhiql-flink      %,12.0f events/s%n", ours);
        System.out.printf("  siddhi-core 5.1.21  %,12.0f events/s   ours/siddhi-core = %.2f%n", oracle, ours / oracle);
        System.out.printf("  Flink CEP           %,12.0f events/s   ours/Flink CEP = %.2f%n", cep, ours / cep);
        printOutputs();
    }

    /** The same pattern in Flink CEP, keyed by symbol (the pattern's join condition), in event time. */
    private static double flinkCep(long events) throws Exception {
        StreamExecutionEnvironment env = environment();
        DataStream<Tuple3<String, Double, Long>> trades = env.fromSequence(0, events - 1)
                .map(i -> Tuple3.of((String) data(i)[0], (Double) data(i)[1], i))
                .returns(new TypeHint<Tuple3<String, Double, Long>>() { })
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Tuple3<String, Double, Long>>forMonotonousTimestamps()
                        .withTimestampAssigner((t, previous) -> t.f2));
        Pattern<Tuple3<String, Double, Long>, ?> pattern = Pattern.<Tuple3<String, Double, Long>>begin("e1")
                .where(SimpleCondition.of(t -> t.f1 > 90.0))
                .followedBy("e2")
                .where(new IterativeCondition<>() {
                    @Override
                    public boolean filter(Tuple3<String, Double, Long> t, Context<Tuple3<String, Double, Long>> ctx)
                            throws Exception {
                        for (Tuple3<String, Double, Long> e1 : ctx.getEventsForPattern("e1")) {
                            return t.f1 < e1.f1;
                        }
                        return false;
                    }
                })
                .within(Duration.ofSeconds(1));
        CEP.pattern(trades.keyBy(t -> t.f0), pattern)
                .select(match -> Tuple3.of(match.get("e1").get(0).f0, match.get("e1").get(0).f1,
                        match.get("e2").get(0).f1), TypeInformation.of(new TypeHint<Tuple3<String, Double, Double>>() { }))
                .sinkTo(new CountingSink<>());
        double rate = perSecond(events, env.execute("flink cep pattern"));
        lastOutputs.put("Flink CEP", CountingSink.takeCount());
        return rate;
    }

    private static void report(String name, long events, int rounds, String app, boolean windowed) throws Exception {
        double ours = 0;
        double oracle = 0;
        double handWritten = 0;
        for (int round = 0; round < rounds; round++) {
            ours = Math.max(ours, ours(app, events));
            oracle = Math.max(oracle, siddhiCore(app, events));
            handWritten = Math.max(handWritten, windowed ? handWrittenWindow(events) : handWrittenFilter(events));
        }
        System.out.printf("%s%n", name);
        System.out.printf("  siddhiql-flink      %,12.0f events/s%n", ours);
        System.out.printf("  siddhi-core 5.1.21  %,12.0f events/s   ours/siddhi-core = %.2f%n", oracle, ours / oracle);
        System.out.printf("  hand-written Flink  %,12.0f events/s   ours/hand-written = %.2f%n", handWritten,
                ours / handWritten);
        printOutputs();
    }

    /** Symbol i mod 100; a price that differs between a symbol's successive events; a volume. */
    private static void printOutputs() {
        System.out.printf("  output events in the last round: %s%n%n", lastOutputs);
        lastOutputs.clear();
    }

    static Object[] data(long i) {
        return new Object[] {"S" + (i % SYMBOLS), (double) (((i / SYMBOLS) * 37 + i) % 100), i % 1000};
    }

    private static StreamExecutionEnvironment environment() {
        Configuration config = new Configuration();
        return StreamExecutionEnvironment.createLocalEnvironment(1, config);
    }

    private static double ours(String app, long events) throws Exception {
        AppPlan plan = new AppCompiler().compile(app);
        StreamExecutionEnvironment env = environment();
        TaggedEventTypeInfo type = new TaggedEventTypeInfo(List.copyOf(plan.streams().values()));
        DataStream<TaggedEvent> source = env.fromSequence(0, events - 1)
                .map(i -> new TaggedEvent(0, new Event(i, data(i))))
                .returns(type)
                .transform("playback clock", type, new PlaybackClockOperator());
        FlinkTranslator.translate(plan, source, Set.of("S"), TimeMode.EVENT_TIME, 1).get("Out")
                .sinkTo(new CountingSink<>());
        double rate = perSecond(events, env.execute("ours"));
        lastOutputs.put("siddhiql-flink", CountingSink.takeCount());
        return rate;
    }

    private static double handWrittenFilter(long events) throws Exception {
        StreamExecutionEnvironment env = environment();
        env.fromSequence(0, events - 1)
                .map(i -> Tuple3.of("S" + (i % SYMBOLS), (double) (i % 100), i % 1000))
                .returns(new TypeHint<Tuple3<String, Double, Long>>() { })
                .filter(t -> t.f1 > 50.0)
                .map(t -> Tuple2.of(t.f0, t.f1))
                .returns(new TypeHint<Tuple2<String, Double>>() { })
                .sinkTo(new CountingSink<>());
        double rate = perSecond(events, env.execute("hand-written filter"));
        lastOutputs.put("hand-written Flink", CountingSink.takeCount());
        return rate;
    }

    private static double handWrittenWindow(long events) throws Exception {
        StreamExecutionEnvironment env = environment();
        env.fromSequence(0, events - 1)
                .map(i -> Tuple3.of("S" + (i % SYMBOLS), (double) (i % 100), i % 1000))
                .returns(new TypeHint<Tuple3<String, Double, Long>>() { })
                .keyBy(t -> 0, Types.INT)
                .process(new LastHundredSums())
                .sinkTo(new CountingSink<>());
        double rate = perSecond(events, env.execute("hand-written window"));
        lastOutputs.put("hand-written Flink", CountingSink.takeCount());
        return rate;
    }

    /** The length(100) window with per-symbol sums, as one would write it by hand on keyed state. */
    private static final class LastHundredSums
            extends KeyedProcessFunction<Integer, Tuple3<String, Double, Long>, Tuple2<String, Long>> {
        private transient ValueState<ArrayDeque<Tuple2<String, Long>>> window;
        private transient ValueState<HashMap<String, Long>> sums;

        @Override
        public void open(org.apache.flink.api.common.functions.OpenContext openContext) {
            window = getRuntimeContext().getState(new ValueStateDescriptor<>("window",
                    TypeInformation.of(new TypeHint<ArrayDeque<Tuple2<String, Long>>>() { })));
            sums = getRuntimeContext().getState(new ValueStateDescriptor<>("sums",
                    TypeInformation.of(new TypeHint<HashMap<String, Long>>() { })));
        }

        @Override
        public void processElement(Tuple3<String, Double, Long> trade, Context ctx,
                Collector<Tuple2<String, Long>> out) throws Exception {
            ArrayDeque<Tuple2<String, Long>> contents = window.value() == null ? new ArrayDeque<>() : window.value();
            HashMap<String, Long> totals = sums.value() == null ? new HashMap<>() : sums.value();
            if (contents.size() == 100) {
                Tuple2<String, Long> expired = contents.pollFirst();
                totals.merge(expired.f0, -expired.f1, Long::sum);
            }
            contents.addLast(Tuple2.of(trade.f0, trade.f2));
            long total = totals.merge(trade.f0, trade.f2, Long::sum);
            window.update(contents);
            sums.update(totals);
            out.collect(Tuple2.of(trade.f0, total));
        }
    }

    private static double siddhiCore(String app, long events) throws Exception {
        SiddhiManager manager = new SiddhiManager();
        try {
            SiddhiAppRuntime runtime = manager.createSiddhiAppRuntime("@app:playback " + app);
            AtomicLong outputs = new AtomicLong();
            runtime.addCallback("Out", new StreamCallback() {
                @Override
                public void receive(io.siddhi.core.event.Event[] received) {
                    outputs.addAndGet(received.length);
                }
            });
            runtime.start();
            InputHandler input = runtime.getInputHandler("S");
            long start = System.nanoTime();
            for (long i = 0; i < events; i++) {
                input.send(i, data(i));
            }
            long elapsed = System.nanoTime() - start;
            runtime.shutdown();
            lastOutputs.put("siddhi-core 5.1.21", outputs.get());
            return events / (elapsed / 1e9);
        } finally {
            manager.shutdown();
        }
    }

    private static double perSecond(long events, JobExecutionResult result) {
        return events / (result.getNetRuntime() / 1000.0);
    }
}
