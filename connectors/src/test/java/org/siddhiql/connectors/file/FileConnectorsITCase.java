package org.siddhiql.connectors.file;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.connectors.ConnectedApp;

/**
 * A SiddhiQL app reading a directory of CSV files, some lines malformed, through a per-symbol window into CSV part
 * files, on a MiniCluster: the committed lines and the count of unmapped lines are exact.
 */
class FileConnectorsITCase {
    private static final InMemoryReporter METRICS = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .setConfiguration(METRICS.addToConfiguration(new Configuration()))
                    .build());

    @TempDir
    Path temp;

    private static String app(Path in, Path out) {
        return "@app:name('VolumeBatches')\n"
                + "@source(type='file', dir.uri='" + in.toUri() + "', mode='line', tailing='false',\n"
                + "        @map(type='csv'))\n"
                + "define stream Trades (symbol string, price double, volume long);\n"
                + "@sink(type='file', file.uri='" + out.toUri() + "', @map(type='csv', delimiter='|'))\n"
                + "define stream Batches (symbol string, trades long, turnover double);\n"
                + "partition with (symbol of Trades)\n"
                + "begin\n"
                + "  from Trades[volume > 0]#window.lengthBatch(2)\n"
                + "  select symbol, count() as trades, sum(price * volume) as turnover\n"
                + "  insert into Batches;\n"
                + "end;\n";
    }

    /**
     * Each symbol's trades are in one file, so each symbol's batches are in a defined order whatever the order in
     * which the files are read; the lines of the part files are compared sorted.
     */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void batchesPerSymbolFromCsvFilesIntoCommittedPartFiles(int parallelism) throws Exception {
        Path in = Files.createDirectories(temp.resolve("in"));
        Path out = temp.resolve("out");
        Files.writeString(in.resolve("ibm.csv"), String.join("\n",
                "IBM,10.5,2",
                "IBM,\"11\",0",          // filtered out by volume > 0
                "IBM,abc,3",             // a price that is not a double
                "IBM,12.25,4",
                "\"IBM,13.0,1",          // an unclosed quote
                "IBM,1.0,1",
                "IBM,2.0",               // a missing volume
                "IBM,3.0,3") + "\n", UTF_8);
        Files.writeString(in.resolve("wso2.csv"), String.join("\n",
                "\"WSO2\",1.5,10",
                "WSO2,2.5,10,extra",     // a surplus field
                "WSO2,0.25,4",
                "WSO2,1.75,2") + "\n", UTF_8);
        Files.writeString(in.resolve("big-blue.csv"), "\"Big, \"\"Blue\"\"\",4.0,1\n"
                + "\"Big, \"\"Blue\"\"\",4.0,3\n", UTF_8);

        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        env.getConfig().disableGenericTypes();
        env.enableCheckpointing(200);
        ConnectedApp.addTo(env, new AppCompiler().compile(app(in, out)), parallelism);
        JobExecutionResult result = env.execute("VolumeBatches");

        List<String> expected = new ArrayList<>(List.of(
                "IBM|2|70.0",          // 10.5 * 2 + 12.25 * 4
                "IBM|2|10.0",          // 1.0 * 1 + 3.0 * 3
                "WSO2|2|16.0",         // 1.5 * 10 + 0.25 * 4; 1.75 waits for a second trade
                "\"Big, \"\"Blue\"\"\"|2|16.0"));
        expected.sort(null);
        assertEquals(expected, committedLines(out));
        assertEquals(4, unmappedRecords(result.getJobID()));
    }

    /**
     * With {@code dir.polling.interval} the source watches its directory: a file moved in while the job runs is read,
     * and its events reach committed part files on the next checkpoints.
     */
    @Test
    void watchesTheDirectoryForNewFilesWhenAPollingIntervalIsGiven() throws Exception {
        Path in = Files.createDirectories(temp.resolve("watched"));
        Path staging = Files.createDirectories(temp.resolve("staging"));
        Path out = temp.resolve("filtered");
        Files.writeString(in.resolve("first.csv"), "A,1.5,1\nB,2.5,0\n", UTF_8);
        String app = "@source(type='file', dir.uri='" + in.toUri() + "', tailing='false',"
                + " dir.polling.interval='100', @map(type='csv'))\n"
                + "define stream Trades (symbol string, price double, volume long);\n"
                + "@sink(type='file', file.uri='" + out.toUri() + "', @map(type='csv'))\n"
                + "define stream Traded (symbol string, price double);\n"
                + "from Trades[volume > 0] select symbol, price insert into Traded;\n";

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(100);
        ConnectedApp.addTo(env, new AppCompiler().compile(app), 1);
        JobClient job = env.executeAsync("Traded");
        try {
            assertEquals(List.of("A,1.5"), awaitCommittedLines(out, 1));
            // written elsewhere and moved in whole, since a file is read once when it is found
            Files.writeString(staging.resolve("second.csv"), "C,3.5,2\nD,bad,1\n", UTF_8);
            Files.move(staging.resolve("second.csv"), in.resolve("second.csv"), StandardCopyOption.ATOMIC_MOVE);
            assertEquals(List.of("A,1.5", "C,3.5"), awaitCommittedLines(out, 2));
            assertEquals(1, unmappedRecords(job.getJobID()));
        } finally {
            job.cancel().get();
        }
    }

    /**
     * Files carry the mappers of lines: JSON lines in, whose malformed ones go to the fault stream with their errors,
     * and JSON through a {@code @payload} template and key-value JSON out.
     */
    @Test
    void jsonLinesWithFaultsIntoJsonPayloadAndKeyValueFiles() throws Exception {
        Path in = Files.createDirectories(temp.resolve("json-in"));
        Path out = temp.resolve("json-out");
        Path faults = temp.resolve("json-faults");
        Files.writeString(in.resolve("trades.json"), String.join("\n",
                "{\"event\":{\"symbol\":\"IBM\",\"price\":10.5,\"volume\":2}}",
                "{\"event\":{\"symbol\":\"IBM\",\"price\":",
                "{\"symbol\":\"HP\",\"price\":1.25,\"volume\":4}",
                "{\"symbol\":\"HP\",\"price\":true,\"volume\":4}") + "\n", UTF_8);
        String app = "@app:name('JsonLines')\n"
                + "@OnError(action='STREAM')\n"
                + "@source(type='file', file.uri='" + in.resolve("trades.json").toUri() + "', tailing='false',"
                + " @map(type='json'))\n"
                + "define stream Trades (symbol string, price double, volume long);\n"
                + "@sink(type='file', file.uri='" + out.toUri() + "',"
                + " @map(type='json', @payload(\"\"\"{\"s\":\"{{symbol}}\",\"turnover\":{{turnover}}}\"\"\")))\n"
                + "define stream Turnover (symbol string, turnover double);\n"
                + "@sink(type='file', file.uri='" + faults.toUri() + "', @map(type='keyvalue'))\n"
                + "define stream Faults (error object);\n"
                + "from Trades select symbol, price * volume as turnover insert into Turnover;\n"
                + "from !Trades select _error as error insert into Faults;\n";

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        env.enableCheckpointing(100);
        ConnectedApp.addTo(env, new AppCompiler().compile(app), 1);
        JobExecutionResult result = env.execute("JsonLines");

        assertEquals(List.of("{\"s\":\"HP\",\"turnover\":5.0}", "{\"s\":\"IBM\",\"turnover\":21.0}"),
                committedLines(out));
        String error = "{\"error\":\"org.siddhiql.connectors.MappingException: the line '";
        assertEquals(List.of(
                error + "{\\\"event\\\":{\\\"symbol\\\":\\\"IBM\\\",\\\"price\\\":' does not map:"
                        + " not JSON at column 34:"
                        + " Unexpected end-of-input within/between Object entries\"}",
                error + "{\\\"symbol\\\":\\\"HP\\\",\\\"price\\\":true,\\\"volume\\\":4}' does not map: attribute"
                        + " 'price' is double but the record has true\"}"), committedLines(faults));
        assertEquals(2, unmappedRecords(result.getJobID()));
    }

    private static List<String> awaitCommittedLines(Path directory, int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<String> lines = List.of();
        while (lines.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
            lines = Files.isDirectory(directory) ? committedLines(directory) : List.of();
        }
        return lines;
    }

    /** The lines of the committed part files; in-progress and pending files are hidden ({@code .part-...}). */
    private static List<String> committedLines(Path directory) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("part-")).toList()) {
                lines.addAll(Files.readAllLines(file, UTF_8));
            }
        }
        lines.sort(null);
        return lines;
    }

    private static long unmappedRecords(JobID job) {
        return METRICS.findMetrics(job, "unmappedRecords").values().stream()
                .mapToLong(counter -> ((Counter) counter).getCount())
                .sum();
    }
}
