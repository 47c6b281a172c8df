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
import io.delta.kernel.internal.fs.Path;
import io.delta.kernel.internal.util.FileNames;
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
 * What a Delta table's log says about its commits, read through Kernel's commit ranges rather than by parsing its
 * JSON: each version's commit time and commit info, the data files a range of versions added or removed, and the
 * last version each identified writer committed. Only the versions whose commit files remain in {@code _delta_log}
 * can be listed; older ones were cleaned up after a checkpoint.
 */
final class DeltaLog {
    private final Engine engine;
    private final String tablePath;

    /** @param tablePath the table's fully qualified path, as its snapshots report it */
    DeltaLog(Engine engine, String tablePath) {
        this.engine = engine;
        this.tablePath = tablePath;
    }

    /** The oldest version whose commit file is still in the log. */
    long earliestVersion() {
        try (CloseableIterator<FileStatus> files = listLog()) {
            while (files.hasNext()) {
                String path = files.next().getPath();
                if (FileNames.isCommitFile(path)) {
                    return FileNames.deltaVersion(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the log of Delta table " + tablePath, e);
        }
        throw new IllegalArgumentException("Delta table " + tablePath + " has no commit files in its log");
    }

    /** The files of {@code _delta_log}, in the order of their names: by version. */
    CloseableIterator<FileStatus> listLog() throws IOException {
        return engine.getFileSystemClient().listFrom(new Path(new Path(tablePath), "_delta_log/0").toString());
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
                ColumnVector column = batch.getColumnVector(batch.getSchema().indexOf(DeltaAction.COMMITINFO.colName));
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
        forEach(DeltaAction.ADD, from, to, (version, add, row) -> {
            if (add.getChild(DeltaAction.ADD.schema.indexOf("dataChange")).getBoolean(row)) {
                paths.add(add.getChild(DeltaAction.ADD.schema.indexOf("path")).getString(row));
            }
        });
        return paths;
    }

    /** The paths of the data files versions {@code from} to {@code to} removed, as the log records them. */
    Set<String> removedDataFiles(long from, long to) {
        Set<String> paths = new HashSet<>();
        forEach(DeltaAction.REMOVE, from, to, (version, remove, row) ->
                paths.add(remove.getChild(DeltaAction.REMOVE.schema.indexOf("path")).getString(row)));
        return paths;
    }

    /**
     * For each writer that identified its commits with a transaction id ({@code txn} actions: the Delta sink's app
     * id) in versions {@code from} to {@code to}, the last version it committed.
     */
    Map<String, Long> lastVersionByWriter(long from, long to) {
        Map<String, Long> versions = new HashMap<>();
        forEach(DeltaAction.TXN, from, to, (version, txn, row) ->
                versions.merge(txn.getChild(DeltaAction.TXN.schema.indexOf("appId")).getString(row), version,
                        Math::max));
        return versions;
    }

    /** Receives one action of a commit: its struct column and the row it is at. */
    private interface ActionVisitor {
        void visit(long version, ColumnVector action, int row);
    }

    private void forEach(DeltaAction type, long from, long to, ActionVisitor visitor) {
        try (CloseableIterator<CommitActions> commits = range(from, to).getCommitActions(engine, Set.of(type))) {
            while (commits.hasNext()) {
                try (CommitActions commit = commits.next();
                        CloseableIterator<ColumnarBatch> batches = commit.getActions()) {
                    while (batches.hasNext()) {
                        ColumnarBatch batch = batches.next();
                        ColumnVector actions = batch.getColumnVector(batch.getSchema().indexOf(type.colName));
                        for (int row = 0; row < batch.getSize(); row++) {
                            if (!actions.isNullAt(row)) {
                                visitor.visit(commit.getVersion(), actions, row);
                            }
                        }
                    }
                }
            }
        } catch (Exception e) {
            throw failure(e);
        }
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
