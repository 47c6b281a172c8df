package org.siddhiql.compiler.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.plan.AppPlan;

class IcebergSourceOptionsTest {
    private static final String REST = "define stream Trades (symbol string, price double);\n"
            + "define stream Out (symbol string, price double);\n"
            + "from Trades select symbol, price insert into Out;\n";

    private static String error(String options) {
        return assertThrows(CompileException.class, () -> compile(options)).getMessage();
    }

    private static AppPlan compile(String options) {
        return new AppCompiler().compile("@source(type='iceberg', table='db.trades', warehouse='/wh', " + options
                + ")\n" + REST);
    }

    @Test
    void acceptsEachWayToNameASnapshot() {
        compile("snapshot.id='3051729675574597004'");
        compile("as.of.timestamp='2026-11-27T10:15:30Z'");
        compile("as.of.timestamp='1795860930000'");
        compile("tag='release-1'");
        compile("mode='streaming', branch='audit', monitor.interval='500', start.snapshot.id='42'");
        assertEquals("@source(type='iceberg', mode='batch', table='db.trades', tag='t', warehouse='/wh',"
                + " @map(type='passthrough')) Trades", compile("mode='batch', tag='t'").sources().get(0).toString());
    }

    @Test
    void rejectsValuesAtTheirPositions() {
        assertEquals("1:61: @source of stream 'Trades' has mode 'replay': it takes 'batch' or 'streaming'",
                error("mode='replay'"));
        assertEquals("1:61: @source of stream 'Trades' has snapshot.id 'latest': it takes a snapshot id, a number"
                + " such as 3051729675574597004", error("snapshot.id='latest'"));
        assertEquals("1:61: @source of stream 'Trades' has as.of.timestamp '2026-11-27 10:15': it takes an ISO-8601"
                + " instant such as 2026-11-27T10:15:30Z or milliseconds since the epoch",
                error("as.of.timestamp='2026-11-27 10:15'"));
        assertEquals("1:78: @source of stream 'Trades' has both snapshot.id and tag: they are alternative ways to"
                + " name the snapshot to read; give one", error("snapshot.id='1', tag='t'"));
        assertEquals("1:79: @source of stream 'Trades' has snapshot.id in mode 'streaming', which follows new"
                + " snapshots: it is for mode 'batch' (a streaming read takes start.snapshot.id)",
                error("mode='streaming', snapshot.id='1'"));
        assertEquals("1:79: @source of stream 'Trades' has monitor.interval '10s': it takes a positive number of"
                + " milliseconds", error("mode='streaming', monitor.interval='10s'"));
        assertEquals("1:61: @source of stream 'Trades' has start.snapshot.id, which only mode 'streaming' takes",
                error("start.snapshot.id='7'"));
    }
}
