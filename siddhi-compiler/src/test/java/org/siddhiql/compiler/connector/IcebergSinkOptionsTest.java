package org.siddhiql.compiler.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.plan.AppPlan;

class IcebergSinkOptionsTest {
    private static final String TRADES = "define stream Trades (symbol string, price double, volume long);\n";
    private static final String QUERY = "from Trades select symbol, price, volume insert into Out;\n";
    private static final String OUT = "define stream Out (symbol string, price double, volume long);\n";

    private static String error(String app) {
        return assertThrows(CompileException.class, () -> new AppCompiler().compile(app)).getMessage();
    }

    private static String sink(String options) {
        return TRADES + "@sink(type='iceberg', table='db.out', " + options + ")\n" + OUT + QUERY;
    }

    @Test
    void theStreamsPrimaryKeyReachesTheSink() {
        AppPlan plan = new AppCompiler().compile(TRADES + "@primaryKey('symbol', 'volume')\n"
                + "@sink(type='iceberg', table='db.out', warehouse='/tmp/wh', partition.by='symbol,"
                + " bucket[8](volume), truncate[2](symbol)', write.format='orc')\n" + OUT + QUERY);
        assertEquals(List.of("symbol", "volume"), plan.sinks().get(0).primaryKey());
        assertEquals("@sink(type='iceberg', partition.by='symbol, bucket[8](volume), truncate[2](symbol)',"
                + " table='db.out', warehouse='/tmp/wh', write.format='orc', @map(type='passthrough')) Out"
                + " @primaryKey[symbol, volume]", plan.sinks().get(0).toString());
    }

    @Test
    void aPrimaryKeyOnAStreamWithoutAnIcebergSinkWouldBeIgnoredAndIsRefused() {
        assertEquals("2:1: @primaryKey on stream 'Out' is only honoured by an @sink(type='iceberg') on it, which"
                + " writes upserts by that key: stream 'Out' has none", error(TRADES + "@primaryKey('symbol')\n"
                + "@sink(type='log')\n" + OUT + QUERY));
        assertEquals("2:1: @primaryKey attribute 'sym' does not exist in stream 'Out'", error(TRADES
                + "@primaryKey('sym')\n@sink(type='iceberg', table='db.out', warehouse='/w')\n" + OUT + QUERY));
        assertEquals("2:1: @primaryKey attribute 'price' of stream 'Out' is double: Iceberg identifier columns take"
                + " string, int, long or bool attributes", error(TRADES + "@primaryKey('price')\n"
                + "@sink(type='iceberg', table='db.out', warehouse='/w')\n" + OUT + QUERY));
    }

    @Test
    void optionValuesAreCheckedWhereTheyAreWritten() {
        assertEquals("2:55: @sink of stream 'Out' has catalog.type 'hive': it takes 'hadoop', 'jdbc', 'rest'",
                error(sink("warehouse='/w', catalog.type='hive'")));
        assertEquals("2:55: @sink of stream 'Out' has write.format 'csv': it takes 'avro', 'orc', 'parquet'",
                error(sink("warehouse='/w', write.format='csv'")));
        assertEquals("2:55: @sink of stream 'Out' has partition.by term 'sym': stream 'Out' has no attribute"
                + " 'sym'; it takes attributes, bucket[N](attribute) or truncate[W](attribute), separated by commas",
                error(sink("warehouse='/w', partition.by='symbol, sym'")));
        assertEquals("2:55: @sink of stream 'Out' has partition.by term 'truncate[4](price)': truncate takes a"
                + " string, int or long attribute, and 'price' is double",
                error(sink("warehouse='/w', partition.by='truncate[4](price)'")));
        assertEquals("2:1: @sink of stream 'Out' needs option 'warehouse' for catalog.type 'hadoop': the"
                + " directory or s3:// location under which its tables lie", error(sink("write.format='orc'")));
        assertEquals("2:39: @sink of stream 'Out' needs option 'uri' for catalog.type 'jdbc': the JDBC URL of its"
                + " database", error(sink("catalog.type='jdbc', warehouse='/w'")));
        assertEquals("2:39: @sink of stream 'Out' has a warehouse on s3:// with catalog.type 'hadoop', which"
                + " commits by renaming files, which S3 cannot do atomically: use catalog.type 'jdbc' or 'rest'",
                error(sink("catalog.type='hadoop', warehouse='s3://b/w'")));
        assertEquals("2:23: @sink of stream 'Out' has table 'out': it takes 'namespace.table', such as"
                + " 'db.trades'", error(TRADES + "@sink(type='iceberg', table='out', warehouse='/w')\n" + OUT
                + QUERY));
    }
}
