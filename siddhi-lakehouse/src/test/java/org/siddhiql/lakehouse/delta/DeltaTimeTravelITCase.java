package org.siddhiql.lakehouse.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.siddhiql.lakehouse.delta.DeltaTimeTravelTest.COMMITTED;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.lakehouse.TableVersion;
import org.siddhiql.testing.s3.S3Server;
import org.siddhiql.testing.s3.S3ServerExtension;

/**
 * Time travel through {@code @source(type='delta', mode='batch')}: after three commits, an app reading at each
 * version, and at the instant just before each next commit, gets exactly the rows committed by then; on local disk
 * and on S3.
 */
class DeltaTimeTravelITCase {
    @RegisterExtension
    static final S3ServerExtension S3 = new S3ServerExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = DeltaApps.miniCluster();

    @TempDir
    Path dir;

    @Test
    void batchSourceReadsEachVersionAndInstantOnLocalDisk() throws Exception {
        String path = dir.resolve("trades").toString();
        DeltaTimeTravelTest.commitThree(path, Map.of());
        checkBatchReads("local", path, Map.of(), "");
    }

    @Test
    void batchSourceReadsEachVersionAndInstantOnS3() throws Exception {
        S3.createBucket("delta-source");
        String path = "s3://delta-source/trades";
        Map<String, String> storage = Map.of("endpoint", S3.endpoint().toString(), "path.style.access", "true",
                "aws.access.key", S3Server.ACCESS_KEY, "aws.secret.key", S3Server.SECRET_KEY);
        DeltaTimeTravelTest.commitThree(path, storage);
        checkBatchReads("s3", path, storage, "endpoint='" + S3.endpoint() + "', path.style.access='true', "
                + "aws.access.key='" + S3Server.ACCESS_KEY + "', aws.secret.key='" + S3Server.SECRET_KEY + "', ");
    }

    @Test
    void attributesReadTheColumnsOfTheirNamesAndAMissingOneIsNamed() throws Exception {
        String path = dir.resolve("trades").toString();
        KernelCommits.append(DeltaEngines.create(Map.of()), path, "X", KernelCommits.trade("IBM", 100.0, 10L));
        String out = "@sink(type='inMemory', topic='subset', @map(type='passThrough'))\n"
                + "define stream Out (volume long, symbol string);\n"
                + "from Trades select * insert into Out;\n";
        String source = "@source(type='delta', path='" + path + "', mode='batch')\n";
        assertEquals(List.of("10 IBM"), DeltaApps.run("subset",
                source + "define stream Trades (volume long, symbol string);\n" + out));

        Exception failed = assertThrows(Exception.class, () -> DeltaApps.run("subset",
                source + "define stream Trades (volume long, qty string);\n" + out.replace("symbol", "qty")));
        assertEquals("Delta table '" + path + "' at version 0 has no column 'qty', which attribute 'qty' of stream"
                + " 'Trades' (of type STRING) reads",
                ExceptionUtils.findThrowable(failed, IllegalArgumentException.class).orElseThrow().getMessage());
    }

    private static void checkBatchReads(String name, String path, Map<String, String> storage, String s3Options)
            throws Exception {
        List<TableVersion> history;
        try (DeltaTable table = DeltaTable.open(path, storage)) {
            history = table.history();
        }
        String source = s3Options + "path='" + path + "', mode='batch'";
        for (int v = 0; v < 3; v++) {
            assertEquals(COMMITTED.get(v), DeltaApps.runBatch(name + "-v" + v, source + ", version.as.of='" + v + "'"),
                    "version " + v);
            if (v < 2) {
                String instant = history.get(v + 1).committedAt().minusMillis(1).toString();
                assertEquals(COMMITTED.get(v), DeltaApps.runBatch(name + "-t" + v,
                        source + ", timestamp.as.of='" + instant + "'"), "at " + instant);
            }
        }
        assertEquals(COMMITTED.get(2), DeltaApps.runBatch(name + "-latest", source));
    }
}
