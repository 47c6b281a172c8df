package org.siddhiql.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.lakehouse.LakehouseTable;
import org.siddhiql.lakehouse.LakehouseTables;
import org.siddhiql.lakehouse.TableAddress;
import org.siddhiql.lakehouse.TableVersion;

/** {@code bin/siddhi table history} and {@code table query} on an Iceberg table of three commits, and a Delta history. */
class TableCommandTest {
    @TempDir
    Path warehouse;

    private List<Snapshot> snapshots;
    private String location;

    @BeforeEach
    void land() throws Exception {
        snapshots = TradesTable.land(warehouse);
        location = "warehouse=" + warehouse;
    }

    @Test
    void historyListsEveryCommitOldestFirst() {
        CliCall call = CliCall.of("table", "history", "iceberg:db.trades", "--option", location);
        assertEquals(0, call.exitCode(), call.err());
        assertEquals(historyLine(0, 2, 2, 1) + historyLine(1, 1, 3, 2) + historyLine(2, 2, 5, 3), call.out());
    }

    @Test
    void deltaHistoryListsEveryVersionOldestFirst() throws Exception {
        Path root = warehouse.resolve("delta");
        DeltaEventTables tables = new DeltaEventTables(root, new AppCompiler().compile(
                "define stream Trades (symbol string, price double, volume long, ts long);"));
        List<JsonNode> events = EventTables.read(Path.of("src/test/resources/replay/group-by-having/events.jsonl"));
        tables.commit(events.subList(0, 3));
        tables.commit(events.subList(3, 5));
        String address = DeltaEventTables.address(root, "Trades");
        CliCall call = CliCall.of("table", "history", address);
        assertEquals(0, call.exitCode(), call.err());
        List<TableVersion> versions;
        try (LakehouseTable table = LakehouseTables.open(TableAddress.parse(address), Map.of())) {
            versions = table.history(); // commit times: DeltaTimeTravelTest reads the table at each
        }
        assertEquals("0 " + versions.get(0).committedAt() + " CREATE TABLE engineInfo=Kernel-4.4.0/siddhiql-tests"
                + " isBlindAppend=false operationParameters.partitionBy=[]\n"
                + "1 " + versions.get(1).committedAt() + " WRITE engineInfo=Kernel-4.4.0/siddhiql-tests"
                + " isBlindAppend=false\n", call.out());
    }

    @Test
    void historyUpToAVersion() {
        CliCall call = CliCall.of("table", "history", "iceberg:db.trades@" + snapshots.get(1).snapshotId(),
                "--option", location);
        assertEquals(historyLine(0, 2, 2, 1) + historyLine(1, 1, 3, 2), call.out());
    }

    @Test
    void queriesTheLatestVersion() {
        CliCall call = CliCall.of("table", "query", "iceberg:db.trades",
                "from trades on price > 50.0 select symbol, sum(volume) as total group by symbol order by symbol",
                "--option", location);
        assertEquals(0, call.exitCode(), call.err());
        long ts = snapshots.get(2).timestampMillis();
        assertEquals("{\"ts\":" + ts + ",\"data\":[\"IBM\",150]}\n"
                + "{\"ts\":" + ts + ",\"data\":[\"WSO2\",30]}\n", call.out());
    }

    @Test
    void queriesAnOlderVersionByIdOrInstantUnderAnotherName() {
        Snapshot first = snapshots.get(0);
        String expected = "{\"ts\":" + first.timestampMillis() + ",\"data\":[2,110]}\n";
        for (String asOf : List.of(Long.toString(first.snapshotId()),
                Instant.ofEpochMilli(first.timestampMillis()).toString())) {
            CliCall call = CliCall.of("table", "query", "iceberg:db.trades",
                    "from T select count() as trades, sum(volume) as volume", "--as", "T", "--as-of", asOf,
                    "--option", location);
            assertEquals(expected, call.out(), call.err());
        }
    }

    @Test
    void anUnknownVersionIsOneErrorLine() {
        CliCall call = CliCall.of("table", "query", "iceberg:db.trades", "from trades select symbol", "--as-of", "42",
                "--option", location);
        assertEquals(1, call.exitCode());
        assertEquals("error: iceberg:db.trades has no snapshot 42\n", call.err());
        assertEquals("", call.out());
    }

    @Test
    void aQueryErrorHasItsPosition() {
        CliCall call = CliCall.of("table", "query", "iceberg:db.trades", "from trades select venue",
                "--option", location);
        assertEquals(1, call.exitCode());
        assertEquals(1, call.err().lines().count(), call.err());
    }

    @Test
    void compactsTheSmallFilesOfTheLatestVersion() throws Exception {
        CliCall call = CliCall.of("table", "compact", "iceberg:db.trades", "--option", location);
        assertEquals(0, call.exitCode(), call.err());
        Snapshot compacted = TradesTable.snapshots(warehouse).get(3);
        assertEquals("rewrote 3 data files into 1: version " + compacted.snapshotId() + "\n", call.out());
        CliCall query = CliCall.of("table", "query", "iceberg:db.trades", "from trades select count() as trades",
                "--as-of", Long.toString(compacted.snapshotId()), "--option", location);
        assertEquals("{\"ts\":" + compacted.timestampMillis() + ",\"data\":[5]}\n", query.out());
    }

    @Test
    void expiresTheVersionsBeforeAnInstantButTheLatest() {
        String after = Instant.ofEpochMilli(snapshots.get(2).timestampMillis() + 1).toString();
        CliCall call = CliCall.of("table", "expire", "iceberg:db.trades", "--older-than", after, "--option", location);
        assertEquals(0, call.exitCode(), call.err());
        assertEquals("expired 2 versions: " + snapshots.get(0).snapshotId() + " " + snapshots.get(1).snapshotId()
                + "\n", call.out());
        CliCall history = CliCall.of("table", "history", "iceberg:db.trades", "--option", location);
        assertEquals(historyLine(2, 2, 5, 3), history.out());
    }

    private String historyLine(int index, int added, int total, int files) {
        Snapshot snapshot = snapshots.get(index);
        return snapshot.snapshotId() + " " + Instant.ofEpochMilli(snapshot.timestampMillis()) + " append"
                + " added-records=" + added + " total-records=" + total + " added-data-files=1"
                + " total-data-files=" + files + "\n";
    }
}
