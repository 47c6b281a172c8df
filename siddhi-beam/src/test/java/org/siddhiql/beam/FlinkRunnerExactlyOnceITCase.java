package org.siddhiql.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.siddhiql.beam.TradesPipeline.EVENTS;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.checkpoint.AbstractCheckpointStats;
import org.apache.flink.runtime.checkpoint.CheckpointStatsSnapshot;
import org.apache.flink.runtime.checkpoint.CheckpointStatsStatus;
import org.apache.flink.runtime.checkpoint.CompletedCheckpointStats;
import org.apache.flink.runtime.checkpoint.RestoredCheckpointStats;
import org.apache.flink.runtime.client.JobStatusMessage;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.util.TestStreamEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The FlinkRunner checkpoints the app's Beam state with Flink's barrier snapshots (RocksDB): a job that fails once
 * mid-stream, after checkpoints have completed, and restarts from the latest one writes exactly what a job without
 * the failure writes, stream by stream, in emission order; so does a new job started from the last checkpoint of a
 * failed one, as {@code flink run -s <checkpoint>} would, which needs no savepoint and shows the Beam state's layout
 * restores into a freshly built pipeline.
 *
 * <p>All jobs are the same pipeline, {@link TradesPipeline}. Its sink keeps each output under its emission sequence
 * number, which comes from the checkpointed state: a replayed output lands on the same number, and must be the same
 * output there.
 */
