package org.siddhiql.lakehouse.delta;

import io.delta.kernel.CommitActions;
import io.delta.kernel.CommitRange;
import io.delta.kernel.CommitRangeBuilder.CommitBoundary;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.internal.DeltaLogActionUtils.DeltaAction;
import io.delta.kernel.internal.actions.CommitInfo;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siddhiql.lakehouse.TableVersion;

/**
 * What a Delta table's log says about its commits, read through Kernel's commit ranges: each version's commit time and
 * commit info, and the data files a range of versions added. Only the versions whose commit files remain in
 * {@code _delta_log} can be listed; older ones were cleaned up after a checkpoint.
 */
final class DeltaLog {
    private static final String COMMIT_FILE = "\\d{20}\\.json";

    private final Engine engine;
    private final String tablePath;

    /** @param tablePath the table's fully qualified path, as its snapshots report it */
    DeltaLog(Engine engine, String tablePath) {
        this.engine = engine;
        this.tablePath = tablePath;
    }

    /** The oldest version whose commit file is still in the log. */
    long earliestVersion() {
        String logPath = tablePath.endsWith("/") ? tablePath + "_delta_log/" : tablePath + "/_delta_log/";
        try (CloseableIterator<FileStatus> files = engine.getFileSystemClient().listFrom(logPath + "0")) {
            while (files.hasNext()) {
                String path = files.next().getPath();
                String name = path.substring(path.lastIndexOf('/') + 1);
                if (name.matches(COMMIT_FILE)) {
                    return Long.parseLong(name.substring(0, 20));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the log of Delta table " + tablePath, e);
        }
        throw new IllegalArgumentException("Delta table " + tablePath + " has no commit files in its log");
    }

    /** Versions {@code from} to {@code to}, oldest first, each with its commit time and commit info. */
    List<TableVersion> versions(long from, long to) {
        List<TableVersion> versions = new ArrayList<>();
        try (CloseableIterator<CommitActions> commits = range(from, to)
                .getCommitActions(engine, Set.of(DeltaAction.COMMITINFO))) {
            while (commits.hasNext()) {
                try (CommitActions commit = commits.next()) {
                    versions.add(version(commit));
                }
            }
        } catch (Exception e) {
            throw failure(e);
        }
        return versions;
    }

    private static TableVersion version(CommitActions commit) throws IOException {
        CommitInfo info = null;
        try (CloseableIterator<ColumnarBatch> batches = commit.getActions()) {
            while (batches.hasNext()) {
                ColumnarBatch batch = batches.next();
                ColumnVector column = batch.getColumnVector(batch.getSchema().indexOf("commitInfo"));
                for (int row = 0; row < batch.getSize() && info == null; row++) {
                    info = CommitInfo.fromColumnVector(column, row);
                }
            }
        }
        Map<String, String> summary = new HashMap<>();
        String operation = "unknown";
        if (info != null) {
            operation = info.getOperation().orElse(operation);
            info.getEngineInfo().ifPresent(engineInfo -> summary.put("engineInfo", engineInfo));
            info.getIsBlindAppend().ifPresent(blind -> summary.put("isBlindAppend", blind.toString()));
            info.getOperationParameters().forEach((key, value) -> summary.put("operationParameters." + key, value));
            info.getOperationMetrics().forEach((key, value) -> summary.put("operationMetrics." + key, value));
        }
        return new TableVersion(commit.getVersion(), Instant.ofEpochMilli(commit.getTimestamp()), operation,
                summary);
    }

    /**
     * The paths of the data files versions {@code from} to {@code to} added with new rows, as the log records them
     * (relative to the table or absolute). Files a compaction wrote ({@code dataChange} false) hold rows already
     * there and are left out.
     */
    Set<String> addedDataFiles(long from, long to) {
        Set<String> paths = new HashSet<>();
        try (CloseableIterator<CommitActions> commits = range(from, to)
                .getCommitActions(engine, Set.of(DeltaAction.ADD))) {
            while (commits.hasNext()) {
                try (CommitActions commit = commits.next();
                        CloseableIterator<ColumnarBatch> batches = commit.getActions()) {
                    while (batches.hasNext()) {
                        ColumnarBatch batch = batches.next();
                        ColumnVector add = batch.getColumnVector(batch.getSchema().indexOf("add"));
                        ColumnVector path = add.getChild(DeltaAction.ADD.schema.indexOf("path"));
                        ColumnVector dataChange = add.getChild(DeltaAction.ADD.schema.indexOf("dataChange"));
                        for (int row = 0; row < batch.getSize(); row++) {
                            if (!add.isNullAt(row) && dataChange.getBoolean(row)) {
                                paths.add(path.getString(row));
                            }
                        }
                    }
                }
            }
        } catch (Exception e) {
            throw failure(e);
        }
        return paths;
    }

    private CommitRange range(long from, long to) {
        return TableManager.loadCommitRange(tablePath, CommitBoundary.atVersion(from))
                .withEndBoundary(CommitBoundary.atVersion(to))
                .build(engine);
    }

    private RuntimeException failure(Exception e) {
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        return new UncheckedIOException("cannot read the log of Delta table " + tablePath,
                e instanceof IOException io ? io : new IOException(e));
    }
}
