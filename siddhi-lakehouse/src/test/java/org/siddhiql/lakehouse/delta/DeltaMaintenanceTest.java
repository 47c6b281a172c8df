package org.siddhiql.lakehouse.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.siddhiql.lakehouse.delta.KernelCommits.trade;

import io.delta.kernel.engine.Engine;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.lakehouse.AsOf;
import org.siddhiql.lakehouse.Compaction;
import org.siddhiql.lakehouse.Expiry;
import org.siddhiql.lakehouse.TableVersion;

/** Compaction of a Delta table's small files, and expiry of its old versions. */
class DeltaMaintenanceTest {
    @TempDir
    Path dir;

    @Test
    void compactionRewritesEachPartitionsSmallFilesIntoOneWithoutChangingRows() throws Exception {
        String path = dir.resolve("trades").toString();
        Engine engine = DeltaEngines.create(Map.of());
        KernelCommits.append(engine, path, "X", trade("IBM", 100.0, 10L));
        KernelCommits.append(engine, path, "X", trade("WSO2", 50.5, 20L));
        KernelCommits.append(engine, path, "Y", trade("IBM", 101.0, 5L));
        KernelCommits.append(engine, path, "X", trade("ORCL", 30.25, 7L), trade("SAP", 9.5, 3L));
        List<String> rows = List.of("IBM 100.0 10 X", "IBM 101.0 5 Y", "ORCL 30.25 7 X", "SAP 9.5 3 X",
                "WSO2 50.5 20 X");

        try (DeltaTable table = DeltaTable.open(path, Map.of())) {
            Compaction compaction = table.compact();
            assertEquals(3, compaction.filesRewritten()); // venue X's three; venue Y has one file only
            assertEquals(1, compaction.filesWritten());
            TableVersion compacted = compaction.version();
            assertEquals(4, compacted.id());
            assertEquals("Manual Update", compacted.operation());
            assertEquals(rows, DeltaTimeTravelTest.rows(table, table.resolve(AsOf.latest())));
            assertEquals(2, DeltaScanFiles.of(engine, table.snapshot(4)).files().size());
            assertEquals(rows, DeltaTimeTravelTest.rows(table, table.resolve(AsOf.version(3))));
            // a streaming reader following the table finds no new rows in the compaction's commit
            assertEquals(Set.of(), new DeltaLog(engine, table.path()).addedDataFiles(4, 4));

            assertEquals(new Compaction(0, 0, null), table.compact());
        }
    }

    /**
     * Versions 0-1 by job-a and job-b, 2 by job-a, 3 a compaction of venue X, 4 by job-a (when {@code jobB}, else
     * all by job-a).
     */
    private String writeHistory(boolean jobB) throws Exception {
        String path = dir.resolve("trades").toString();
        Engine engine = DeltaEngines.create(Map.of());
        KernelCommits.append(engine, path, "job-a", 1, "X", trade("IBM", 100.0, 10L));
        KernelCommits.append(engine, path, jobB ? "job-b" : "job-a", jobB ? 1 : 2, "X", trade("WSO2", 50.5, 20L));
        KernelCommits.append(engine, path, "job-a", 3, "Y", trade("IBM", 101.0, 5L));
        try (DeltaTable table = DeltaTable.open(path, Map.of())) {
            assertEquals(2, table.compact().filesRewritten());
        }
        KernelCommits.append(engine, path, "job-a", 4, "X", trade("ORCL", 30.25, 7L));
        return path;
    }

    @Test
    void expiryDropsTheVersionsBeforeTheCutOffAndTheFilesOnlyTheyUsed() throws Exception {
        String path = writeHistory(false);
        List<String> rows = List.of("IBM 100.0 10 X", "IBM 101.0 5 Y", "ORCL 30.25 7 X", "WSO2 50.5 20 X");
        try (DeltaTable table = DeltaTable.open(path, Map.of())) {
            Set<Path> beforeCompaction = dataFiles(table, 2);
            Instant cutoff = table.history().get(4).committedAt();
            assertEquals(new Expiry(List.of(0L, 1L, 2L, 3L), List.of()), table.expire(cutoff));

            assertEquals(List.of(4L), table.history().stream().map(TableVersion::id).toList());
            assertEquals(rows, DeltaTimeTravelTest.rows(table, table.resolve(AsOf.latest())));
            IllegalArgumentException gone = assertThrows(IllegalArgumentException.class,
                    () -> table.resolve(AsOf.version(2)));
            assertEquals("delta:" + path + " has no version 2: its versions are 4 to 4", gone.getMessage());
            // venue X's two files were replaced by the compaction; venue Y's is still in use
            assertEquals(2, beforeCompaction.stream().filter(file -> !Files.exists(file)).count());
            assertEquals(1, beforeCompaction.stream().filter(Files::exists).count());
        }
    }

    @Test
    void expiryKeepsTheLastVersionEachWriterCommitted() throws Exception {
        String path = writeHistory(true);
        try (DeltaTable table = DeltaTable.open(path, Map.of())) {
            Instant cutoff = table.history().get(4).committedAt();
            // job-b committed version 1 last: a restart of it must still find its base
            assertEquals(new Expiry(List.of(0L), List.of(1L, 2L, 3L)), table.expire(cutoff));
            assertEquals(List.of(1L, 2L, 3L, 4L), table.history().stream().map(TableVersion::id).toList());
            assertEquals(List.of("IBM 100.0 10 X", "WSO2 50.5 20 X"),
                    DeltaTimeTravelTest.rows(table, table.resolve(AsOf.version(1))));
            assertEquals(new Expiry(List.of(), List.of(1L, 2L, 3L)), table.expire(cutoff));
        }
    }

    /** The data files of a version, on disk. */
    private static Set<Path> dataFiles(DeltaTable table, long version) {
        String root = URI.create(table.path()).getPath();
        return DeltaScanFiles.of(table.engine(), table.snapshot(version)).files().stream()
                .map(file -> Path.of(root, DeltaFileRows.path(file)))
                .collect(Collectors.toSet());
    }
}
