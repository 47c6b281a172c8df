package org.siddhiql.job;

import java.net.URI;
import java.time.Duration;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.CheckpointingMode;

/**
 * The checkpointing of every live app, wherever it runs ({@code bin/siddhi run} with {@code @source}, {@code submit},
 * {@code flink run} of the job jar).
 *
 * <p>RocksDB keeps state off the heap and spills to disk, so a long-running app's windows and tables are not bounded by
 * memory; incremental checkpoints upload only new SST files, so a checkpoint's cost follows the change, not the
 * state's size. Checkpoints are exactly-once and retained on cancel, so a cancelled app resumes from its latest one as
 * from a savepoint.
 */
public final class Checkpointing {
    /** Time between checkpoints when the user gives none. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(10);

    private Checkpointing() {
    }

    /**
     * The settings, into {@code <directory>/<job id>/chk-<n>}; a null directory leaves it to the cluster's
     * {@code execution.checkpointing.dir}.
     */
    public static Configuration configuration(Duration interval, URI directory) {
        Configuration config = new Configuration();
        config.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        config.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        config.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, interval);
        config.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        config.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION,
                ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        if (directory != null) {
            config.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
            config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory.toString());
        }
        return config;
    }
}
