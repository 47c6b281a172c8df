package org.siddhiql.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.testing.kafka.KafkaBrokerExtension;
import org.siddhiql.testing.kafka.TopicReader;

/**
 * {@code cluster start}, {@code submit}, {@code list}, {@code stop --savepoint}, {@code submit --from-savepoint} and
 * {@code cancel} against a real JobManager and TaskManager process: a job stopped with a savepoint and resubmitted
 * from it writes, in all, exactly what one uninterrupted job writes.
 */
class ClusterSubmitITCase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration OUTPUT_TIMEOUT = Duration.ofSeconds(90);

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @TempDir
    static Path dir;

    private static String jobManager;

    @BeforeAll
    static void startCluster() {
        CliRun start = CliRun.of("cluster", "start", "--dir", dir.resolve("cluster").toString(), "--slots", "2");
        assertEquals(0, start.exitCode(), start.err());
        jobManager = start.out().strip();
        assertTrue(jobManager.matches("127\\.0\\.0\\.1:\\d+"), jobManager);
    }

    @AfterAll
    static void stopCluster() {
        CliRun stop = CliRun.of("cluster", "stop", "--dir", dir.resolve("cluster").toString());
        assertEquals(0, stop.exitCode(), stop.err());
        assertEquals("siddhi: stopped 2 process(es) of the cluster in " + dir.resolve("cluster"), stop.errLine());
    }

    private static String app() {
        return "@app:name('RunningTotals')\n"
                + "@source(type='kafka', topic.list='trades', bootstrap.servers='" + KAFKA.bootstrapServers()
                + "', group.id='totals', threading.option='single.thread', @map(type='json'))\n"
                + "define stream Trades (seq long, symbol string, price double);\n"
                + "@sink(type='kafka', topic='totals', bootstrap.servers='" + KAFKA.bootstrapServers()
                + "', @map(type='json'))\n"
                + "define stream Totals (seq long, symbol string, total double);\n"
                + "from Trades select seq, symbol, sum(price) as total group by symbol insert into Totals;\n";
    }

    /**
     * Each symbol's running total over trades 1..20 (odd trades are A, even ones B, each priced at its number): what
     * an uninterrupted job writes. A resumed job that lost the totals' state would restart the sums; one that lost the
     * source's offsets would write trades again.
     */
    private static List<String> uninterruptedOutput() {
        List<String> totals = new ArrayList<>();
        double a = 0;
        double b = 0;
        for (int seq = 1; seq <= 20; seq++) {
            String symbol = seq % 2 == 1 ? "A" : "B";
            double total = seq % 2 == 1 ? (a += seq) : (b += seq);
            totals.add("{\"event\":{\"seq\":" + seq + ",\"symbol\":\"" + symbol + "\",\"total\":" + total + "}}");
        }
        totals.sort(null);
        return totals;
    }

    @Test
    void stopsWithASavepointAndResumesFromItWithoutLosingOrRepeatingOutput() throws Exception {
        KAFKA.createTopics(Map.of("trades", 1, "totals", 1));
        Path app = Files.writeString(dir.resolve("totals.siddhi"), app(), UTF_8);
        produce(1, 10);
        CliRun first = CliRun.of("submit", app.toString(), "--jobmanager", jobManager, "--parallelism", "2",
                "--checkpoint-interval", "1s", "--detached");
        assertEquals(0, first.exitCode(), first.err());
        String firstJob = first.out().strip();
        try (TopicReader totals = KAFKA.reader("totals")) {
            assertEquals(10, totals.readUntil(10, OUTPUT_TIMEOUT).size());
            assertEquals(firstJob + "\tRUNNING\tRunningTotals", CliRun.of("list", "--jobmanager", jobManager).out()
                    .lines().findFirst().orElse(""));
            JsonNode checkpointing = rest("jobs/" + firstJob + "/checkpoints/config");
            assertEquals("EmbeddedRocksDBStateBackend", checkpointing.get("state_backend").asText());
            assertEquals("exactly_once", checkpointing.get("mode").asText());
            assertEquals(1000, checkpointing.get("interval").asLong());

            CliRun stop = CliRun.of("stop", firstJob, "--savepoint", dir.resolve("savepoints").toString(),
                    "--jobmanager", jobManager);
            assertEquals(0, stop.exitCode(), stop.err());
            Path savepoint = Path.of(URI.create(stop.out().strip()));
            assertTrue(Files.isRegularFile(savepoint.resolve("_metadata")), stop.out());

            produce(11, 10);
            CliRun resumed = CliRun.of("submit", app.toString(), "--jobmanager", jobManager, "--parallelism", "2",
                    "--checkpoint-interval", "1s", "--from-savepoint", savepoint.toString(), "--detached");
            assertEquals(0, resumed.exitCode(), resumed.err());
            String secondJob = resumed.out().strip();
            List<String> written = totals.readUntil(20, OUTPUT_TIMEOUT);
            CliRun cancel = CliRun.of("cancel", secondJob, "--jobmanager", jobManager);
            assertEquals(0, cancel.exitCode(), cancel.err());
            written = totals.readFor(Duration.ofSeconds(1));
            written.sort(null);
            assertEquals(uninterruptedOutput(), written);
        }
    }

    /**
     * The job jar under Flink's own {@code flink run} (its {@link org.apache.flink.client.cli.CliFrontend}, in a JVM
     * set up as the {@code flink} script sets it up: the Flink jars only and {@code FLINK_CONF_DIR}): a bounded file
     * source ends the job, whose last checkpoint commits the part files.
     */
    @Test
    void runsUnderFlinkRun() throws Exception {
        Path in = Files.writeString(dir.resolve("trades.csv"), "IBM,10.0,2\nWSO2,1.5,4\nIBM,2.5,4\nWSO2,0.5,2\n",
                UTF_8);
        Path out = dir.resolve("turnover");
        Path app = Files.writeString(dir.resolve("turnover.siddhi"), "@app:name('Turnover')\n"
                + "@source(type='file', file.uri='" + in.toUri() + "', tailing='false', @map(type='csv'))\n"
                + "define stream Trades (symbol string, price double, volume long);\n"
                + "@sink(type='file', file.uri='" + out.toUri() + "', @map(type='csv'))\n"
                + "define stream Turnover (symbol string, turnover double);\n"
                + "from Trades select symbol, sum(price * volume) as turnover group by symbol insert into Turnover;\n",
                UTF_8);

        FlinkRun run = FlinkRun.of(dir.resolve("cluster/conf"), "run", "-m", jobManager, "-p", "2",
                System.getProperty(Submit.JOB_JAR_PROPERTY), "--app", app.toString(), "--checkpoint-interval", "1s");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("Job has been submitted with JobID"), run.output());
        assertEquals(List.of("IBM,20.0", "IBM,30.0", "WSO2,6.0", "WSO2,7.0"), FlinkRun.committedLines(out));
    }

    @Test
    void reportsAnUnknownJobOrAMissingClusterInOneLine() {
        CliRun unknown = CliRun.of("cancel", "0123456789abcdef0123456789abcdef", "--jobmanager", jobManager);
        assertEquals(1, unknown.exitCode());
        assertEquals("no job 0123456789abcdef0123456789abcdef on the cluster at " + jobManager, unknown.err().strip());

        CliRun malformed = CliRun.of("stop", "42", "--savepoint", dir.toString(), "--jobmanager", jobManager);
        assertEquals(1, malformed.exitCode());
        assertEquals("'42' is not a job id (32 hex digits, as submit and list print it)", malformed.err().strip());

        CliRun noCluster = CliRun.of("list", "--jobmanager", "127.0.0.1:1");
        assertEquals(1, noCluster.exitCode());
        assertEquals("no Flink cluster answers at 127.0.0.1:1 (start one with bin/siddhi cluster start)",
                noCluster.err().strip());

        CliRun again = CliRun.of("cluster", "start", "--dir", dir.resolve("cluster").toString());
        assertEquals(1, again.exitCode());
        assertEquals("a cluster is already running in " + dir.resolve("cluster") + "; stop it with: bin/siddhi "
                + "cluster stop --dir " + dir.resolve("cluster"), again.err().strip());
    }

    private static void produce(int from, int count) {
        try (KafkaProducer<byte[], byte[]> producer = KAFKA.producer()) {
            for (int seq = from; seq < from + count; seq++) {
                String event = "{\"event\":{\"seq\":" + seq + ",\"symbol\":\"" + (seq % 2 == 1 ? "A" : "B")
                        + "\",\"price\":" + (double) seq + "}}";
                producer.send(new ProducerRecord<>("trades", event.getBytes(UTF_8)));
            }
        }
    }

    private static JsonNode rest(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://" + jobManager + "/" + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
