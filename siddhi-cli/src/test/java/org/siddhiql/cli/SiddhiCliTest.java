package org.siddhiql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's answers to bad input: one line naming the place, exit code 1, nothing run. */
class SiddhiCliTest {
    private static final String APP = "@app:name('cli')\n"
            + "define stream Trades (symbol string, price double, volume long);\n"
            + "from Trades[price > 10.0] select symbol, price insert into Out;\n";

    @TempDir
    Path dir;

    @Test
    void validateReportsTheFirstErrorWithFileLineAndColumn() throws IOException {
        Path app = write("bad.siddhi", "define stream S (a int);\nfrom S[b > 1] select a insert into O;\n");
        CliRun result = CliRun.of("validate", app.toString());
        assertEquals(1, result.exitCode());
        assertEquals(app + ":2:8: attribute 'b' is not defined in stream S (a int)", result.errLine());
    }

    @Test
    void explainShowsConnectorsWithoutTheirCredentials() throws IOException {
        Path app = write("secrets.siddhi", "@app:name('Secrets')\n"
                + "@source(type='kafka', topic.list='t', bootstrap.servers='b:9093', group.id='g',\n"
                + "  optional.configuration=\"\"\"security.protocol:SASL_SSL,sasl.mechanism:PLAIN,"
                + "sasl.jaas.config:PlainLoginModule required username=\"u\" password=\"kafka-pw\";,"
                + "ssl.truststore.password:${TRUST_PW}\"\"\", @map(type='json'))\n"
                + "define stream Trades (symbol string, price double, volume long);\n"
                + "@sink(type='http', publisher.url='https://h/x', basic.auth.username='app',"
                + " basic.auth.password='http-pw', @map(type='json'))\n"
                + "define stream Out (symbol string, price double);\n"
                + "@sink(type='s3', bucket.name='bkt', aws.access.key='AKIA-ID', aws.secret.key='s3-secret',"
                + " @map(type='csv'))\n"
                + "define stream Copy (symbol string, price double);\n"
                + "from Trades[price > 10.0] select symbol, price insert into Out;\n"
                + "from Trades select symbol, price insert into Copy;\n");
        CliRun result = CliRun.of("explain", app.toString());
        assertEquals(0, result.exitCode(), result.err());
        String connectors = result.out().substring(result.out().indexOf("== connectors =="),
                result.out().indexOf("== Flink job graph"));
        assertEquals(String.join("\n", "== connectors ==",
                "  @source(type='kafka', bootstrap.servers='b:9093', group.id='g', optional.configuration="
                        + "'security.protocol:SASL_SSL,sasl.mechanism:PLAIN,sasl.jaas.config:******,"
                        + "ssl.truststore.password:${TRUST_PW}', topic.list='t', @map(type='json')) Trades",
                "  @sink(type='s3', aws.access.key='******', aws.secret.key='******', bucket.name='bkt',"
                        + " @map(type='csv')) Copy",
                "  @sink(type='http', basic.auth.password='******', basic.auth.username='app',"
                        + " publisher.url='https://h/x', @map(type='json')) Out", "", ""), connectors);
        for (String secret : List.of("kafka-pw", "http-pw", "s3-secret", "AKIA-ID")) {
            assertTrue(!result.out().contains(secret) && !result.err().contains(secret), secret);
        }
    }

    @Test
    void explainShowsTheScanFilterOfATableSource() throws IOException {
        Path app = write("lake.siddhi", "@app:name('Lake')\n"
                + "@source(type='iceberg', table='db.trades', warehouse='/lake', snapshot.id='42')\n"
                + "define stream Trades (symbol string, price double, volume long);\n"
                + "define stream Out (symbol string, price double);\n"
                + "from Trades[price > 10 and symbol == 'IBM'] select symbol, price insert into Out;\n"
                + "from Trades[volume >= 1000]#window.length(3) select symbol, avg(price) as price insert into Out;\n");
        CliRun result = CliRun.of("explain", app.toString());
        assertEquals(0, result.exitCode(), result.err());
        String connectors = result.out().substring(result.out().indexOf("== connectors =="),
                result.out().indexOf("== Flink job graph"));
        assertEquals(String.join("\n", "== connectors ==",
                "  @source(type='iceberg', snapshot.id='42', table='db.trades', warehouse='/lake',"
                        + " @map(type='passthrough')) Trades  scan filter: (price > 10.0 and symbol == 'IBM')"
                        + " or volume >= 1000", "", ""), connectors);
    }

    @Test
    void validateAcceptsAGoodApp() throws IOException {
        Path app = write("good.siddhi", APP);
        CliRun result = CliRun.of("validate", app.toString());
        assertEquals(0, result.exitCode());
        assertEquals(app + ": valid (2 streams, 1 queries)", result.out().strip());
    }

    @Test
    void anEventThatDoesNotFitItsStreamNamesTheLine() throws IOException {
        Path app = write("app.siddhi", APP);
        Path events = write("events.jsonl", "{\"stream\":\"Trades\",\"ts\":1,\"data\":[\"IBM\",12.5,100]}\n"
                + "{\"stream\":\"Trades\",\"ts\":2,\"data\":[\"IBM\",\"twelve\",100]}\n");
        CliRun result = CliRun.of("run", app.toString(), "--events", events.toString(), "--out", dir.resolve("out").toString());
        assertEquals(1, result.exitCode());
        assertEquals(events + ":2: attribute 'price' is double, got \"twelve\"", result.errLine());
        assertTrue(Files.notExists(dir.resolve("out")), "nothing runs and nothing is written");
    }

