package org.siddhiql.compiler.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.plan.AppPlan;

class DeltaSourceOptionsTest {
    private static final String REST = "define stream Trades (symbol string, price double);\n"
            + "define stream Out (symbol string, price double);\n"
            + "from Trades select symbol, price insert into Out;\n";

    private static String error(String source) {
        return assertThrows(CompileException.class, () -> new AppCompiler().compile(source + "\n" + REST))
                .getMessage();
    }

    @Test
    void acceptsAVersionOrAnInstantAModeAndS3Storage() {
        AppPlan plan = new AppCompiler().compile("@source(type='delta', path='s3://lake/trades',"
                + " timestamp.as.of='2026-11-27T10:15:30Z', mode='streaming', monitor.interval='500',"
                + " endpoint='http://127.0.0.1:9000', path.style.access='true', aws.access.key='a',"
                + " aws.secret.key='${S3_SECRET}', aws.region='eu-west-1')\n" + REST);
        assertEquals("2026-11-27T10:15:30Z", plan.sources().get(0).option("timestamp.as.of"));
        new AppCompiler().compile("@source(type='delta', path='/data/trades', version.as.of='3', mode='batch')\n"
                + REST);
    }

    @Test
    void refusesBadValuesAtTheirPosition() {
        assertEquals("1:34: @source of stream 'Trades' has version.as.of 'v3': it takes a version"
                + " number such as '3'", error("@source(type='delta', path='/t', version.as.of='v3')"));
        assertEquals("1:34: @source of stream 'Trades' has timestamp.as.of '2026-11-27': it takes"
                + " an ISO-8601 instant such as '2026-11-27T10:15:30Z'",
                error("@source(type='delta', path='/t', timestamp.as.of='2026-11-27')"));
        assertEquals("1:34: @source of stream 'Trades' has mode 'live': it takes 'batch' or"
                + " 'streaming'", error("@source(type='delta', path='/t', mode='live')"));
        assertEquals("1:34: @source of stream 'Trades' has monitor.interval '10s': it takes a"
                + " positive number of milliseconds",
                error("@source(type='delta', path='/t', monitor.interval='10s')"));
        assertEquals("1:23: @source of stream 'Trades' has an empty path: it takes the Delta"
                + " table's directory, such as '/data/trades' or 's3://bucket/trades'",
                error("@source(type='delta', path=' ')"));
    }

    @Test
    void refusesContradictoryOptions() {
        assertEquals("1:1: @source of stream 'Trades' sets both 'version.as.of' and"
                + " 'timestamp.as.of': give at most one", error("@source(type='delta', path='/t',"
                + " version.as.of='1', timestamp.as.of='2026-11-27T10:15:30Z')"));
        assertEquals("1:1: @source of stream 'Trades' sets 'monitor.interval' with mode 'batch',"
                + " which reads one version and does not look for new ones",
                error("@source(type='delta', path='/t', mode='batch', monitor.interval='100')"));
        assertEquals("1:1: @source of stream 'Trades' needs both 'aws.access.key' and"
                + " 'aws.secret.key', or neither", error("@source(type='delta', path='s3://b/t', aws.access.key='a')"));
    }
}
