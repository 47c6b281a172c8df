package org.siddhiql.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Reify;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.CompileException;

class SiddhiTransformTest {
    private static final String APP = String.join("\n",
            "@app:name('Prices')",
            "define stream StockStream (symbol string, price double, volume long);",
            "@info(name='totals')",
            "from StockStream#window.length(2)",
            "select symbol, sum(volume) as total",
            "insert into TotalStream;");

    @Test
    void runsALengthWindowOnTheDirectRunner() {
        Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
        SiddhiTransform siddhi = SiddhiTransform.of(APP);
        Schema schema = siddhi.schemaOf("StockStream");
        List<TimestampedValue<Row>> stocks = new ArrayList<>();
        stocks.add(TimestampedValue.of(Row.withSchema(schema).addValues("IBM", 75.5, 100L).build(), new Instant(1000)));
        stocks.add(TimestampedValue.of(Row.withSchema(schema).addValues("WSO2", 55.0, 10L).build(), new Instant(2000)));
        stocks.add(TimestampedValue.of(Row.withSchema(schema).addValues("IBM", 76.0, 200L).build(), new Instant(3000)));
        PCollection<Row> input = pipeline.apply(Create.timestamped(stocks).withCoder(SchemaCoder.of(schema)));
        PCollectionTuple output = PCollectionTuple.of("StockStream", input).apply(siddhi);
        PCollection<Row> totals = output.get("TotalStream");
        Schema out = totals.getSchema();
        PAssert.that(totals).containsInAnyOrder(
                Row.withSchema(out).addValues("IBM", 100L).build(),
                Row.withSchema(out).addValues("WSO2", 110L).build(),
                Row.withSchema(out).addValues("IBM", 210L).build());
        pipeline.run().waitUntilFinish();
        assertEquals(List.of("symbol", "total"), out.getFieldNames());
    }

    @Test
    void runsOnTheWallClockWhenAsked() {
        Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
        SiddhiTransform siddhi = SiddhiTransform.of(APP).withProcessingTime();
        Schema schema = siddhi.schemaOf("StockStream");
        PCollection<Row> input = pipeline.apply(Create.of(
                        Row.withSchema(schema).addValues("IBM", 75.5, 100L).build(),
                        Row.withSchema(schema).addValues("IBM", 76.0, 200L).build())
                .withCoder(SchemaCoder.of(schema)));
        long before = System.currentTimeMillis();
        PCollection<Row> totals = PCollectionTuple.of("StockStream", input).apply(siddhi).get("TotalStream");
        Schema out = totals.getSchema();
        // Arrival order is Beam's, so which row comes first is not fixed; the totals of a length(2) window are.
        // The rows are stamped when they arrive, not with Create's minimum timestamp.
        PAssert.that(totals.apply(Reify.timestamps())).satisfies(rows -> {
            List<Long> seen = new ArrayList<>();
            rows.forEach(row -> {
                seen.add(row.getValue().getInt64("total"));
                assertTrue(row.getTimestamp().getMillis() >= before, "stamped with the wall clock");
            });
            seen.sort(null);
            assertEquals(2, seen.size());
            assertEquals(300L, seen.get(1));
            return null;
        });
        pipeline.run().waitUntilFinish();
        assertEquals(List.of("symbol", "total"), out.getFieldNames());
    }

    @Test
    void refusesAnInputThatIsNotAnInputStreamOfTheApp() {
        Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
        SiddhiTransform siddhi = SiddhiTransform.of(APP);
        PCollection<Row> totals = pipeline.apply(Create.empty(
                SchemaCoder.of(siddhi.schemaOf("TotalStream"))));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PCollectionTuple.of("TotalStream", totals).apply(siddhi));
        assertEquals("input 'TotalStream' is not an input stream of app 'Prices'; its input streams are "
                + "[StockStream]", error.getMessage());
    }

    @Test
    void refusesRowsOfAnotherSchema() {
        Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
        Schema other = Schema.builder().addStringField("symbol").addDoubleField("price").build();
        PCollection<Row> rows = pipeline.apply(Create.empty(SchemaCoder.of(other)));
        SiddhiTransform siddhi = SiddhiTransform.of(APP);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PCollectionTuple.of("StockStream", rows).apply(siddhi));
        assertEquals("input 'StockStream' must be rows of (symbol STRING, price DOUBLE, volume INT64), not "
                + "(symbol STRING, price DOUBLE) (see SiddhiTransform.schemaOf)", error.getMessage());
    }

    @Test
    void reportsWhereAnAppIsWrong() {
        CompileException error = assertThrows(CompileException.class, () -> SiddhiTransform.of(
                "define stream S (a int);\nfrom S select b insert into T;"));
        assertEquals(2, error.line());
    }
}