    @Test
    void eventsOutOfTimeOrderAreRejected() throws IOException {
        Path app = write("app.siddhi", APP);
        Path events = write("events.jsonl", "{\"stream\":\"Trades\",\"ts\":5,\"data\":[\"IBM\",12.5,100]}\n"
                + "{\"stream\":\"Trades\",\"ts\":4,\"data\":[\"IBM\",12.5,100]}\n");
        CliRun result = CliRun.of("run", app.toString(), "--events", events.toString());
        assertEquals(1, result.exitCode());
        assertEquals(events + ":2: timestamp 4 is earlier than the previous event's 5; events must be in "
                + "non-decreasing time order", result.errLine());
    }

    @Test
    void unknownStreamsAndWrongArityAreRejected() throws IOException {
        Path app = write("app.siddhi", APP);
        Path events = write("events.jsonl", "{\"stream\":\"Quotes\",\"ts\":1,\"data\":[]}\n");
        assertEquals(events + ":1: stream 'Quotes' is not defined in the app",
                CliRun.of("run", app.toString(), "--events", events.toString()).errLine());
        Files.writeString(events, "{\"stream\":\"Trades\",\"ts\":1,\"data\":[\"IBM\"]}\n");
        assertEquals(events + ":1: stream Trades (symbol string, price double, volume long) has 3 attributes, "
                + "the event has 1", CliRun.of("run", app.toString(), "--events", events.toString()).errLine());
    }

    @Test
    void anUnknownEngineIsAClearError() throws IOException {
        Path app = write("app.siddhi", APP);
        Path events = write("events.jsonl", "");
        CliRun result = CliRun.of("run", app.toString(), "--events", events.toString(), "--engine", "storm");
        assertEquals(1, result.exitCode());
        assertEquals("unknown engine 'storm'; use flink, beam-direct or beam-flink", result.errLine());
    }

    @Test
    void withoutAnEventsFileEventsComeLiveFromStandardInputOnTheWallClock() throws IOException {
        Path app = write("app.siddhi", APP);
        Path out = dir.resolve("out");
        String input = "{\"stream\":\"Trades\",\"data\":[\"IBM\",12.5,100]}\n"
                + "not an event\n"
                + "{\"stream\":\"Trades\",\"data\":[\"ACME\",9.0,10]}\n"
                + "{\"stream\":\"Trades\",\"ts\":42,\"data\":[\"WSO2\",20.0,1]}\n";
        InputStream stdin = System.in;
        PrintStream stderr = System.err;
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        long before = System.currentTimeMillis();
        try {
            System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
            System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
            assertEquals(0, CliRun.of("run", app.toString(), "--out", out.toString()).exitCode());
        } finally {
            System.setIn(stdin);
            System.setErr(stderr);
        }
        List<String> lines = Files.readAllLines(out.resolve("Out.jsonl"));
        assertEquals(2, lines.size(), lines.toString());
        long arrival = Long.parseLong(lines.get(0).replaceAll("^\\{\"ts\":(\\d+),.*", "$1"));
        assertTrue(arrival >= before && arrival <= System.currentTimeMillis(), "arrival time " + arrival);
        assertEquals("{\"ts\":" + arrival + ",\"data\":[\"IBM\",12.5]}", lines.get(0));
        assertEquals("{\"ts\":42,\"data\":[\"WSO2\",20.0]}", lines.get(1));
        String reported = errors.toString(StandardCharsets.UTF_8);
        assertTrue(reported.contains("stdin:2: not a JSON object"), reported);
        assertTrue(reported.contains("stdin: 1 of 4 lines were not events of the app"), reported);
    }

    private static final String KAFKA_APP = "@app:name('live')\n"
            + "@source(type='kafka', topic.list='trades', bootstrap.servers='localhost:9', group.id='live', "
            + "threading.option='single.thread', @map(type='json'))\n"
            + "define stream Trades (symbol string, price double);\n"
            + "@sink(type='kafka', topic='big', bootstrap.servers='localhost:9', @map(type='json'))\n"
            + "define stream Big (symbol string, price double);\n"
            + "from Trades[price > 10.0] select symbol, price insert into Big;\n";

    @Test
    void checkpointOptionsNeedAnAppWithSources() throws IOException {
        Path app = write("app.siddhi", APP);
        CliRun result = CliRun.of("run", app.toString(), "--from-savepoint", dir.toString());
        assertEquals(1, result.exitCode());
        assertEquals("--checkpoint-dir and --from-savepoint need an app with @source (and no --events)",
                result.errLine());
    }

    @Test
    void resumingFromAMissingCheckpointIsRejectedBeforeRunning() throws IOException {
        Path app = write("live.siddhi", KAFKA_APP);
        Path missing = dir.resolve("checkpoints").resolve("chk-7");
        CliRun result = CliRun.of("run", app.toString(), "--from-savepoint", missing.toString());
        assertEquals(1, result.exitCode());
        assertEquals(missing + ": no such savepoint or checkpoint directory", result.errLine());
    }

    @Test
    void theCheckpointIntervalIsADuration() throws IOException {
        Path app = write("live.siddhi", KAFKA_APP);
        CliRun result = CliRun.of("run", app.toString(), "--checkpoint-interval", "soon");
        assertEquals(2, result.exitCode());
        assertEquals("Invalid value for option '--checkpoint-interval': 'soon' is not a duration such as 500ms or 10s",
                result.errLine());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
