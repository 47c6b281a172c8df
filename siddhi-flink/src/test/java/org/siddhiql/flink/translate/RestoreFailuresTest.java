package org.siddhiql.flink.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.apache.flink.runtime.client.JobInitializationException;
import org.apache.flink.util.SerializedThrowable;
import org.junit.jupiter.api.Test;

class RestoreFailuresTest {
    @Test
    void anOperatorMissingFromTheEditedAppIsExplained() {
        // Flink's words, from Checkpoints#throwNonRestoredStateException, as a failed job's cause
        Exception failure = new JobInitializationException(null, "Could not start the JobMaster.",
                new IllegalStateException("Failed to rollback to checkpoint/savepoint file:/sp/savepoint-1. Cannot "
                        + "map checkpoint/savepoint state for operator 6cdc5bb954874d922eaee11a8e7ca5e5 to the new "
                        + "program, because the operator is not available in the new program. If you want to allow "
                        + "to skip this, you can set the --allowNonRestoredState option on the CLI."));
        assertEquals(Optional.of("the savepoint holds state of an operator this app no longer has (operator id "
                + "6cdc5bb954874d922eaee11a8e7ca5e5): a query that ran in an operator of its own, or a partition, "
                + "was removed or renamed (unnamed queries are named by their position). Rerun with "
                + "--allow-non-restored-state to drop that state, or undo the edit"), RestoreFailures.explain(failure));
    }

    @Test
    void otherFailuresAreNotAppEdits() {
        assertEquals(Optional.empty(), RestoreFailures.explain(new RuntimeException("job failed",
                new SerializedThrowable(new IllegalArgumentException("division by zero")))));
    }
}
