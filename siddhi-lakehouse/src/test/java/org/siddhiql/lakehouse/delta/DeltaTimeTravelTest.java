package org.siddhiql.lakehouse.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.siddhiql.lakehouse.delta.KernelCommits.trade;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.lakehouse.AsOf;
import org.siddhiql.lakehouse.LakehouseTable;
import org.siddhiql.lakehouse.LakehouseTables;
import org.siddhiql.lakehouse.TableAddress;
import org.siddhiql.lakehouse.TableVersion;
import org.siddhiql.testing.s3.S3Server;
import org.siddhiql.testing.s3.S3ServerExtension;

/**
 * Time travel over a Delta table of three commits made with Kernel's transaction API: each version and each instant
 * between commits reads exactly the rows committed by then, on local disk and on S3.
 */
class DeltaTimeTravelTest {
    @RegisterExtension
    static final S3ServerExtension S3 = new S3ServerExtension();

    /** The rows after each commit, as "symbol price volume venue", sorted. */
    static final List<List<String>> COMMITTED = List.of(
            List.of("IBM 100.0 10 X", "WSO2 50.5 20 X"),
            List.of("IBM 100.0 10 X", "IBM 101.0 5 Y", "WSO2 50.5 20 X"),
            List.of("IBM 100.0 10 X", "IBM 101.0 5 Y", "ORCL 30.25 7 X", "WSO2 50.5 20 X"));

    @TempDir
    Path dir;

    @Test
    void readsEveryVersionAndInstantOnLocalDisk() throws Exception {
        String path = dir.resolve("trades").toString();
        commitThree(path, Map.of());
        checkTimeTravel(TableAddress.parse("delta:" + path), Map.of());
    }

    @Test
    void readsEveryVersionAndInstantOnS3() throws Exception {
        S3.createBucket("delta-time-travel");
        Map<String, String> options = s3Options();
        commitThree("s3://delta-time-travel/lake/trades", options);
        checkTimeTravel(TableAddress.parse("delta:s3://delta-time-travel/lake/trades"), options);
    }

    @Test
    void aPathWithoutATableIsReportedWhenOpened() {
        String path = dir.resolve("nothing").toString();
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> LakehouseTables.open(TableAddress.parse("delta:" + path), Map.of()));
        assertEquals("there is no Delta table at '" + path + "' (no _delta_log with commits there)",
                missing.getMessage());
    }

    static Map<String, String> s3Options() {
        return Map.of("endpoint", S3.endpoint().toString(), "path.style.access", "true",
                "aws.access.key", S3Server.ACCESS_KEY, "aws.secret.key", S3Server.SECRET_KEY,
                "aws.region", "us-east-1");
    }

    /** Three commits over seconds, as commit times of files on S3 have a resolution of a second. */
    static void commitThree(String path, Map<String, String> options) throws Exception {
        var engine = DeltaEngines.create(options);
        KernelCommits.append(engine, path, "X", trade("IBM", 100.0, 10L), trade("WSO2", 50.5, 20L));
        Thread.sleep(1100);
        KernelCommits.append(engine, path, "Y", trade("IBM", 101.0, 5L));
        Thread.sleep(1100);
        KernelCommits.append(engine, path, "X", trade("ORCL", 30.25, 7L));
    }

    private static void checkTimeTravel(TableAddress address, Map<String, String> options) {
        try (LakehouseTable table = LakehouseTables.open(address, options)) {
            List<TableVersion> history = table.history();
            assertEquals(List.of(0L, 1L, 2L), history.stream().map(TableVersion::id).collect(Collectors.toList()));
            assertEquals(List.of("CREATE TABLE", "WRITE", "WRITE"),
                    history.stream().map(TableVersion::operation).collect(Collectors.toList()));
            assertEquals(new StreamSchema(address.name(), List.of("symbol", "price", "volume", "venue"),
                            List.of(AttributeType.STRING, AttributeType.DOUBLE, AttributeType.LONG,
                                    AttributeType.STRING)),
                    table.schema(history.get(2)));

            for (int v = 0; v < 3; v++) {
                TableVersion version = table.resolve(AsOf.version(v));
                assertEquals(COMMITTED.get(v), rows(table, version), "version " + v);
                assertEquals(version, table.resolve(AsOf.timestamp(history.get(v).committedAt())));
                Instant before = v < 2 ? history.get(v + 1).committedAt().minusMillis(1)
                        : history.get(v).committedAt().plus(Duration.ofDays(1));
                assertEquals(COMMITTED.get(v), rows(table, table.resolve(AsOf.timestamp(before))),
                        "just before version " + (v + 1));
            }
            assertEquals(COMMITTED.get(2), rows(table, table.resolve(AsOf.latest())));

            Instant beforeFirst = history.get(0).committedAt().minusMillis(1);
            IllegalArgumentException early = assertThrows(IllegalArgumentException.class,
                    () -> table.resolve(AsOf.timestamp(beforeFirst)));
            assertEquals(address + " had no version yet at " + beforeFirst
                    + ": its first readable version was committed later", early.getMessage());
            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> table.resolve(AsOf.version(3)));
            assertEquals(address + " has no version 3: its versions are 0 to 2", unknown.getMessage());
        }
    }

    static List<String> rows(LakehouseTable table, TableVersion version) {
        try (Stream<Object[]> rows = table.rows(version)) {
            return rows.map(row -> Arrays.stream(row).map(String::valueOf).collect(Collectors.joining(" ")))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }
}
