package org.siddhiql.exactlyonce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.siddhiql.lakehouse.AsOf;
import org.siddhiql.lakehouse.iceberg.IcebergCatalogs;
import org.siddhiql.lakehouse.iceberg.IcebergTable;

/**
 * The Iceberg tables {@code sensor-lake.siddhi} writes into one warehouse: how many rows each holds (from its current
 * snapshot's summary, through one catalog: cheap enough to poll beside a job on a small machine) and, once the run is
 * complete, their rows.
 */
final class LakeTables implements AutoCloseable {
    static final List<String> TABLES = List.of("lake.readings", "lake.stats", "lake.rises");

    private final Map<String, String> options;
    private final Catalog catalog;

    LakeTables(Path warehouse) {
        this.options = Map.of("warehouse", warehouse.toString());
        this.catalog = IcebergCatalogs.loader(options).loadCatalog();
    }

    /** Committed rows per table; 0 for a table not created or committed to yet. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String name : TABLES) {
            counts.put(name, count(name));
        }
        return counts;
    }

    long total() {
        return counts().values().stream().mapToLong(Long::longValue).sum();
    }

    private long count(String name) {
        TableIdentifier identifier = TableIdentifier.parse(name);
        if (!catalog.tableExists(identifier)) {
            return 0;
        }
        Snapshot current = catalog.loadTable(identifier).currentSnapshot();
        return current == null ? 0 : Long.parseLong(current.summary().get("total-records"));
    }

    /**
     * Waits until {@code lake.readings} holds all {@code events} readings and then no table has changed for three
     * seconds (three checkpoint intervals): each sink has committed everything its writers had.
     */
    Map<String, Long> awaitComplete(int events, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Long> counts = counts();
        long stableSince = System.nanoTime();
        while (counts.get("lake.readings") < events || System.nanoTime() - stableSince < 3_000_000_000L) {
            assertTrue(System.nanoTime() < deadline, "the tables did not complete: " + counts);
            Thread.sleep(200);
            Map<String, Long> now = counts();
            if (!now.equals(counts)) {
                counts = now;
                stableSince = System.nanoTime();
            }
        }
        assertEquals(events, counts.get("lake.readings"), "readings landed, over " + events + " produced");
        return counts;
    }

    /** Each table's rows as sorted text: a multiset that compares without regard to commit order. */
    Map<String, List<String>> rows() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (String name : TABLES) {
            try (IcebergTable table = IcebergTable.open(name, options);
                    Stream<Object[]> read = table.rows(table.resolve(AsOf.latest()))) {
                rows.put(name, read.map(Arrays::toString).sorted().collect(Collectors.toList()));
            }
        }
        return rows;
    }

    @Override
    public void close() throws IOException {
        if (catalog instanceof Closeable closeable) {
            closeable.close();
        }
    }
}
