package org.siddhiql.lakehouse.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;

/**
 * The committer across failures: files of a checkpoint are committed when it completes, and again (to no effect) or
 * for the first time when a job restores that checkpoint; a job started afresh continues after the app's last
 * transaction version.
 */
class DeltaCommitOperatorTest {
    private static final StreamSchema FILLS = new StreamSchema("Fills", List.of("symbol", "qty"),
            List.of(AttributeType.STRING, AttributeType.INT));

    @TempDir
    Path dir;

    @Test
    void aRestoredCheckpointIsCommittedOnceWhetherOrNotItsCommitHappenedBeforeTheFailure() throws Exception {
        DeltaSinkSettings settings = settings();
        OperatorSubtaskState first;
        OperatorSubtaskState second;
        try (OneInputStreamOperatorTestHarness<DeltaDataFile, Void> job = harness(settings, null)) {
            job.processElement(DataFiles.write(settings, List.of(), row("IBM", 1), row("SAP", 2)), 0);
            first = job.snapshot(1, 0);
            job.notifyOfCompletedCheckpoint(1);
            assertEquals(1, version());

            job.processElement(DataFiles.write(settings, List.of(), row("MSFT", 3)), 0);
            second = job.snapshot(2, 0);
            // fails before checkpoint 2's completion reaches it
        }
        try (OneInputStreamOperatorTestHarness<DeltaDataFile, Void> restored = harness(settings, first)) {
            assertEquals(1, version(), "checkpoint 1 was committed before the failure");
        }
        for (int restore = 0; restore < 2; restore++) {
            try (OneInputStreamOperatorTestHarness<DeltaDataFile, Void> restored = harness(settings, second)) {
                assertEquals(2, version(), "checkpoint 2 is committed on its first restore, and only then");
            }
        }
        assertEquals(List.of(row("IBM", 1), row("MSFT", 3), row("SAP", 2)), sortedRows());
    }

    @Test
    void aCheckpointCommittedAfterALaterSnapshotIsNotCommittedAgainWhenThatSnapshotIsRestored() throws Exception {
        DeltaSinkSettings settings = settings();
        OperatorSubtaskState fifth;
        try (OneInputStreamOperatorTestHarness<DeltaDataFile, Void> job = harness(settings, null)) {
            job.processElement(DataFiles.write(settings, List.of(), row("IBM", 1)), 0);
            job.snapshot(4, 0);
            job.processElement(DataFiles.write(settings, List.of(), row("SAP", 2)), 0);
            fifth = job.snapshot(5, 0); // still holds checkpoint 4's file
            job.notifyOfCompletedCheckpoint(4);
            assertEquals(1, version());
        }
        try (OneInputStreamOperatorTestHarness<DeltaDataFile, Void> restored = harness(settings, fifth)) {
            assertEquals(2, version());
        }
        assertEquals(List.of(row("IBM", 1), row("SAP", 2)), sortedRows());
    }

    @Test
    void checkpointsWithoutFilesCommitNothingAndALostCompletionIsMadeUpByTheNext() throws Exception {
        DeltaSinkSettings settings = settings();
        try (OneInputStreamOperatorTestHarness<DeltaDataFile, Void> job = harness(settings, null)) {
            job.snapshot(1, 0);
            job.notifyOfCompletedCheckpoint(1);
            assertEquals(0, version());
            job.processElement(DataFiles.write(settings, List.of(), row("IBM", 1)), 0);
            job.snapshot(2, 0); // its completion is never notified
            job.processElement(DataFiles.write(settings, List.of(), row("SAP", 2)), 0);
            job.snapshot(3, 0);
            job.notifyOfCompletedCheckpoint(3);
            assertEquals(2, version(), "checkpoint 2, then checkpoint 3, each in its own transaction");
        }
        assertEquals(OptionalLong.of(3), committer(settings).lastTransactionVersion());
        assertEquals(List.of(row("IBM", 1)), DeltaRows.atVersion(table(), 1));
    }

    @Test
    void aJobStartedAfreshContinuesAfterTheAppsLastTransactionVersion() throws Exception {
        DeltaSinkSettings settings = settings();
        try (OneInputStreamOperatorTestHarness<DeltaDataFile, Void> job = harness(settings, null)) {
            job.processElement(DataFiles.write(settings, List.of(), row("IBM", 1)), 0);
            job.snapshot(5, 0);
            job.notifyOfCompletedCheckpoint(5);
        }
        // a new job of the same app, not restored: its checkpoint ids start again at 1
        try (OneInputStreamOperatorTestHarness<DeltaDataFile, Void> job = harness(settings, null)) {
            job.processElement(DataFiles.write(settings, List.of(), row("SAP", 2)), 0);
            job.snapshot(1, 0);
            job.notifyOfCompletedCheckpoint(1);
        }
        assertEquals(2, version());
        assertEquals(OptionalLong.of(6), committer(settings).lastTransactionVersion());
        assertEquals(List.of(row("IBM", 1), row("SAP", 2)), sortedRows());
    }

    private static OneInputStreamOperatorTestHarness<DeltaDataFile, Void> harness(DeltaSinkSettings settings,
            OperatorSubtaskState restoreFrom) throws Exception {
        OneInputStreamOperatorTestHarness<DeltaDataFile, Void> harness =
                new OneInputStreamOperatorTestHarness<>(new DeltaCommitOperator(settings, true));
        harness.setup();
        if (restoreFrom != null) {
            harness.initializeState(restoreFrom);
        }
        harness.open();
        return harness;
    }

    /** The table's rows in a fixed order, each as often as the table has it. */
    private List<List<Object>> sortedRows() {
        List<List<Object>> rows = new ArrayList<>(DeltaRows.latest(table()));
        rows.sort(Comparator.comparing(Object::toString));
        return rows;
    }

    private long version() {
        return DeltaRows.version(table());
    }

    private String table() {
        return dir.resolve("fills").toString();
    }

    private DeltaSinkSettings settings() {
        return new DeltaSinkSettings(table(), Map.of(), FILLS, List.of(), "Fills-siddhi-sink-Fills-0");
    }

    private static DeltaTableCommitter committer(DeltaSinkSettings settings) {
        return new DeltaTableCommitter(DeltaEngines.create(Map.of()), settings);
    }

    private static List<Object> row(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }
}
