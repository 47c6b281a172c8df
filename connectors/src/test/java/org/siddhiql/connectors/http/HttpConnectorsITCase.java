package org.siddhiql.connectors.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.connectors.ConnectedApp;

/**
 * SiddhiQL apps between an HTTP source and an HTTP sink on a MiniCluster: a test client posts to the source's endpoint
 * on 127.0.0.1, and a {@link RecordingServer} takes the sink's requests; bodies, statuses and headers are exact.
 */
class HttpConnectorsITCase {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final InMemoryReporter METRICS = InMemoryReporter.create();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .setConfiguration(METRICS.addToConfiguration(new Configuration()))
                    .build());

    @TempDir
    Path temp;

    /**
     * Basic auth on both sides (the source's password from a system property through {@code ${...}}), a custom
     * header, one event, an array of two and a wrapped event in, malformed and unauthorised requests refused with
     * their reasons; the sink's first attempt is answered 503 and retried.
     */
    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void postedEventsAreFilteredAndPostedOn(int parallelism) throws Exception {
        int port = freePort();
        System.setProperty("siddhiql.test.feed.password", "feed-pw");
        try (RecordingServer receiver = new RecordingServer(null, attempt -> attempt == 0 ? 503 : 200)) {
            String app = "@app:name('HttpRelay')\n"
                    + "@source(type='http', receiver.url='http://127.0.0.1:" + port + "/trades',\n"
                    + "  basic.auth.enabled='true', basic.auth.username='feed',\n"
                    + "  basic.auth.password='${siddhiql.test.feed.password}', @map(type='json'))\n"
                    + "define stream Trades (symbol string, price double, volume long);\n"
                    + "@sink(type='http', publisher.url='" + receiver.url("/big") + "', headers=\"'X-Team:risk'\",\n"
                    + "  basic.auth.username='app', basic.auth.password='app-pw', retry.interval='20',\n"
                    + "  @map(type='json'))\n"
                    + "define stream Big (symbol string, total double);\n"
                    + "from Trades[volume >= 10] select symbol, price * volume as total insert into Big;\n";
            JobClient job = start(app, parallelism);
            try {
                HttpClient client = HttpClient.newHttpClient();
                URI url = URI.create("http://127.0.0.1:" + port + "/trades");
                String auth = basic("feed", "feed-pw");
                awaitListening(client, url);

                assertResponse(200, "", post(client, url, auth,
                        "{\"event\":{\"symbol\":\"IBM\",\"price\":10.5,\"volume\":10}}"));
                assertResponse(200, "", post(client, url, auth, "[{\"symbol\":\"ORCL\",\"price\":2.0,\"volume\":5},"
                        + "{\"symbol\":\"MSFT\",\"price\":3.25,\"volume\":40}]"));
                assertResponse(400, "the body does not map: not JSON at column 14: Unexpected end-of-input in "
                        + "VALUE_STRING", post(client, url, auth, "{\"symbol\":\"IB"));
                assertResponse(400, "the body does not map: attribute 'volume' is long but the record has \"many\"",
                        post(client, url, auth, "{\"symbol\":\"A\",\"price\":1.0,\"volume\":\"many\"}"));
                assertResponse(401, "basic authentication failed", post(client, url, basic("feed", "guess"),
                        "{\"symbol\":\"X\",\"price\":1.0,\"volume\":99}"));
                assertResponse(401, "basic authentication failed", post(client, url, null,
                        "{\"symbol\":\"X\",\"price\":1.0,\"volume\":99}"));
                assertResponse(200, "", post(client, url, auth, "{\"symbol\":\"SAP\",\"price\":0.5,\"volume\":12}"));

                List<RecordingServer.Request> requests = receiver.take(3, TIMEOUT);
                List<String> bodies = new ArrayList<>(requests.stream().map(RecordingServer.Request::body).toList());
                if (parallelism > 1) {
                    bodies.sort(null); // the filter runs on two subtasks: their requests interleave freely
                }
                List<String> expected = new ArrayList<>(List.of(
                        "{\"event\":{\"symbol\":\"IBM\",\"total\":105.0}}",
                        "{\"event\":{\"symbol\":\"MSFT\",\"total\":130.0}}",
                        "{\"event\":{\"symbol\":\"SAP\",\"total\":6.0}}"));
                if (parallelism > 1) {
                    expected.sort(null);
                }
                assertEquals(expected, bodies);
                for (RecordingServer.Request request : requests) {
                    assertEquals(new RecordingServer.Request("POST", "/big", basic("app", "app-pw"), "risk",
                            "application/json", request.body()), request);
                }
                assertEquals(4, receiver.attempts()); // the first was answered 503 and retried
                assertEquals(2, unmappedRecords(job.getJobID()));
                Thread.sleep(500);
                assertEquals(List.of(), receiver.surplus());
            } finally {
                job.cancel().get();
            }
        } finally {
            System.clearProperty("siddhiql.test.feed.password");
        }
    }

    /** An https endpoint with a key store made for the test, and a sink trusting a server by its trust store. */
    @Test
    void eventsTravelOverTlsBothWays() throws Exception {
        TestCertificates certificates = new TestCertificates(temp);
        int port = freePort();
        try (RecordingServer receiver = new RecordingServer(certificates.server(), attempt -> 201)) {
            String app = "@app:name('TlsRelay')\n"
                    + "@source(type='http', receiver.url='https://127.0.0.1:" + port + "/in',\n"
                    + "  https.keystore.file='" + certificates.keyStore + "',\n"
                    + "  https.keystore.password='" + TestCertificates.PASSWORD + "', @map(type='json'))\n"
                    + "define stream In (id int, note string);\n"
                    + "@sink(type='http', publisher.url='" + receiver.url("/out") + "', method='PUT',\n"
                    + "  https.truststore.file='" + certificates.trustStore + "',\n"
                    + "  https.truststore.password='" + TestCertificates.PASSWORD + "', @map(type='json'))\n"
                    + "define stream Out (id int, note string);\n"
                    + "from In select id * 10 as id, note insert into Out;\n";
            JobClient job = start(app, 1);
            try {
                HttpClient client = HttpClient.newBuilder().sslContext(certificates.client()).build();
                URI url = URI.create("https://127.0.0.1:" + port + "/in");
                awaitListening(client, url);
                assertResponse(200, "", post(client, url, null,
                        "[{\"id\":1,\"note\":\"tls\"},{\"id\":2,\"note\":null}]"));

                assertEquals(List.of(
                        new RecordingServer.Request("PUT", "/out", null, null, "application/json",
                                "{\"event\":{\"id\":10,\"note\":\"tls\"}}"),
                        new RecordingServer.Request("PUT", "/out", null, null, "application/json",
                                "{\"event\":{\"id\":20,\"note\":null}}")),
                        receiver.take(2, TIMEOUT));
                // a client that does not trust the certificate is refused during the handshake
                assertThrows(IOException.class, () -> post(HttpClient.newHttpClient(), url, null, "[]"));
            } finally {
                job.cancel().get();
            }
        }
    }

    /** With {@code @OnError(action='STREAM')} a body that does not map is accepted into the fault stream. */
    @Test
    void bodiesThatDoNotMapGoToTheFaultStream() throws Exception {
        int port = freePort();
        try (RecordingServer receiver = new RecordingServer(null, attempt -> 200)) {
            String app = "@app:name('Orders')\n"
                    + "@OnError(action='STREAM')\n"
                    + "@source(type='http', receiver.url='http://127.0.0.1:" + port + "/orders', @map(type='json'))\n"
                    + "define stream Orders (item string, quantity long);\n"
                    + "@sink(type='http', publisher.url='" + receiver.url("/rejected") + "', @map(type='json'))\n"
                    + "define stream Rejected (item string, error object);\n"
                    + "from !Orders select item, _error as error insert into Rejected;\n";
            JobClient job = start(app, 1);
            try {
                HttpClient client = HttpClient.newHttpClient();
                URI url = URI.create("http://127.0.0.1:" + port + "/orders");
                awaitListening(client, url);
                assertResponse(200, "", post(client, url, null, "{\"item\":\"a\"}"));
                assertEquals(List.of("{\"event\":{\"item\":null,\"error\":\"org.siddhiql.connectors.MappingException: "
                        + "the body posted to /orders does not map: attribute 'quantity' is missing\"}}"),
                        receiver.take(1, TIMEOUT).stream().map(RecordingServer.Request::body).toList());
            } finally {
                job.cancel().get();
            }
        }
    }

    /**
     * A body is a record of any of the mappers of bytes, with the mapper's errors in the 400: CSV lines in; out as the
     * text mapper's {@code @payload} and as keyvalue's JSON object, each with its mapper's Content-Type.
     */
    @Test
    void bodiesAreRecordsOfTheConnectorsMappers() throws Exception {
        int port = freePort();
        try (RecordingServer receiver = new RecordingServer(null, attempt -> 200)) {
            String app = "@app:name('CsvTrades')\n"
                    + "@source(type='http', receiver.url='http://127.0.0.1:" + port + "/trades', @map(type='csv'))\n"
                    + "define stream Trades (symbol string, price double, volume long);\n"
                    + "@sink(type='http', publisher.url='" + receiver.url("/text") + "',\n"
                    + "  @map(type='text', @payload('{{symbol}} traded {{volume}}')))\n"
                    + "@sink(type='http', publisher.url='" + receiver.url("/keyvalue") + "', @map(type='keyvalue'))\n"
                    + "define stream Traded (symbol string, volume long);\n"
                    + "from Trades select symbol, volume insert into Traded;\n";
            JobClient job = start(app, 1);
            try {
                HttpClient client = HttpClient.newHttpClient();
                URI url = URI.create("http://127.0.0.1:" + port + "/trades");
                awaitListening(client, url);
                assertResponse(400, "the body does not map: the quote at column 1 is not closed",
                        post(client, url, null, "\"IBM,10.5,3"));
                assertResponse(400, "the body does not map: attribute 'volume' is long but the record has 'many'",
                        post(client, url, null, "IBM,10.5,many"));
                assertResponse(200, "", post(client, url, null, "IBM,10.5,3"));

                List<RecordingServer.Request> requests = new ArrayList<>(receiver.take(2, TIMEOUT));
                requests.sort(Comparator.comparing(RecordingServer.Request::path)); // the two sinks run apart
                assertEquals(List.of(
                        new RecordingServer.Request("POST", "/keyvalue", null, null, "application/json",
                                "{\"symbol\":\"IBM\",\"volume\":3}"),
                        new RecordingServer.Request("POST", "/text", null, null, "text/plain; charset=utf-8",
                                "IBM traded 3")), requests);
                assertEquals(2, unmappedRecords(job.getJobID()));
            } finally {
                job.cancel().get();
            }
        }
    }

    /** A sink whose server keeps failing fails the job once its retries are spent, naming the answer. */
    @Test
    void aSinkFailsTheJobWhenItsRetriesAreSpent() throws Exception {
        int port = freePort();
        try (RecordingServer receiver = new RecordingServer(null, attempt -> 500)) {
            String app = "@app:name('Doomed')\n"
                    + "@source(type='http', receiver.url='http://127.0.0.1:" + port + "/in', @map(type='json'))\n"
                    + "define stream In (id int);\n"
                    + "@sink(type='http', publisher.url='" + receiver.url("/out?token=abc") + "', max.retries='2',\n"
                    + "  retry.interval='10', @map(type='json'))\n"
                    + "define stream Out (id int);\n"
                    + "from In select id insert into Out;\n";
            JobClient job = start(app, 1);
            HttpClient client = HttpClient.newHttpClient();
            URI url = URI.create("http://127.0.0.1:" + port + "/in");
            awaitListening(client, url);
            post(client, url, null, "{\"id\":7}");
            ExecutionException failure = assertThrows(ExecutionException.class,
                    () -> job.getJobExecutionResult().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            IOException cause = ExceptionUtils.findThrowable(failure, IOException.class).orElseThrow();
            assertEquals("http sink of stream 'Out': POST " + receiver.url("/out") + " answered 500: down for "
                    + "maintenance, after 3 attempts", cause.getMessage());
            assertEquals(3, receiver.attempts());
        }
    }

    /**
     * The guarantee, shown: a 400 from the sink's server fails the job, which restarts from its last checkpoint; the
     * event the source had accepted (answered 200) is not replayed, so it is lost, and the endpoint serves again.
     */
    @Test
    void afterARestartTheEndpointServesAgainButAnAcceptedEventInFlightIsLost() throws Exception {
        int port = freePort();
        try (RecordingServer receiver = new RecordingServer(null, attempt -> attempt == 0 ? 400 : 200)) {
            String app = "@app:name('Restarting')\n"
                    + "@source(type='http', receiver.url='http://127.0.0.1:" + port + "/in', @map(type='json'))\n"
                    + "define stream In (id int);\n"
                    + "@sink(type='http', publisher.url='" + receiver.url("/out") + "', @map(type='json'))\n"
                    + "define stream Out (id int);\n"
                    + "from In select id insert into Out;\n";
            Configuration config = new Configuration();
            config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1);
            config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
            env.setParallelism(1);
            env.getConfig().disableGenericTypes();
            env.enableCheckpointing(100);
            ConnectedApp.addTo(env, new AppCompiler().compile(app), 1);
            JobClient job = env.executeAsync();
            try {
                HttpClient client = HttpClient.newHttpClient();
                URI url = URI.create("http://127.0.0.1:" + port + "/in");
                awaitListening(client, url);
                assertResponse(200, "", post(client, url, null, "{\"id\":1}"));
                awaitStatus(job, JobStatus.RESTARTING);
                awaitStatus(job, JobStatus.RUNNING);
                awaitListening(client, url);
                assertResponse(200, "", post(client, url, null, "{\"id\":2}"));

                assertEquals(List.of("{\"event\":{\"id\":2}}"),
                        receiver.take(1, TIMEOUT).stream().map(RecordingServer.Request::body).toList());
                assertEquals(2, receiver.attempts());
            } finally {
                job.cancel().get();
            }
        }
    }

    private static void awaitStatus(JobClient job, JobStatus status) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (job.getJobStatus().get() != status) {
            assertTrue(System.nanoTime() < deadline, "the job did not become " + status);
            Thread.sleep(20);
        }
    }

    private static JobClient start(String app, int parallelism) throws Exception {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        env.getConfig().disableGenericTypes();
        ConnectedApp.addTo(env, new AppCompiler().compile(app), parallelism);
        return env.executeAsync();
    }

    /** Asks with a GET, which the endpoint refuses whatever its mapper and credentials, until it answers. */
    private static void awaitListening(HttpClient client, URI url) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            try {
                assertResponse(405, "only POST is accepted",
                        client.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofString()));
                return;
            } catch (ConnectException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private static HttpResponse<String> post(HttpClient client, URI url, String authorization, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertResponse(int status, String body, HttpResponse<String> response) {
        assertEquals(status + " " + body, response.statusCode() + " " + response.body());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static long unmappedRecords(JobID job) {
        return METRICS.findMetrics(job, "unmappedRecords").values().stream()
                .mapToLong(counter -> ((Counter) counter).getCount())
                .sum();
    }
}
