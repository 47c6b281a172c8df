package org.siddhiql.lakehouse.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;

class DeltaTableCommitterTest {
    private static final StreamSchema TRADES = new StreamSchema("Trades", List.of("symbol", "venue", "price", "qty"),
            List.of(AttributeType.STRING, AttributeType.STRING, AttributeType.DOUBLE, AttributeType.INT));

    @TempDir
    Path dir;

    @Test
    void aTransactionVersionIsCommittedOnce() throws IOException {
        DeltaSinkSettings settings = settings(List.of());
        DeltaTableCommitter committer = committer(settings);
        committer.createOrCheckTable();
        assertEquals(0, DeltaRows.version(table()));
        assertEquals(OptionalLong.empty(), committer.lastTransactionVersion());

        List<DeltaDataFile> checkpoint7 = List.of(
                write(settings, List.of(), row("IBM", "XNYS", 101.5, 10), row("SAP", "XETR", 99.0, null)),
                write(settings, List.of(), row("IBM", null, 102.25, 5)));
        assertEquals(OptionalLong.of(1), committer.commit(7, checkpoint7));
        List<JsonNode> actions = logEntry(1);
        assertEquals("{\"appId\":\"TradesApp-siddhi-sink-Trades-0\",\"version\":7}",
                ((ObjectNode) actions.get(1).get("txn")).without("lastUpdated").toString());
        assertEquals("{\"numRecords\":2,\"minValues\":{\"symbol\":\"IBM\",\"venue\":\"XETR\",\"price\":99.0,"
                + "\"qty\":10},\"maxValues\":{\"symbol\":\"SAP\",\"venue\":\"XNYS\",\"price\":101.5,\"qty\":10},"
                + "\"nullCount\":{\"symbol\":0,\"venue\":0,\"price\":0,\"qty\":1}}",
                actions.get(2).get("add").get("stats").asText());
        assertEquals(OptionalLong.empty(), committer.commit(7, checkpoint7), "committed again after a restart");
        assertEquals(OptionalLong.empty(), committer.commit(6, checkpoint7), "an older one");
        assertEquals(1, DeltaRows.version(table()));
        assertEquals(OptionalLong.of(7), committer.lastTransactionVersion());

        assertEquals(OptionalLong.of(2), committer.commit(8, List.of(write(settings, List.of(),
                row("MSFT", "XNAS", 400.0, 1)))));
        assertEquals(Set.of(row("IBM", "XNYS", 101.5, 10), row("SAP", "XETR", 99.0, null),
                row("IBM", null, 102.25, 5), row("MSFT", "XNAS", 400.0, 1)), Set.copyOf(DeltaRows.latest(table())));
        assertEquals(Set.of(row("IBM", "XNYS", 101.5, 10), row("SAP", "XETR", 99.0, null),
                row("IBM", null, 102.25, 5)), Set.copyOf(DeltaRows.atVersion(table(), 1)));
    }

    @Test
    void partitionedFilesGoToTheirPartitionsDirectoryAndValues() throws IOException {
        DeltaSinkSettings settings = settings(List.of("venue", "qty"));
        DeltaTableCommitter committer = committer(settings);
        committer.createOrCheckTable();
        DeltaDataFile nyse = write(settings, List.of("XNYS", "10"), row("IBM", "XNYS", 101.5, 10));
        DeltaDataFile unknown = write(settings, Arrays.asList(null, "5"), row("IBM", null, 102.25, 5),
                row("SAP", null, 1.0, 5));
        assertTrue(nyse.path().endsWith(".parquet") && nyse.path().contains("/venue=XNYS/qty=10/part-00000-"),
                nyse.path());
        assertTrue(unknown.path().contains("/venue=__HIVE_DEFAULT_PARTITION__/qty=5/"), unknown.path());

        assertEquals(OptionalLong.of(1), committer.commit(1, List.of(nyse, unknown)));
        assertEquals(new HashSet<>(List.of(row("IBM", "XNYS", 101.5, 10), row("IBM", null, 102.25, 5),
                row("SAP", null, 1.0, 5))), new HashSet<>(DeltaRows.latest(table())));
    }

    @Test
    void aTableOfOtherColumnsOrPartitionsIsRefused() {
        committer(settings(List.of("venue"))).createOrCheckTable();
        StreamSchema renamed = new StreamSchema("Trades", List.of("symbol", "venue", "price", "quantity"),
                TRADES.attributeTypes());
        DeltaSinkSettings otherColumns = new DeltaSinkSettings(table(), Map.of(), renamed, List.of("venue"), "app");
        assertEquals("the Delta table at '" + table() + "' has columns [symbol string, venue string, price double,"
                + " qty integer], but stream 'Trades' writes [symbol string, venue string, price double,"
                + " quantity integer]", assertThrows(IllegalArgumentException.class,
                        () -> committer(otherColumns).createOrCheckTable()).getMessage());
        assertEquals("the Delta table at '" + table() + "' is partitioned by [venue], but the sink partitions by"
                + " [] (partition.by)", assertThrows(IllegalArgumentException.class,
                        () -> committer(settings(List.of())).createOrCheckTable()).getMessage());
    }

    @Test
    void pendingCommitsSurviveTheirSerialization() throws IOException {
        PendingCommits pending = new PendingCommits(40);
        DeltaDataFile a = new DeltaDataFile("file:/t/a.parquet", 10, 1000, Arrays.asList("x", null), null);
        DeltaDataFile b = new DeltaDataFile("file:/t/b.parquet", 20, 2000, List.of(), "{\"numRecords\":3}");
        pending.add(3, List.of(a));
        pending.add(4, List.of());
        pending.add(5, List.of(b));
        PendingCommits restored = PendingCommits.deserialize(pending.serialize());
        assertEquals(45, restored.transactionVersion(5));
        assertEquals(Map.of(3L, List.of(a)), restored.upTo(4));
        assertEquals(Map.of(3L, List.of(a), 5L, List.of(b)), restored.upTo(5));
        restored.remove(3);
        assertEquals(Map.of(5L, List.of(b)), restored.upTo(9));
    }

    /** The actions of log entry {@code version}, one JSON object a line. */
    private List<JsonNode> logEntry(long version) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> actions = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve(String.format("trades/_delta_log/%020d.json", version)))) {
            actions.add(json.readTree(line));
        }
        return actions;
    }

    private String table() {
        return dir.resolve("trades").toString();
    }

    private DeltaSinkSettings settings(List<String> partitionBy) {
        return new DeltaSinkSettings(table(), Map.of(), TRADES, partitionBy, "TradesApp-siddhi-sink-Trades-0");
    }

    private static DeltaTableCommitter committer(DeltaSinkSettings settings) {
        return new DeltaTableCommitter(DeltaEngines.create(settings.options()), settings);
    }

    @SafeVarargs
    private static DeltaDataFile write(DeltaSinkSettings settings, List<String> partition, List<Object>... rows)
            throws IOException {
        return DataFiles.write(settings, partition, rows);
    }

    private static List<Object> row(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }
}
