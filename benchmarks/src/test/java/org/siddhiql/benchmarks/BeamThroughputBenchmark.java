package org.siddhiql.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.siddhiql.cli.SiddhiCli;
import picocli.CommandLine;

/**
 * The Beam backend against our native Flink backend, in one run on the same events: per app, events/s of
 * {@code bin/siddhi run --events --out} with {@code --engine flink} (our translation on an embedded MiniCluster),
 * {@code beam-direct} (Beam's DirectRunner) and {@code beam-flink} (Beam's FlinkRunner, streaming, on an embedded
 * Flink cluster), all in-process at parallelism 1 and timed end to end (parsing the events file, the job, writing
 * the outputs), and net of the start-up (the time of a run over the first few events). Each engine's output count
 * is printed; a line flags engines whose outputs differ from flink's. Not a test: see this module's README.
 */
public final class BeamThroughputBenchmark {
    private static final String STREAM = "define stream S (symbol string, price double, volume long);\n";
    private static final Map<String, String> APPS = new LinkedHashMap<>();
    /** The engines to compare, flink first: the others' ratios are against it. */
    private static final List<String> ENGINES = List.of("flink", "beam-direct", "beam-flink");
    private static final int SYMBOLS = 100;
    /** A run over this many events measures an engine's start-up: job submission, cluster, pipeline translation. */
    private static final int START_EVENTS = 10;

    static {
        APPS.put("time(1 sec) window, avg group by", STREAM
                + "from S#window.time(1 sec) select symbol, avg(price) as average group by symbol "
                + "insert into Averages;\n");
        APPS.put("pattern every e1 -> e2[same symbol, higher price] within 1 sec", STREAM
                + "from every e1=S -> e2=S[symbol == e1.symbol and price > e1.price] within 1 sec "
                + "select e1.symbol as symbol, e1.price as low, e2.price as high insert into Rises;\n");
    }

    private BeamThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = Integer.getInteger("benchmark.events", 200_000);
        int rounds = Integer.getInteger("benchmark.rounds", 2);
        TempWork.in("beam-benchmark", work -> run(events, rounds, work));
    }

    private static void run(int events, int rounds, Path work) throws Exception {
        Path eventsFile = work.resolve("events.jsonl");
        writeEvents(events, eventsFile);
        Path startFile = work.resolve("start.jsonl");
        writeEvents(START_EVENTS, startFile);
        System.out.printf("events per run: %,d; best of %d rounds; parallelism 1; %d symbols, 1 ms apart%n", events,
                rounds, SYMBOLS);
        System.out.printf("net: events/s after the start-up, the time of a run over %d events%n%n", START_EVENTS);
        System.out.printf("%-64s %-12s %12s %12s %9s %10s%n", "app", "engine", "events/s", "net", "net/flink",
                "outputs");
        for (Map.Entry<String, String> app : APPS.entrySet()) {
            Path appFile = Files.writeString(work.resolve("app.siddhi"), app.getValue());
            Map<String, Double> fastest = new LinkedHashMap<>();
            Map<String, Double> startUp = new LinkedHashMap<>();
            Map<String, Long> outputs = new LinkedHashMap<>();
            for (int round = 0; round < rounds; round++) {
                for (String engine : ENGINES) {
                    Path out = Files.createDirectories(work.resolve(engine));
                    startUp.merge(engine, seconds(appFile, startFile, out, engine), Math::min);
                    fastest.merge(engine, seconds(appFile, eventsFile, out, engine), Math::min);
                    outputs.put(engine, lines(out));
                }
            }
            double flinkNet = (events - START_EVENTS) / (fastest.get("flink") - startUp.get("flink"));
            for (String engine : ENGINES) {
                double net = (events - START_EVENTS) / (fastest.get(engine) - startUp.get(engine));
                System.out.printf("%-64s %-12s %,12.0f %,12.0f %8.2fx %,10d%n", app.getKey(), engine,
                        events / fastest.get(engine), net, net / flinkNet, outputs.get(engine));
            }
            if (outputs.values().stream().distinct().count() != 1) {
                System.out.printf("MISMATCH: the engines wrote different numbers of outputs for %s: %s%n",
                        app.getKey(), outputs);
            }
            for (String engine : ENGINES.subList(1, ENGINES.size())) {
                if (!sameFiles(work.resolve("flink"), work.resolve(engine))) {
                    System.out.printf("MISMATCH: %s wrote other outputs than flink for %s%n", engine, app.getKey());
                }
            }
        }
    }

    /** Trades on {@link #SYMBOLS} symbols, 1 ms apart, from a fixed seed: the same events for every engine. */
    private static void writeEvents(int count, Path file) throws IOException {
        Random random = new Random(42);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                out.write("{\"stream\":\"S\",\"ts\":" + (1_000_000L + i) + ",\"data\":[\"S" + random.nextInt(SYMBOLS)
                        + "\"," + Math.round(random.nextDouble() * 10000) / 100.0 + "," + random.nextInt(1000)
                        + "]}\n");
            }
        }
    }

    /** The seconds of one {@code run --events} on {@code engine}, end to end. */
    private static double seconds(Path app, Path events, Path out, String engine) {
        long start = System.nanoTime();
        cli("run", app.toString(), "--events", events.toString(), "--out", out.toString(), "--engine", engine);
        return (System.nanoTime() - start) / 1e9;
    }

    private static void cli(String... args) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new SiddhiCli());
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", args) + " exited with " + exit + ": " + err);
        }
    }

    private static boolean sameFiles(Path a, Path b) throws IOException {
        try (Stream<Path> files = Files.list(a)) {
            for (Path file : files.toList()) {
                if (Files.mismatch(file, b.resolve(file.getFileName())) != -1) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Output events in every file of {@code dir}, one per line. */
    private static long lines(Path dir) throws IOException {
        long count = 0;
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listed = Files.list(dir)) {
            listed.forEach(files::add);
        }
        for (Path file : files) {
            try (Stream<String> lines = Files.lines(file)) {
                count += lines.count();
            }
        }
        return count;
    }
}
