package org.siddhiql.lakehouse.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.siddhiql.lakehouse.delta.KernelCommits.trade;

import io.delta.kernel.engine.Engine;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.lakehouse.AsOf;
import org.siddhiql.lakehouse.Compaction;
import org.siddhiql.lakehouse.TableVersion;

/** Compaction of a Delta table's small files, and the refusal of version expiry. */
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

    @Test
    void expiryIsRefusedWithTheReason() throws Exception {
        String path = dir.resolve("trades").toString();
        KernelCommits.append(DeltaEngines.create(Map.of()), path, "X", trade("IBM", 100.0, 10L));
        try (DeltaTable table = DeltaTable.open(path, Map.of())) {
            Instant cutoff = Instant.parse("2026-11-27T00:00:00Z");
            UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
                    () -> table.expire(cutoff));
            assertEquals("expiry of Delta versions is not supported: Delta Kernel 4.4 can clean up log files only"
                    + " as a side effect of checkpoints and cannot vacuum data files, so the versions before"
                    + " 2026-11-27T00:00:00Z cannot be made unreadable with their files deleted",
                    refused.getMessage());
        }
    }
}
