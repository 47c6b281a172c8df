package org.siddhiql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/siddhi run --savepoint} stops the job once every event went through, and {@code bin/siddhi query} reads
 * a table or an aggregation out of that savepoint with the State Processor API and answers on-demand queries over it.
 */
class SavepointQueryITCase {
    private static final String APP = "@app:name('inventory')\n"
            + "define stream Stock (item string, warehouse string, qty int, price double);\n"
            + "@primaryKey('item')\n"
            + "define table Items (item string, warehouse string, qty int, price double);\n"
            + "@purge(enable='false')\n"
            + "define aggregation Stocked from Stock select warehouse, sum(qty) as total, count() as n\n"
            + "group by warehouse aggregate every sec ... min;\n"
            + "from Stock[qty > 0] select item, warehouse, qty, price insert into Items;\n"
            + "from Stock#window.time(1 sec) select item insert expired events into Expired;\n";
    private static final String EVENTS = String.join("\n",
            "{\"stream\":\"Stock\",\"ts\":1000,\"data\":[\"apple\",\"north\",10,0.5]}",
            "{\"stream\":\"Stock\",\"ts\":1100,\"data\":[\"pear\",\"south\",0,0.8]}",
            "{\"stream\":\"Stock\",\"ts\":1200,\"data\":[\"plum\",\"north\",25,1.25]}",
            "{\"stream\":\"Stock\",\"ts\":1300,\"data\":[\"apple\",\"south\",99,9.5]}",
            "{\"stream\":\"Stock\",\"ts\":1400,\"data\":[\"kiwi\",\"south\",8,0.25]}",
            "{\"stream\":\"Stock\",\"ts\":1500,\"data\":[\"fig\",\"east\",3,2.5]}") + "\n";

    @TempDir
    static Path dir;
    static Path app;
    static Path savepoint;

    @BeforeAll
    static void runToASavepoint() throws IOException {
        app = Files.writeString(dir.resolve("inventory.siddhi"), APP, StandardCharsets.UTF_8);
        Path events = Files.writeString(dir.resolve("events.jsonl"), EVENTS, StandardCharsets.UTF_8);
        CliRun run = CliRun.of("run", app.toString(), "--events", events.toString(), "--out", dir.resolve("out").toString(),
                "--parallelism", "2", "--savepoint", dir.resolve("savepoints").toString());
        assertEquals(0, run.exitCode(), run.err());
        savepoint = Path.of(run.out().strip());
        assertTrue(savepoint.startsWith(dir.resolve("savepoints")), savepoint.toString());
        assertTrue(Files.isRegularFile(savepoint.resolve("_metadata")), "a savepoint: " + savepoint);
    }

    @Test
    void theJobStopsWithoutTheEndOfInputSoPendingTimersDoNotFire() throws IOException {
        // The time window's expiries are due at 2000 and later: after the last event, so they never fire.
        assertEquals("", Files.readString(dir.resolve("out").resolve("Expired.jsonl")));
    }

    @Test
    void filtersAndProjectsTheTableRows() {
        assertEquals(List.of("{\"ts\":1200,\"data\":[\"plum\",31.25]}", "{\"ts\":1000,\"data\":[\"apple\",5.0]}",
                "{\"ts\":1400,\"data\":[\"kiwi\",2.0]}"),
                query("from Items on qty > 5 select item, qty * price as value order by value desc"));
    }

    @Test
    void aggregatesPerGroupAndOverall() {
        assertEquals(List.of("{\"ts\":1000,\"data\":[\"north\",2,35]}", "{\"ts\":1400,\"data\":[\"south\",1,8]}",
                "{\"ts\":1500,\"data\":[\"east\",1,3]}"),
                query("from Items select warehouse, count() as n, sum(qty) as q group by warehouse"));
        assertEquals(List.of("{\"ts\":1500,\"data\":[4,46,0.25,2.5]}"),
                query("from Items select count() as n, sum(qty) as q, min(price) as low, max(price) as high"));
        assertEquals(List.of("{\"ts\":1200,\"data\":[\"plum\"]}"),
                query("from Items on warehouse == 'north' select item order by item desc limit 1"));
    }

    @Test
    void readsAnAggregationsRunningBucketWithinARangePerDuration() {
        // Every event is in second 1, whose bucket is still running. Rows carry no time (ts -1), as in siddhi-core.
        assertEquals(List.of("{\"ts\":-1,\"data\":[1000,\"east\",3,1]}",
                "{\"ts\":-1,\"data\":[1000,\"north\",35,2]}", "{\"ts\":-1,\"data\":[1000,\"south\",107,3]}"),
                query("from Stocked within 0L, 60000L per 'seconds' select AGG_TIMESTAMP, warehouse, total, n "
                        + "order by warehouse"));
        assertEquals(List.of("{\"ts\":-1,\"data\":[\"south\",107]}"),
                query("from Stocked on total > 50L within '1970-01-01 00:**:**' per 'minutes' "
                        + "select warehouse, total"));
    }

    @Test
    void aQueryThatIsNotOnATableIsRefusedWithItsPosition() {
        CliRun result = CliRun.of("query", app.toString(), "--state", savepoint.toString(), "from Stock select item");
        assertEquals(1, result.exitCode());
        assertEquals("QUERY:1:6: 'Stock' is not a table or an aggregation of the app; on-demand queries read tables "
                + "and aggregations",
                result.errLine());
    }

    private static List<String> query(String onDemandQuery) {
        CliRun result = CliRun.of("query", app.toString(), "--state", savepoint.toString(), onDemandQuery);
        assertEquals(0, result.exitCode(), result.err());
        return result.out().lines().toList();
    }
}
