package org.siddhiql.compiler.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.plan.AppPlan;

class DeltaSinkOptionsTest {
    private static final String INPUT = "@source(type='inMemory', topic='in')\n"
            + "define stream Trades (symbol string, venue string, price double);\n";
    private static final String QUERY = "from Trades select * insert into Out;\n";
    private static final String OUT = "define stream Out (symbol string, venue string, price double);\n";

    private static String error(String sink) {
        return assertThrows(CompileException.class,
                () -> new AppCompiler().compile(INPUT + sink + "\n" + OUT + QUERY)).getMessage();
    }

    @Test
    void aDeltaSinkTakesAPathPartitionColumnsAndStorageOptions() {
        AppPlan plan = new AppCompiler().compile(INPUT + "@sink(type='delta', path='s3://lake/trades',"
                + " partition.by='venue, symbol', endpoint='http://127.0.0.1:9000', path.style.access='true',"
                + " aws.access.key='key', aws.secret.key='${SECRET}')\n" + OUT + QUERY);
        assertEquals("venue, symbol", plan.sinks().get(0).option("partition.by"));
        assertEquals("s3://lake/trades", plan.sinks().get(0).option("path"));
    }

    @Test
    void partitionColumnsAreAttributesOfTheStreamEachOnceNotAll() {
        assertEquals("3:32: @sink of stream 'Out' has partition.by 'venue,sym': 'sym' is not an attribute of the"
                + " stream (it takes attribute names separated by commas)",
                error("@sink(type='delta', path='/t', partition.by='venue,sym')"));
        assertEquals("3:32: @sink of stream 'Out' has partition.by 'venue, venue': 'venue' is named twice",
                error("@sink(type='delta', path='/t', partition.by='venue, venue')"));
        assertEquals("3:32: @sink of stream 'Out' has partition.by 'symbol,venue,price': it names every"
                + " attribute, but a Delta table needs at least one column outside its partition values",
                error("@sink(type='delta', path='/t', partition.by='symbol,venue,price')"));
    }

    @Test
    void thePathIsADirectoryOrAFileOrS3Uri() {
        assertEquals("3:21: @sink of stream 'Out' has path 'hdfs://nn/t': it takes a local directory or a file:,"
                + " s3:// or s3a:// URI", error("@sink(type='delta', path='hdfs://nn/t')"));
        assertEquals("3:21: @sink of stream 'Out' has an empty path: it takes the table's directory",
                error("@sink(type='delta', path=' ')"));
        assertEquals("3:1: @sink of stream 'Out' (type 'delta') misses required option 'path'",
                error("@sink(type='delta', partition.by='venue')"));
    }

    @Test
    void storageOptionsAreCheckedAsS3s() {
        assertEquals("3:1: @sink of stream 'Out' needs both 'aws.access.key' and 'aws.secret.key', or neither",
                error("@sink(type='delta', path='s3://b/t', aws.access.key='k')"));
        assertEquals("3:38: @sink of stream 'Out' has endpoint 'localhost:9000': it takes an http:// or https://"
                + " URL", error("@sink(type='delta', path='s3://b/t', endpoint='localhost:9000')"));
    }

    @Test
    void objectAttributesHaveNoDeltaColumn() {
        String app = "@source(type='inMemory', topic='in')\ndefine stream In (symbol string, extra object);\n"
                + "@sink(type='delta', path='/t')\ndefine stream Out (symbol string, extra object);\n"
                + "from In select * insert into Out;\n";
        assertEquals("3:1: @sink of stream 'Out' cannot write attribute 'extra' of type object: a Delta column"
                + " takes string, int, long, float, double or bool",
                assertThrows(CompileException.class, () -> new AppCompiler().compile(app)).getMessage());
    }
}
