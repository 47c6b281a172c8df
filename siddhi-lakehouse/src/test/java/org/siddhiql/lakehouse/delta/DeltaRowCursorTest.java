package org.siddhiql.lakehouse.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.siddhiql.lakehouse.delta.KernelCommits.trade;

import io.delta.kernel.Table;
import io.delta.kernel.engine.Engine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The position a Delta source checkpoints, and resuming from it. */
class DeltaRowCursorTest {
    @TempDir
    Path dir;

    @Test
    void resumesAtTheRowAfterTheLastOneReturned() throws Exception {
        String path = dir.resolve("trades").toString();
        Engine engine = DeltaEngines.create(Map.of());
        KernelCommits.append(engine, path, "X", trade("IBM", 100.0, 10L), trade("WSO2", 50.5, 20L));
        KernelCommits.append(engine, path, "X", trade("ORCL", 30.25, 7L));
        DeltaScanFiles files = DeltaScanFiles.of(engine, Table.forPath(engine, path).getLatestSnapshot(engine));

        List<String> all = new ArrayList<>();
        List<String> positions = new ArrayList<>();
        try (DeltaRowCursor cursor = new DeltaRowCursor(engine, files, 0, 0)) {
            while (cursor.hasNext()) {
                all.add(text(cursor.next()));
                positions.add(cursor.file() + ":" + cursor.rowsReturned());
            }
            positions.add(cursor.file() + ":" + cursor.rowsReturned());
        }
        assertEquals(List.of("IBM 100.0 10 X", "ORCL 30.25 7 X", "WSO2 50.5 20 X"), all.stream().sorted().toList());
        assertEquals(2, files.files().size());
        assertEquals("2:0", positions.get(3)); // past the last file

        for (int i = 0; i < 3; i++) {
            String[] at = positions.get(i).split(":");
            try (DeltaRowCursor resumed = new DeltaRowCursor(engine, files, Integer.parseInt(at[0]),
                    Long.parseLong(at[1]))) {
                List<String> rest = new ArrayList<>();
                resumed.forEachRemaining(row -> rest.add(text(row)));
                assertEquals(all.subList(i + 1, 3), rest, "resumed at " + positions.get(i));
            }
        }
    }

    private static String text(Object[] row) {
        return Arrays.stream(row).map(String::valueOf).collect(Collectors.joining(" "));
    }
}
