package org.siddhiql.connectors.s3;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.fs.FileSystem;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.connectors.ConnectedApp;
import org.siddhiql.testing.s3.S3Server;
import org.siddhiql.testing.s3.S3ServerExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * SiddhiQL apps reading CSV objects from one bucket of s3proxy on 127.0.0.1 and writing part files to another,
 * through Flink's S3 file system configured from the annotations; objects are put and read back with the AWS SDK.
 */
class S3ConnectorsITCase {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @RegisterExtension
    static final S3ServerExtension S3 = new S3ServerExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    @AfterAll
    static void forgetTheS3Options() {
        FileSystem.initialize(new Configuration(), null);
    }

    private static String app(String in, String out, String sourceOptions) {
        return "@app:name('S3Totals')\n"
                + "@source(type='s3', bucket.name='" + in + "', object.path='trades/2026', " + s3Options()
                + sourceOptions + " @map(type='csv'))\n"
                + "define stream Trades (symbol string, price double, volume long);\n"
                + "@sink(type='s3', bucket.name='" + out + "', object.path='totals', " + s3Options()
                + " @map(type='csv'))\n"
                + "define stream Totals (symbol string, turnover double);\n"
                + "from Trades[volume > 0] select symbol, price * volume as turnover insert into Totals;\n";
    }

    /** The secret comes from a system property, as it would from the environment. */
    private static String s3Options() {
        return "endpoint='" + S3.endpoint() + "', path.style.access='true', aws.access.key='" + S3Server.ACCESS_KEY
                + "', aws.secret.key='${siddhiql.test.s3.secret}',";
    }

    @ParameterizedTest(name = "parallelism {0}")
    @ValueSource(ints = {1, 2})
    void objectsUnderAPrefixBecomeCommittedPartFiles(int parallelism) throws Exception {
        String in = "trades-p" + parallelism;
        String out = "totals-p" + parallelism;
        S3.createBucket(in);
        S3.createBucket(out);
        try (S3Client s3 = S3.client()) {
            put(s3, in, "trades/2026/01.csv", "IBM,10.5,2\nORCL,abc,3\nIBM,1.0,0\n");
            put(s3, in, "trades/2026/02/deeper.csv", "MSFT,2.25,4\n\"SAP,1.0,1\n");
            put(s3, in, "trades/2025/old.csv", "OLD,1.0,1\n"); // outside the prefix
            put(s3, in, "trades/2026/_hidden.csv", "HIDDEN,1.0,1\n");

            run(app(in, out, ""), parallelism);

            assertEquals(List.of("IBM,21.0", "MSFT,9.0"), lines(s3, out, "totals/"));
            for (S3Object object : s3.listObjectsV2(r -> r.bucket(out)).contents()) {
                assertTrue(object.key().matches("totals/part-[0-9a-f-]+-[0-9]+\\.csv"), object.key());
            }
        }
    }

    /**
     * A watched prefix with checkpoints: each object put while the job runs is read once, and its results become
     * visible when a checkpoint completes the part file's upload.
     */
    @Test
    void aWatchedPrefixIsReadAsObjectsArriveAndCommittedOnCheckpoints() throws Exception {
        S3.createBucket("live-in");
        S3.createBucket("live-out");
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = environment(config, 1);
        env.enableCheckpointing(300);
        AppPlan plan = new AppCompiler().compile(app("live-in", "live-out", " dir.polling.interval='100',"));
        JobClient job;
        System.setProperty("siddhiql.test.s3.secret", S3Server.SECRET_KEY);
        try {
            FileSystem.initialize(ConnectedApp.fileSystemConfiguration(plan), null);
            ConnectedApp.addTo(env, plan, 1);
            job = env.executeAsync();
        } finally {
            System.clearProperty("siddhiql.test.s3.secret");
        }
        try (S3Client s3 = S3.client()) {
            put(s3, "live-in", "trades/2026/a.csv", "A,1.5,2\n");
            assertEquals(List.of("A,3.0"), awaitLines(s3, "live-out", "totals/", 1));
            put(s3, "live-in", "trades/2026/b.csv", "B,2.0,5\nC,1.0,0\n");
            assertEquals(List.of("A,3.0", "B,10.0"), awaitLines(s3, "live-out", "totals/", 2));
        } finally {
            job.cancel().get();
        }
    }

    private static void run(String app, int parallelism) throws Exception {
        AppPlan plan = new AppCompiler().compile(app);
        System.setProperty("siddhiql.test.s3.secret", S3Server.SECRET_KEY);
        try {
            FileSystem.initialize(ConnectedApp.fileSystemConfiguration(plan), null);
            Configuration config = new Configuration();
            config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
            StreamExecutionEnvironment env = environment(config, parallelism);
            ConnectedApp.addTo(env, plan, parallelism);
            env.execute("S3Totals");
        } finally {
            System.clearProperty("siddhiql.test.s3.secret");
        }
    }

    private static StreamExecutionEnvironment environment(Configuration config, int parallelism) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setParallelism(parallelism);
        env.getConfig().disableGenericTypes();
        return env;
    }

    private static void put(S3Client s3, String bucket, String key, String content) {
        s3.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(content, UTF_8));
    }

    /** The lines of every object under the prefix, sorted. */
    private static List<String> lines(S3Client s3, String bucket, String prefix) {
        List<String> lines = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix)).contents()) {
            String content = s3.getObjectAsBytes(r -> r.bucket(bucket).key(object.key())).asString(UTF_8);
            lines.addAll(Arrays.asList(content.split("\n")));
        }
        lines.sort(null);
        return lines;
    }

    private static List<String> awaitLines(S3Client s3, String bucket, String prefix, int count)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        List<String> lines = lines(s3, bucket, prefix);
        while (lines.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
            lines = lines(s3, bucket, prefix);
        }
        Thread.sleep(1000); // and nothing more
        return lines(s3, bucket, prefix);
    }
}
