package org.siddhiql.lakehouse.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Closeable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.lakehouse.AsOf;
import org.siddhiql.lakehouse.TableVersion;
import org.siddhiql.testing.s3.S3Server;
import org.siddhiql.testing.s3.S3ServerExtension;

/**
 * Time travel on Iceberg: after three commits, every snapshot, every instant between commits and a tag read exactly
 * the rows committed by then, through {@link IcebergTable#rows} and through {@code @source(type='iceberg')}; on
 * local disk (Hadoop catalog) and on S3 (s3proxy, a JDBC catalog in an H2 file, S3FileIO).
 */
class IcebergTimeTravelITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2)
                    .build());

    @RegisterExtension
    static final S3ServerExtension S3 = new S3ServerExtension();

    private static final StreamSchema TRADES = new StreamSchema("Trades", List.of("symbol", "price"),
            List.of(AttributeType.STRING, AttributeType.DOUBLE));
    private static final Object[][][] COMMITS = {
        {{"IBM", 75.5}, {"WSO2", 57.0}},
        {{"ORCL", 12.25}},
        {{"IBM", 76.0}, {"MSFT", 310.5}},
    };

    @TempDir
    Path temp;

    @Test
    void readsEachSnapshotOnLocalDisk() throws Exception {
        timeTravel(Map.of("warehouse", temp.resolve("warehouse").toString()));
    }

    @Test
    void readsEachSnapshotOnS3() throws Exception {
        S3.createBucket("lake");
        Map<String, String> options = new HashMap<>();
        options.put("catalog.type", "jdbc");
        options.put("uri", "jdbc:h2:" + temp.resolve("catalog").toAbsolutePath());
        options.put("warehouse", "s3://lake/wh");
        options.put("endpoint", S3.endpoint().toString());
        options.put("path.style.access", "true");
        options.put("aws.access.key", S3Server.ACCESS_KEY);
        options.put("aws.secret.key", S3Server.SECRET_KEY);
        timeTravel(options);
    }

    private void timeTravel(Map<String, String> options) throws Exception {
        Catalog catalog = IcebergCatalogs.loader(options).loadCatalog();
        try (Closeable closing = (Closeable) catalog) {
            timeTravel(options, catalog);
        }
    }

    private void timeTravel(Map<String, String> options, Catalog catalog) throws Exception {
        Table table = catalog.createTable(TableIdentifier.parse("db.trades"), IcebergSchemas.toIceberg(TRADES, Set.of()),
                PartitionSpec.unpartitioned());
        List<Long> snapshots = new ArrayList<>();
        for (Object[][] rows : COMMITS) {
            snapshots.add(TableCommits.append(table, rows));
        }
        table.manageSnapshots().createTag("second", snapshots.get(1)).commit();

        try (IcebergTable read = IcebergTable.open("db.trades", options)) {
            List<TableVersion> history = read.history();
            assertEquals(snapshots, history.stream().map(TableVersion::id).collect(Collectors.toList()));
            for (int i = 0; i < COMMITS.length; i++) {
                List<List<Object>> expected = committedUpTo(i);
                TableVersion version = history.get(i);
                assertEquals(expected, sorted(rows(read, read.resolve(AsOf.version(version.id())))), "snapshot " + i);
                assertEquals(expected, sorted(source(options, "snapshot.id='" + version.id() + "'")), "@source " + i);
                // the instant of the commit, and the last millisecond before the next one
                long at = version.committedAt().toEpochMilli();
                long before = i + 1 < COMMITS.length ? history.get(i + 1).committedAt().toEpochMilli() - 1 : at + 60_000;
                for (long millis : List.of(at, before)) {
                    assertEquals(version, read.resolve(AsOf.timestamp(Instant.ofEpochMilli(millis))));
                    // the same instant, written as ISO-8601
                assertEquals(expected, sorted(source(options, "as.of.timestamp='" + millis + "'")),
                            "@source at " + millis);
                }
                // the same instant, written as ISO-8601
                assertEquals(expected, sorted(source(options, "as.of.timestamp='"
                        + Instant.ofEpochMilli(before) + "'")));
            }
            assertEquals(committedUpTo(1), sorted(rows(read, read.resolve(AsOf.reference("second")))));
            assertEquals(committedUpTo(1), sorted(source(options, "tag='second'")));
            assertEquals(committedUpTo(2), sorted(source(options, "mode='batch'")));
        }
    }

    private static List<List<Object>> source(Map<String, String> options, String snapshot) throws Exception {
        String app = "@app:name('TimeTravel')\n"
                + "@source(type='iceberg', table='db.trades', " + AppRuns.options(options) + ", " + snapshot + ")\n"
                + "define stream Trades (symbol string, price double);\n"
                + "define stream Out (symbol string, price double);\n"
                + "from Trades select symbol, price insert into Out;\n";
        return AppRuns.run(app, "Out");
    }

    private static List<List<Object>> committedUpTo(int commit) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i <= commit; i++) {
            for (Object[] row : COMMITS[i]) {
                rows.add(List.of(row));
            }
        }
        return sorted(rows);
    }

    private static List<List<Object>> rows(IcebergTable table, TableVersion version) {
        try (Stream<Object[]> rows = table.rows(version)) {
            return rows.map(List::of).collect(Collectors.toList());
        }
    }

    static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(Comparator.comparing(Object::toString));
        return copy;
    }
}
