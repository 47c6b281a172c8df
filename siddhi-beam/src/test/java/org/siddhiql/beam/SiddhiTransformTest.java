package org.siddhiql.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

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
        PCollection<Row> input = pipeline.apply(Create.timestamped(stocks).withCoder(org.apache.beam.sdk.schemas.SchemaCoder.of(schema)));
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
}
