package org.siddhiql.lakehouse.delta;

import io.delta.kernel.Table;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.CheckpointAlreadyExistsException;
import io.delta.kernel.internal.fs.Path;
import io.delta.kernel.internal.util.FileNames;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.siddhiql.lakehouse.Expiry;
import org.siddhiql.lakehouse.TableVersion;

/**
 * Makes the versions of a Delta table committed before a cut-off unreadable and deletes the data files only they
 * used: Delta's log cleanup and VACUUM, which Kernel 4.4 does not offer as such, done with what it does offer. The
 * version current at the cut-off becomes the oldest one: Kernel writes a checkpoint of it, so that it no longer needs
 * the commits before it, whose log files are then deleted, then the data files that were removed up to it and that it
 * does not use. It is held back to the last version each writer committed (its {@code txn} actions' app id): a
 * running Delta sink's restore from its checkpoint and next commit keep their base. The latest version is never
 * expired.
 */
final class DeltaExpiry {
    private final Engine engine;
    private final Table table;
    private final DeltaTable delta;

    DeltaExpiry(DeltaTable delta, Table table) {
        this.delta = delta;
        this.engine = delta.engine();
        this.table = table;
    }

    Expiry run(Instant olderThan) {
        String path = delta.path();
        DeltaLog log = new DeltaLog(engine, path);
        long latest = delta.latestVersion();
        long earliest = log.earliestVersion();
        long current = -1; // the version current at the cut-off
        for (TableVersion version : log.versions(earliest, latest)) {
            if (!version.committedAt().isAfter(olderThan)) {
                current = version.id();
            }
        }
        long oldest = current;
        for (long lastCommitted : log.lastVersionByWriter(earliest, latest).values()) {
            oldest = Math.min(oldest, lastCommitted);
        }
        List<Long> expired = new ArrayList<>();
        List<Long> keptForJobs = new ArrayList<>();
        for (long version = earliest; version < current; version++) {
            (version < oldest ? expired : keptForJobs).add(version);
        }
        if (expired.isEmpty()) {
            return new Expiry(expired, keptForJobs);
        }
        try {
            table.checkpoint(engine, oldest);
        } catch (CheckpointAlreadyExistsException e) {
            // the oldest kept version already stands on its own
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a checkpoint of " + path + " version " + oldest, e);
        }
        Set<String> unused = new HashSet<>(log.removedDataFiles(earliest, oldest));
        DeltaScanFiles.of(engine, delta.snapshot(oldest)).files()
                .forEach(file -> unused.remove(DeltaFileRows.path(file)));
        deleteLogBefore(log, oldest);
        for (String file : unused) {
            delete(absolute(path, file));
        }
        return new Expiry(expired, keptForJobs);
    }

    /** Commit, checksum and checkpoint files of the versions before {@code oldest}. */
    private void deleteLogBefore(DeltaLog log, long oldest) {
        List<String> files = new ArrayList<>();
        try (CloseableIterator<FileStatus> listed = log.listLog()) {
            while (listed.hasNext()) {
                String file = listed.next().getPath();
                Long version = FileNames.isCommitFile(file) ? (Long) FileNames.deltaVersion(file)
                        : FileNames.isCheckpointFile(file) ? (Long) FileNames.checkpointVersion(file)
                        : FileNames.isChecksumFile(file) ? (Long) FileNames.checksumVersion(file)
                        : null;
                if (version != null && version < oldest) {
                    files.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the log of " + delta.path(), e);
        }
        files.forEach(this::delete);
    }

    /** A data file's path as the log records it (URI-encoded, relative to the table or absolute), resolved. */
    private static String absolute(String tablePath, String file) {
        try {
            return new Path(new Path(tablePath), new Path(new URI(file))).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the log of " + tablePath + " has data file path '" + file
                    + "', which is not a URI", e);
        }
    }

    private void delete(String file) {
        try {
            engine.getFileSystemClient().delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }
}
