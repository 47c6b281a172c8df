package org.siddhiql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.AppPlan;

/** The checkpointing a live run is given: what a restart needs, and nothing a test of the job itself would show. */
class ConnectedRunTest {
    private static final AppPlan PLAN = new AppCompiler().compile(
            "define stream S (a int);\nfrom S select a insert into O;\n");

    @Test
    void checkpointsIncrementallyToRocksDbExactlyOnceAndKeepsThemOnCancel() {
        Configuration config = new ConnectedRun(PLAN, 2, Duration.ofSeconds(10), URI.create("file:///data/ckpt"), null,
                false, null, Map.of()).configuration();
        assertEquals("rocksdb", config.get(StateBackendOptions.STATE_BACKEND));
        assertEquals(true, config.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS));
        assertEquals("file:///data/ckpt", config.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY));
        assertEquals(Duration.ofSeconds(10), config.get(CheckpointingOptions.CHECKPOINTING_INTERVAL));
        assertEquals(CheckpointingMode.EXACTLY_ONCE, config.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE));
        assertEquals(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION,
                config.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION));
        assertFalse(config.contains(StateRecoveryOptions.SAVEPOINT_PATH));
    }

    @Test
    void resumesFromTheGivenSnapshot() {
        Configuration config = new ConnectedRun(PLAN, 1, Duration.ofMillis(500), URI.create("file:///data/ckpt"),
                "file:///data/ckpt/job/chk-3", false, null, Map.of()).configuration();
        assertEquals("file:///data/ckpt/job/chk-3", config.get(StateRecoveryOptions.SAVEPOINT_PATH));
        assertFalse(config.get(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE));
    }

    @Test
    void dropsTheStateOfRemovedQueriesOnlyWhenAsked() {
        Configuration config = new ConnectedRun(PLAN, 1, Duration.ofMillis(500), URI.create("file:///data/ckpt"),
                "file:///data/ckpt/job/chk-3", true, null, Map.of()).configuration();
        assertTrue(config.get(StateRecoveryOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE));
    }

    @Test
    void givesFlinksFileSystemsTheEndpointsAndCredentialsOfS3Connectors() {
        AppPlan plan = new AppCompiler().compile("@source(type='s3', bucket.name='in-bucket',\n"
                + "  endpoint='http://h:9000', path.style.access='true', aws.access.key='AK', aws.secret.key='SK',\n"
                + "  @map(type='csv'))\n"
                + "define stream S (a int);\nfrom S select a insert into O;\n");
        Configuration config = new ConnectedRun(plan, 1, Duration.ofSeconds(1), URI.create("file:///data/ckpt"), null,
                false, null, Map.of()).configuration();
        assertEquals(Map.of("s3.bucket.in-bucket.endpoint", "http://h:9000",
                "s3.bucket.in-bucket.path.style.access", "true",
                "s3.bucket.in-bucket.access.key", "AK",
                "s3.bucket.in-bucket.secret.key", "SK"), withPrefix(config, "s3."));
    }

    private static Map<String, String> withPrefix(Configuration config, String prefix) {
        Map<String, String> options = new HashMap<>(config.toMap());
        options.keySet().removeIf(key -> !key.startsWith(prefix));
        return options;
    }

    @Test
    void passesTheUsersSettingsOnToFlink() {
        Configuration config = new ConnectedRun(PLAN, 1, Duration.ofMillis(500), URI.create("s3://bucket/ckpt"), null,
                false, null, Map.of("s3.endpoint", "http://127.0.0.1:9000", "s3.path.style.access", "true"))
                .configuration();
        assertEquals("s3://bucket/ckpt", config.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY));
        assertEquals("http://127.0.0.1:9000", config.toMap().get("s3.endpoint"));
        assertEquals("true", config.toMap().get("s3.path.style.access"));
    }
}
