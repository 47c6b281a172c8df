package org.siddhiql.compiler.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.plan.AppPlan;

class HttpS3OptionsTest {
    private static final String QUERY = "from Trades select symbol, price insert into Out;\n";
    private static final String TRADES = "define stream Trades (symbol string, price double);\n";
    private static final String OUT = "define stream Out (symbol string, price double);\n";

    private static String error(String app) {
        return assertThrows(CompileException.class, () -> new AppCompiler().compile(app)).getMessage();
    }

    @Test
    void httpSourceAndSinkTakeSiddhisOptionNames() {
        AppPlan plan = new AppCompiler().compile("@source(type='http', receiver.url='https://0.0.0.0:8443/trades',\n"
                + "  basic.auth.enabled='true', basic.auth.username='feed', basic.auth.password='${FEED_PASSWORD}',\n"
                + "  https.keystore.file='/etc/ks.p12', https.keystore.password='changeit', @map(type='json'))\n"
                + TRADES
                + "@sink(type='http', publisher.url='http://127.0.0.1:9000/out', method='PUT',\n"
                + "  headers=\"'X-Team:risk','Accept:application/json'\", max.retries='3', retry.interval='50',\n"
                + "  max.retry.interval='400', basic.auth.username='app', basic.auth.password='pw',\n"
                + "  @map(type='json'))\n"
                + OUT + QUERY);
        assertEquals("@source(type='http', basic.auth.enabled='true', basic.auth.password='${FEED_PASSWORD}',"
                + " basic.auth.username='feed', https.keystore.file='/etc/ks.p12', https.keystore.password='******',"
                + " receiver.url='https://0.0.0.0:8443/trades', @map(type='json')) Trades",
                plan.sources().get(0).toString());
        assertEquals(Map.of("X-Team", "risk", "Accept", "application/json"),
                HttpOptions.headers(plan.sinks().get(0).option("headers")));
    }

    @Test
    void httpValuesAreChecked() {
        assertEquals("1:22: @source of stream 'Trades' has receiver.url 'ftp://h:1/x': it takes an http:// or "
                + "https:// URL with a host", error("@source(type='http', receiver.url='ftp://h:1/x', "
                + "@map(type='json'))\n" + TRADES + OUT + QUERY));
        assertEquals("1:1: @source of stream 'Trades' receives on https and so needs 'https.keystore.file' and "
                + "'https.keystore.password' (its certificate and key)", error("@source(type='http', "
                + "receiver.url='https://0.0.0.0:8443/t', @map(type='json'))\n" + TRADES + OUT + QUERY));
        assertEquals("1:1: @source of stream 'Trades' has basic.auth.enabled='true' and so needs "
                + "'basic.auth.username' and 'basic.auth.password'", error("@source(type='http', "
                + "receiver.url='http://0.0.0.0:80/t', basic.auth.enabled='true', @map(type='json'))\n"
                + TRADES + OUT + QUERY));
        assertEquals("2:39: @sink of stream 'Out' has credentials in publisher.url: give them as "
                + "basic.auth.username and basic.auth.password, which are never shown", error(TRADES
                + "@sink(type='http', @map(type='json'), publisher.url='http://u:p@h/x')\n" + OUT + QUERY));
        assertEquals("2:48: @sink of stream 'Out' has method 'GET': it takes 'PATCH', 'POST' or 'PUT' (the event "
                + "is the request's body)", error(TRADES + "@sink(type='http', publisher.url='http://h/x', "
                + "method='GET', @map(type='json'))\n" + OUT + QUERY));
        assertEquals("2:48: @sink of stream 'Out' has max.retries 'many': it takes a number of retries from 0 to "
                + "9999", error(TRADES + "@sink(type='http', publisher.url='http://h/x', max.retries='many', "
                + "@map(type='json'))\n" + OUT + QUERY));
        assertEquals("2:48: @sink of stream 'Out' has headers item 'X-Team=risk': it takes \"'name:value',...\"",
                error(TRADES + "@sink(type='http', publisher.url='http://h/x', headers=\"'X-Team=risk'\", "
                        + "@map(type='json'))\n" + OUT + QUERY));
        assertEquals("2:48: @sink of stream 'Out' has header 'Host', which the HTTP client sets itself",
                error(TRADES + "@sink(type='http', publisher.url='http://h/x', headers=\"'Host:elsewhere'\", "
                        + "@map(type='json'))\n" + OUT + QUERY));
        assertEquals("1:1: @source of stream 'Trades' (type 'http') cannot map passthrough (the default without"
                + " @map): it maps 'avro', 'csv', 'json', 'keyvalue', 'text'",
                error("@source(type='http', receiver.url='http://0.0.0.0:80/t')\n" + TRADES + OUT + QUERY));
    }

    @Test
    void s3SourceAndSinkTakeSiddhisOptionNames() {
        AppPlan plan = new AppCompiler().compile("@source(type='s3', bucket.name='trades', object.path='in/2026',\n"
                + "  aws.access.key='AKIA1', aws.secret.key='${S3_SECRET}', endpoint='http://127.0.0.1:9000',\n"
                + "  path.style.access='true', dir.polling.interval='1000', @map(type='csv'))\n"
                + TRADES
                + "@sink(type='s3', bucket.name='results', aws.access.key='AKIA1', aws.secret.key='plain',"
                + " @map(type='csv'))\n" + OUT + QUERY);
        assertEquals("@source(type='s3', aws.access.key='******', aws.secret.key='${S3_SECRET}', bucket.name='trades',"
                + " dir.polling.interval='1000', endpoint='http://127.0.0.1:9000', object.path='in/2026',"
                + " path.style.access='true', @map(type='csv')) Trades", plan.sources().get(0).toString());
        assertEquals(List.of("aws.access.key", "aws.secret.key", "bucket.name"),
                List.copyOf(plan.sinks().get(0).options().keySet()));
    }

    @Test
    void s3ValuesAreChecked() {
        assertEquals("1:1: @sink of stream 'Trades' needs both 'aws.access.key' and 'aws.secret.key', or neither",
                error("@sink(type='s3', bucket.name='b1b', aws.access.key='a', @map(type='csv'))\n" + TRADES
                        + OUT + QUERY));
        assertEquals("1:18: @sink of stream 'Trades' has bucket.name 'My_Bucket', which is not an S3 bucket name "
                + "(3 to 63 lower-case letters, digits, dots and hyphens)", error("@sink(type='s3', "
                + "bucket.name='My_Bucket', @map(type='csv'))\n" + TRADES + OUT + QUERY));
        assertEquals("1:37: @sink of stream 'Trades' has object.path '/out': it takes a key prefix such as "
                + "'trades/2026', without a leading or doubled '/'", error("@sink(type='s3', bucket.name='bkt', "
                + "object.path='/out', @map(type='csv'))\n" + TRADES + OUT + QUERY));
        assertEquals("1:18: @sink of stream 'Trades' (type 's3') has unknown option 'dir.polling.interval': it takes "
                + "'aws.access.key', 'aws.region', 'aws.secret.key', 'bucket.name', 'endpoint', 'object.path', "
                + "'path.style.access'", error("@sink(type='s3', dir.polling.interval='5', bucket.name='bkt', "
                + "@map(type='csv'))\n" + TRADES + OUT + QUERY));
        assertEquals("1:37: @sink of stream 'Trades' (type 's3') cannot map avro: it maps 'csv', 'json', 'keyvalue'",
                error("@sink(type='s3', bucket.name='bkt', @map(type='avro'))\n" + TRADES + OUT + QUERY));
    }
}
