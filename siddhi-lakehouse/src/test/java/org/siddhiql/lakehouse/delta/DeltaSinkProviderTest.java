package org.siddhiql.lakehouse.delta;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.AppPlan;

class DeltaSinkProviderTest {
    private static AppPlan app(String sink) {
        return new AppCompiler().compile("@app:name('Fills')\n"
                + "@source(type='inMemory', topic='in')\n"
                + "define stream Trades (symbol string, venue string, price double);\n"
                + sink + "\n"
                + "define stream Out (symbol string, venue string, price double);\n"
                + "from Trades select * insert into Out;\n");
    }

    @Test
    void settingsNameTheTableItsPartitionsAndTheAppsTransactions() {
        AppPlan plan = app("@sink(type='delta', path='s3://lake/fills', partition.by=' venue , symbol',"
                + " endpoint='http://127.0.0.1:9000', path.style.access='true')");
        DeltaSinkSettings settings = DeltaSinkProvider.settings(plan.sinks().get(0), plan, "siddhi-sink-Out-0");
        assertEquals("s3://lake/fills", settings.path());
        assertEquals(List.of("venue", "symbol"), settings.partitionColumns());
        assertEquals("Fills-siddhi-sink-Out-0", settings.appId());
        assertEquals(Map.of("endpoint", "http://127.0.0.1:9000", "path.style.access", "true"), settings.options());
        assertArrayEquals(new int[] {2}, settings.dataIndexes(), "price: the columns outside the partition values");
    }

    @Test
    void aRelativePathIsTakenWhereTheAppIsSubmitted() {
        AppPlan plan = app("@sink(type='delta', path='tables/fills')");
        DeltaSinkSettings settings = DeltaSinkProvider.settings(plan.sinks().get(0), plan, "siddhi-sink-Out-0");
        assertEquals(Path.of("tables/fills").toAbsolutePath().toString(), settings.path());
        assertEquals(List.of(), settings.partitionColumns());
    }
}
