package org.siddhiql.connectors.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.connectors.ConnectedApp;
import org.siddhiql.testing.s3.S3Server;
import org.siddhiql.testing.s3.S3ServerExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A job with credentials in its annotations (an S3 secret key, an HTTP basic auth password), run with every logger
 * at INFO: what Flink, Hadoop's S3A and our connectors log names none of them.
 */
class CredentialsStayOutOfLogsITCase {
    private static final String HTTP_PASSWORD = "http-password-4711";

    @RegisterExtension
    static final S3ServerExtension S3 = new S3ServerExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(1)
                    .build());

    @AfterAll
    static void forgetTheS3Options() {
        FileSystem.initialize(new Configuration(), null);
    }

    @Test
    void aRunLogsNoCredential() throws Exception {
        S3.createBucket("logged");
        try (S3Client s3 = S3.client()) {
            s3.putObject(r -> r.bucket("logged").key("in/a.csv"), RequestBody.fromString("A,1\nB,oops\n", UTF_8));
        }
        String logs;
        try (RecordingServer receiver = new RecordingServer(null, attempt -> attempt == 0 ? 503 : 200)) {
            String app = "@app:name('Secretive')\n"
                    + "@source(type='s3', bucket.name='logged', object.path='in', endpoint='" + S3.endpoint() + "',"
                    + " path.style.access='true', aws.access.key='" + S3Server.ACCESS_KEY + "', aws.secret.key='"
                    + S3Server.SECRET_KEY + "', @map(type='csv'))\n"
                    + "define stream In (name string, n int);\n"
                    + "@sink(type='http', publisher.url='" + receiver.url("/out") + "', basic.auth.username='app',"
                    + " basic.auth.password='" + HTTP_PASSWORD + "', retry.interval='10', @map(type='json'))\n"
                    + "define stream Out (name string, n int);\n"
                    + "from In select name, n insert into Out;\n";
            logs = captureLogs(() -> run(new AppCompiler().compile(app)));
            assertEquals(List.of("{\"event\":{\"name\":\"A\",\"n\":1}}"), receiver.take(1, Duration.ofSeconds(10))
                    .stream().map(RecordingServer.Request::body).toList());
        }

        assertTrue(logs.contains("Secretive"), "the run's INFO logs were captured");
        String basicAuth = Base64.getEncoder().encodeToString(("app:" + HTTP_PASSWORD).getBytes(UTF_8));
        for (String secret : List.of(S3Server.SECRET_KEY, HTTP_PASSWORD, basicAuth)) {
            assertFalse(logs.contains(secret), "the logs show " + secret);
        }
    }

    private static void run(AppPlan plan) throws Exception {
        FileSystem.initialize(ConnectedApp.fileSystemConfiguration(plan), null);
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(1);
        env.getConfig().disableGenericTypes();
        ConnectedApp.addTo(env, plan, 1);
        env.execute("Secretive");
    }

    private interface Run {
        void run() throws Exception;
    }

    /** What every logger writes at INFO and above while {@code run} runs; not shown on the console. */
    private static String captureLogs(Run run) throws Exception {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        StringWriter captured = new StringWriter();
        WriterAppender appender = WriterAppender.newBuilder()
                .setName("credentials-check")
                .setTarget(captured)
                .setLayout(PatternLayout.newBuilder().withPattern("%c %m %ex%n").build())
                .build();
        appender.start();
        LoggerConfig root = context.getConfiguration().getRootLogger();
        Level level = root.getLevel();
        Map<String, Appender> appenders = Map.copyOf(root.getAppenders());
        appenders.keySet().forEach(root::removeAppender);
        root.addAppender(appender, Level.ALL, null);
        root.setLevel(Level.INFO);
        context.updateLoggers();
        try {
            run.run();
        } finally {
            root.removeAppender(appender.getName());
            appenders.values().forEach(console -> root.addAppender(console, null, null));
            root.setLevel(level);
            context.updateLoggers();
            appender.stop();
        }
        return captured.toString();
    }
}
