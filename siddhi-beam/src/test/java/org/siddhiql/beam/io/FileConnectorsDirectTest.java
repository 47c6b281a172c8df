package org.siddhiql.beam.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.connectors.log.EventLog;

/**
 * A file source, file sinks and a log sink on the DirectRunner: a bounded pipeline that ends with its input. A line that does
 * not map goes to the stream's fault stream, as the app's {@code @OnError(action='STREAM')} asks.
 */
class FileConnectorsDirectTest {
    @TempDir
    Path dir;

    @Test
    void readsTheFilesOfADirectoryAndWritesEachSinkStreamAsFiles() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.write(in.resolve("a.csv"), List.of("IBM,75.5,100", "WSO2,155.0,10", "IBM,oops,1"), UTF_8);
        Files.write(in.resolve(".hidden.csv"), List.of("HIDDEN,999.0,1"), UTF_8); // skipped, as by the Flink source
        Path alerts = dir.resolve("alerts");
        Path faults = dir.resolve("faults");
        String app = String.join("\n",
                "@app:name('FileAlerts')",
                "@OnError(action='STREAM')",
                "@source(type='file', dir.uri='" + in.toUri() + "', tailing='false', @map(type='csv'))",
                "define stream Trades (symbol string, price double, volume long);",
                "@sink(type='file', file.uri='" + alerts + "', @map(type='json'))",
                "@sink(type='log', prefix='ALERT', @map(type='keyvalue'))",
                "define stream Alerts (symbol string, price double);",
                "@sink(type='file', file.uri='" + faults + "', @map(type='csv'))",
                "define stream Faults (symbol string, what string);",
                "from Trades[price > 100.0] select symbol, price insert into Alerts;",
                "from !Trades select symbol, 'unmapped' as what insert into Faults;");
        PipelineOptions options = PipelineOptionsFactory.create();
        options.setRunner(DirectRunner.class);
        Pipeline pipeline = Pipeline.create(options);
        pipeline.apply(SiddhiConnectors.of(app));

        List<String> logged = new ArrayList<>();
        try (LogCapture capture = new LogCapture(EventLog.LOGGER, logged)) {
            assertEquals(PipelineResult.State.DONE, pipeline.run().waitUntilFinish());
        }
        assertEquals(List.of("INFO ALERT : {symbol=WSO2, price=155.0}"), logged);
        assertEquals(List.of("{\"event\":{\"symbol\":\"WSO2\",\"price\":155.0}}"),
                KafkaRoundTrip.awaitLines(alerts, 1, Duration.ZERO));
        assertEquals(List.of(",unmapped"), KafkaRoundTrip.awaitLines(faults, 1, Duration.ZERO));
    }

    @Test
    void watchesADirectoryForNewFilesWithAPollingInterval() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path alerts = dir.resolve("alerts");
        String app = String.join("\n",
                "@source(type='file', dir.uri='" + in + "', dir.polling.interval='100', tailing='false',"
                        + " @map(type='csv'))",
                "define stream Trades (symbol string, price double, volume long);",
                "@sink(type='file', file.uri='" + alerts + "', @map(type='csv'))",
                "define stream Alerts (symbol string, price double);",
                "from Trades[price > 100.0] select symbol, price insert into Alerts;");
        DirectOptions options = PipelineOptionsFactory.as(DirectOptions.class);
        options.setRunner(DirectRunner.class);
        options.setBlockOnRun(false); // a watched directory never ends: the test cancels the run
        Pipeline pipeline = Pipeline.create(options);
        pipeline.apply(SiddhiConnectors.of(app));
        PipelineResult result = pipeline.run();
        try {
            // complete when it appears, as the source requires: written aside, then moved in
            Path file = Files.write(dir.resolve("b.csv"), List.of("IBM,176.0,200", "ORCL,45.0,40"), UTF_8);
            Files.move(file, in.resolve("b.csv"));
            assertEquals(List.of("IBM,176.0"), KafkaRoundTrip.awaitLines(alerts, 1, Duration.ofSeconds(60)));
        } finally {
            result.cancel();
        }
    }
}
