package org.siddhiql.beamio;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.cli.SiddhiCli;
import org.siddhiql.testing.kafka.KafkaBrokerExtension;
import org.siddhiql.testing.kafka.TopicReader;
import picocli.CommandLine;

/**
 * {@code bin/siddhi run APP --engine beam-direct|beam-flink [-- BEAM_OPTIONS]} of an app with a Kafka {@code @source}
 * and {@code @sink}: the sink's topic gets exactly the app's alerts, the stream without a sink goes to
 * {@code OUTDIR/<Stream>.jsonl}, and an interrupt (Ctrl-C) cancels the pipeline with exit code 0. On beam-flink the
 * Beam options after {@code --} set the parallelism and checkpoints; the job runs on this class's MiniCluster, which
 * {@code --flinkMaster=[auto]} finds as the context environment.
 */
class BeamConnectedRunITCase {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TRADES = List.of(trade("IBM", 75.5, 100), trade("WSO2", 155.0, 10),
            "{\"broken", trade("IBM", 176.0, 200), trade("ORCL", 45.0, 4000));
    private static final List<String> ALERTS = List.of("{\"event\":{\"symbol\":\"WSO2\",\"price\":155.0}}",
            "{\"event\":{\"symbol\":\"IBM\",\"price\":176.0}}");
    private static final List<String> BIG = List.of("[\"IBM\",100]", "[\"IBM\",200]", "[\"ORCL\",4000]");

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    Path dir;

    @Test
    void runsOnTheDirectRunner() throws Exception {
        roundTrip("direct", "beam-direct", "--", "--targetParallelism=2");
    }

    @Test
    void runsOnTheFlinkRunnerWithBeamsOptions() throws Exception {
        roundTrip("flink", "beam-flink", "--", "--parallelism=2", "--checkpointingInterval=500");
    }

    @Test
    void rejectsAConnectorBeamHasNoIoForAtItsAnnotation() throws Exception {
        Path app = Files.writeString(dir.resolve("app.siddhi"), "@source(type='inMemory', topic='in')\n"
                + "define stream In (a int);\nfrom In select a insert into Out;\n", UTF_8);
        Call call = Call.of("run", app.toString(), "--engine", "beam-direct");
        assertEquals(1, call.exitCode(), call.err());
        assertEquals(app + ":1:1: @source of stream 'In' has type 'inmemory', which the Beam engine has no connector"
                + " for: it reads 'file', 'kafka' (the flink engine runs them all)", call.err().strip());
    }

    @Test
    void rejectsAContradictoryRunner() throws Exception {
        Path app = Files.writeString(dir.resolve("app.siddhi"), app("contradiction"), UTF_8);
        Call call = Call.of("run", app.toString(), "--engine", "beam-direct", "--", "--runner=FlinkRunner");
        assertEquals(1, call.exitCode(), call.err());
        assertEquals("--runner=FlinkRunner contradicts --engine beam-direct, which runs on the DirectRunner",
                call.err().strip());
    }

    private void roundTrip(String prefix, String engine, String... beamOptions) throws Exception {
        KAFKA.createTopics(Map.of(prefix + "-trades", 1, prefix + "-alerts", 1));
        try (KafkaProducer<byte[], byte[]> producer = KAFKA.producer()) {
            for (String trade : TRADES) {
                producer.send(new ProducerRecord<>(prefix + "-trades", trade.getBytes(UTF_8))).get();
            }
        }
        Path app = Files.writeString(dir.resolve("app.siddhi"), app(prefix), UTF_8);
        Path out = dir.resolve("out");
        List<String> command = new ArrayList<>(List.of("run", app.toString(), "--engine", engine, "--out",
                out.toString()));
        command.addAll(List.of(beamOptions));
        CompletableFuture<Call> result = new CompletableFuture<>();
        Thread run = new Thread(() -> result.complete(Call.of(command.toArray(String[]::new))), "siddhi run");
        run.setDaemon(true);
        run.start();
        try (TopicReader alerts = KAFKA.reader(prefix + "-alerts")) {
            assertEquals(ALERTS, alerts.readUntil(ALERTS.size(), TIMEOUT));
            assertEquals(BIG, awaitData(out.resolve("Big.jsonl"), BIG.size()));
            assertEquals(ALERTS, alerts.readFor(Duration.ofSeconds(1)));
        } finally {
            run.interrupt(); // as Ctrl-C's shutdown hook cancels the pipeline
        }
        Call call = result.get(60, TimeUnit.SECONDS);
        assertEquals(0, call.exitCode(), call.err());
        assertTrue(call.err().contains("siddhi: cancelled"), call.err());
        assertEquals(BIG, data(out.resolve("Big.jsonl")));
    }

    private static String app(String prefix) {
        String servers = KAFKA.bootstrapServers();
        return String.join("\n",
                "@app:name('Trades')",
                "@source(type='kafka', topic.list='" + prefix + "-trades', bootstrap.servers='" + servers
                        + "', group.id='" + prefix + "', @map(type='json'))",
                "define stream Trades (symbol string, price double, volume long);",
                "@sink(type='kafka', topic='" + prefix + "-alerts', bootstrap.servers='" + servers
                        + "', @map(type='json'))",
                "define stream Alerts (symbol string, price double);",
                "from Trades[price > 100.0] select symbol, price insert into Alerts;",
                "from Trades[volume >= 100] select symbol, volume insert into Big;");
    }

    private static List<String> awaitData(Path jsonLines, int count) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<String> data = data(jsonLines);
        while (data.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
            data = data(jsonLines);
        }
        return data;
    }

    /** The "data" arrays of a JSON-lines file ("ts" is the wall clock's). */
    private static List<String> data(Path jsonLines) throws IOException {
        List<String> data = new ArrayList<>();
        if (Files.exists(jsonLines)) {
            for (String line : Files.readAllLines(jsonLines, UTF_8)) {
                data.add(JSON.readTree(line).get("data").toString());
            }
        }
        return data;
    }

    private static String trade(String symbol, double price, long volume) {
        return "{\"event\":{\"symbol\":\"" + symbol + "\",\"price\":" + price + ",\"volume\":" + volume + "}}";
    }

    /** One in-process call of {@code bin/siddhi}. */
    private record Call(int exitCode, String out, String err) {
        static Call of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine commandLine = new CommandLine(new SiddhiCli());
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            return new Call(commandLine.execute(args), out.toString(), err.toString());
        }
    }
}
