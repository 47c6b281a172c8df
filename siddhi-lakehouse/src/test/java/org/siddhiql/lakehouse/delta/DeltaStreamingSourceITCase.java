package org.siddhiql.lakehouse.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.siddhiql.lakehouse.delta.KernelCommits.trade;

import io.delta.kernel.engine.Engine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.connectors.ConnectedApp;

/**
 * {@code @source(type='delta', mode='streaming')}: the latest version, then each commit made while the job runs,
 * exactly once; and after a stop with a savepoint, a commit made while the job was down is read by the restored job,
 * without the rows it had already read.
 */
class DeltaStreamingSourceITCase {
    private static final long TIMEOUT_MILLIS = 60_000;

    @RegisterExtension
    static final MiniClusterExtension FLINK = DeltaApps.miniCluster();

    @TempDir
    Path dir;

    @Test
    void commitsMadeWhileTheJobRunsOrIsStoppedAreReadOnce() throws Exception {
        String path = dir.resolve("trades").toString();
        Engine engine = DeltaEngines.create(Map.of());
        KernelCommits.append(engine, path, "X", trade("IBM", 100.0, 10L), trade("WSO2", 50.5, 20L));
        KernelCommits.append(engine, path, "Y", trade("IBM", 101.0, 5L));
        String source = "path='" + path + "', mode='streaming', monitor.interval='100'";

        String savepoint;
        try (DeltaApps.Collector live = new DeltaApps.Collector("live")) {
            JobClient job = start(source, "live", new Configuration());
            try {
                await(live, 3);
                KernelCommits.append(engine, path, "X", trade("ORCL", 30.25, 7L));
                await(live, 4);
                Thread.sleep(1000); // ten looks for new versions, and several checkpoints
                assertEquals(List.of("IBM 100.0 10 X", "IBM 101.0 5 Y", "ORCL 30.25 7 X", "WSO2 50.5 20 X"),
                        live.sorted());
                savepoint = job.stopWithSavepoint(false, dir.resolve("savepoints").toUri().toString(),
                        SavepointFormatType.CANONICAL).get();
            } catch (Exception e) {
                job.cancel();
                throw e;
            }
        }

        KernelCommits.append(engine, path, "Y", trade("SAP", 9.5, 3L), trade("SAP", 9.75, 4L));
        Configuration restore = new Configuration();
        restore.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        try (DeltaApps.Collector restored = new DeltaApps.Collector("restored")) {
            JobClient job = start(source, "restored", restore);
            try {
                await(restored, 2);
                Thread.sleep(1000);
                assertEquals(List.of("SAP 9.5 3 Y", "SAP 9.75 4 Y"), restored.sorted());
            } finally {
                job.cancel().get();
            }
        }
    }

    private static JobClient start(String source, String topic, Configuration config) throws Exception {
        StreamExecutionEnvironment env = DeltaApps.environment(config);
        env.enableCheckpointing(200);
        ConnectedApp.addTo(env, new AppCompiler().compile(DeltaApps.app(topic, source)), 1);
        return env.executeAsync("DeltaTrades");
    }

    private static void await(DeltaApps.Collector events, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (events.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(events.size() >= count, "expected " + count + " events, got " + events.sorted());
    }
}