class FlinkRunnerExactlyOnceITCase {
    private static final int PARALLELISM = 2;

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder()
                    .setConfiguration(historyOfEveryCheckpoint())
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(PARALLELISM)
                    .build());

    @TempDir
    static Path checkpoints;

    /** The outputs of the job without failure; run once, for both tests. */
    private static RecordedRun.Outputs referenceOutputs;

    @Test
    void aJobRestartedFromItsLatestCheckpointWritesWhatAJobWithoutFailureWrites(
            @InjectMiniCluster MiniCluster cluster) throws Exception {
        RecordedRun.Outputs expected = outputsWithoutFailure(cluster);
        RecordedRun failing = RecordedRun.start("restarted", true);
        long started = System.nanoTime();
        Pipeline restarted = TradesPipeline.create(failing, "restarted", PARALLELISM, 2, checkpoints);
        assertEquals(PipelineResult.State.DONE, restarted.run().waitUntilFinish());
        long millis = (System.nanoTime() - started) / 1_000_000;

        AccessExecutionGraph job = finishedJob(cluster, "restarted");
        assertTrue(failing.failed.get(), "the job did not fail: the test proves nothing");
        CheckpointStatsSnapshot checkpointStats = job.getCheckpointStatsSnapshot();
        RestoredCheckpointStats restored = checkpointStats.getLatestRestoredCheckpoint();
        assertNotNull(restored, "the job did not restart from a checkpoint");
        assertFalse(restored.getProperties().isSavepoint(), "restored from a savepoint");
        assertEquals(Optional.of("RocksDBStateBackend"), job.getStateBackendName());
        RecordedRun.Outputs actual = failing.outputs();
        assertEquals(List.of(), actual.conflicts, "a replayed output differs from the first one of its number");
        assertTrue(failing.emitted.get() > actual.count(), "no output was emitted again after the restart");
        assertContiguous(actual);
        assertEquals(expected.byStream(), actual.byStream());

        System.out.printf("restart: %d events, %d outputs %s, in %d ms; failed at output %d with %d outputs"
                        + " committed, restored checkpoint %d (%d bytes; %d checkpoints completed before the failure,"
                        + " %d in all), read %d events (%d again), emitted %d outputs (%d again), delivered %d to the"
                        + " sink (%d again)%n",
                EVENTS, actual.count(), counts(actual), millis, failing.failedAtOutput.get(),
                failing.committedAtFailure.get(), restored.getCheckpointId(), restored.getStateSize(),
                completedUpTo(checkpointStats, restored.getCheckpointId()),
                checkpointStats.getCounts().getNumberOfCompletedCheckpoints(), failing.eventsSeen.get(),
                failing.eventsSeen.get() - EVENTS, failing.emitted.get(), failing.emitted.get() - actual.count(),
                actual.deliveries.get(), actual.deliveries.get() - actual.count());
    }

    @Test
    void aNewJobStartedFromAFailedJobsLastCheckpointWritesTheRest(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        RecordedRun.Outputs expected = outputsWithoutFailure(cluster);
        RecordedRun resumed = RecordedRun.start("resumed", true);
        Pipeline failed = TradesPipeline.create(resumed, "failed", PARALLELISM, 0, checkpoints);
        assertThrows(RuntimeException.class, () -> failed.run().waitUntilFinish());
        assertTrue(resumed.failed.get(), "the job did not fail at the injected failure");
        CompletedCheckpointStats last = finishedJob(cluster, "failed").getCheckpointStatsSnapshot().getHistory()
                .getLatestCompletedCheckpoint();
        assertNotNull(last, "no checkpoint completed before the failure");
        assertTrue(last.getExternalPath().endsWith("/chk-" + last.getCheckpointId()), last.getExternalPath());
        long committedByFailedJob = resumed.outputs().count();
        long readByFailedJob = resumed.eventsSeen.get();
        long emittedByFailedJob = resumed.emitted.get();

        CheckpointRestoringEnvironment.install(cluster, last.getExternalPath());
        try {
            Pipeline fromCheckpoint = TradesPipeline.create(resumed, "resumed", PARALLELISM, 0, checkpoints);
            assertEquals(PipelineResult.State.DONE, fromCheckpoint.run().waitUntilFinish());
        } finally {
            TestStreamEnvironment.unsetAsContext();
            TestStreamEnvironment.setAsContext(cluster, PARALLELISM);
        }
        RestoredCheckpointStats restored = finishedJob(cluster, "resumed").getCheckpointStatsSnapshot()
                .getLatestRestoredCheckpoint();
        assertNotNull(restored, "the new job did not start from the checkpoint");
        assertEquals(last.getCheckpointId(), restored.getCheckpointId());
        long readByNewJob = resumed.eventsSeen.get() - readByFailedJob;
        long emittedByNewJob = resumed.emitted.get() - emittedByFailedJob;
        assertTrue(readByNewJob < EVENTS, "the new job read all events: its source did not resume");
        RecordedRun.Outputs actual = resumed.outputs();
        assertEquals(List.of(), actual.conflicts, "a replayed output differs from the first one of its number");
        assertContiguous(actual);
        assertTrue(emittedByNewJob < actual.count(), "the new job emitted every output: its state was not restored");
        assertEquals(expected.byStream(), actual.byStream());

        System.out.printf("new job from checkpoint %d of the failed one: the failed job read %d events, emitted %d"
                        + " outputs, committed %d; the new job read %d events, emitted %d outputs; together %d"
                        + " distinct outputs, %d delivered to the sink%n",
                last.getCheckpointId(), readByFailedJob, emittedByFailedJob, committedByFailedJob, readByNewJob,
                emittedByNewJob, actual.count(), actual.deliveries.get());
    }

    /** Runs the job without failure the first time it is asked for, and checks its outputs are the app's. */
    private static synchronized RecordedRun.Outputs outputsWithoutFailure(MiniCluster cluster) throws Exception {
        if (referenceOutputs == null) {
            RecordedRun reference = RecordedRun.start("without-failure", false);
            Pipeline withoutFailure = TradesPipeline.create(reference, "without-failure", PARALLELISM, 2, checkpoints);
            assertEquals(PipelineResult.State.DONE, withoutFailure.run().waitUntilFinish());
            CheckpointStatsSnapshot checkpointStats =
                    finishedJob(cluster, "without-failure").getCheckpointStatsSnapshot();
            assertNull(checkpointStats.getLatestRestoredCheckpoint(), "the job without failure restarted");
            RecordedRun.Outputs outputs = reference.outputs();
            assertEquals(List.of(), outputs.conflicts);
            assertContiguous(outputs);
            assertEquals(TradesPipeline.volumesByHand(), valuesOf(outputs.byStream().get("Volumes")));
            assertFalse(outputs.byStream().getOrDefault("Swings", List.of()).isEmpty(), "no Swings");
            System.out.printf("without failure: %d outputs %s, %d checkpoints%n", outputs.count(), counts(outputs),
                    checkpointStats.getCounts().getNumberOfCompletedCheckpoints());
            referenceOutputs = outputs;
        }
        return referenceOutputs;
    }

    /** The attribute values of output lines. */
    private static List<String> valuesOf(List<String> lines) {
        List<String> values = new ArrayList<>();
        lines.forEach(line -> values.add(line.split(" ", 3)[2]));
        return values;
    }

    /** Emission numbers come from one counter in state: every number from 0 up, none lost, none skipped. */
    private static void assertContiguous(RecordedRun.Outputs outputs) {
        assertEquals(outputs.count() == 0 ? null : outputs.count() - 1L,
                outputs.lines.isEmpty() ? null : outputs.lines.lastKey());
    }

    private static Map<String, Integer> counts(RecordedRun.Outputs outputs) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        outputs.byStream().forEach((stream, lines) -> counts.put(stream, lines.size()));
        return counts;
    }

    /**
     * The MiniCluster's environment, starting jobs from a checkpoint as {@code flink run -s} does: Beam applies its
     * {@code savepointPath} option only to remote clusters, not to the context environment that {@code [auto]} uses.
     */
    private static final class CheckpointRestoringEnvironment extends TestStreamEnvironment {
        private CheckpointRestoringEnvironment(MiniCluster cluster, Configuration config) {
            super(cluster, config, PARALLELISM, List.of(), List.of());
        }

        static void install(MiniCluster cluster, String checkpoint) {
            initializeContextEnvironment(config -> {
                Configuration restoring = new Configuration(config);
                restoring.set(StateRecoveryOptions.SAVEPOINT_PATH, checkpoint);
                return new CheckpointRestoringEnvironment(cluster, restoring);
            });
        }
    }

    /** The job of that name, which has finished. */
    private static AccessExecutionGraph finishedJob(MiniCluster cluster, String jobName) throws Exception {
        JobID job = null;
        for (JobStatusMessage status : cluster.listJobs().get()) {
            if (status.getJobName().equals(jobName)) {
                job = status.getJobId();
            }
        }
        assertNotNull(job, "no job named " + jobName);
        return cluster.getArchivedExecutionGraph(job).get();
    }

    private static long completedUpTo(CheckpointStatsSnapshot stats, long checkpointId) {
        long completed = 0;
        for (AbstractCheckpointStats checkpoint : stats.getHistory().getCheckpoints()) {
            if (checkpoint.getStatus() == CheckpointStatsStatus.COMPLETED
                    && checkpoint.getCheckpointId() <= checkpointId) {
                completed++;
            }
        }
        return completed;
    }

    /** Keeps every checkpoint of a run in the statistics, to count those before the failure. */
    private static Configuration historyOfEveryCheckpoint() {
        Configuration config = new Configuration();
        config.set(WebOptions.CHECKPOINTS_HISTORY_SIZE, 1_000);
        return config;
    }
}
