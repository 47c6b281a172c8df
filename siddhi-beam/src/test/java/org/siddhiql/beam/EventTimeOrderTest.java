package org.siddhiql.beam;

import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.schemas.SchemaCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TimestampedValue;
import org.joda.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Beam delivers elements in no particular order; the app must still see them in event time, and its clock must only
 * move with events, not with Beam's watermark jumping to the end of time when the input ends.
 */
class EventTimeOrderTest {
    private static final String APP = String.join("\n",
            "@app:name('Order')",
            "define stream S (symbol string);",
            "from S#window.time(1 sec)",
            "select symbol, count() as n",
            "insert all events into Out;");

    @Test
    void processesEventsInTimestampOrderWhateverTheirArrival() {
        Pipeline pipeline = Pipeline.create(PipelineOptionsFactory.fromArgs("--runner=DirectRunner").create());
        SiddhiTransform siddhi = SiddhiTransform.of(APP);
        Schema schema = siddhi.schemaOf("S");
        // c arrives first but is the latest; the watermark passes all three only at the end.
        TestStream<Row> events = TestStream.create(SchemaCoder.of(schema))
                .addElements(event(schema, "c", 3000))
                .addElements(event(schema, "a", 1000), event(schema, "b", 1500))
                .advanceWatermarkToInfinity();
        PCollection<Row> out = PCollectionTuple.of("S", pipeline.apply(events)).apply(siddhi).get("Out");
        Schema outSchema = out.getSchema();
        // a and b in order; at 3000 the clock passes their expiries (2000, 2500), which leave as one chunk before c
        // (one output for the chunk, as siddhi-core and `bin/siddhi run` give); c's own expiry at 4000 is after the
        // last event, so it never fires. Out of order, c would have counted 1 and a, b 2 and 3.
        PAssert.that(out).containsInAnyOrder(
                Row.withSchema(outSchema).addValues("a", 1L).build(),
                Row.withSchema(outSchema).addValues("b", 2L).build(),
                Row.withSchema(outSchema).addValues("b", 0L).build(),
                Row.withSchema(outSchema).addValues("c", 1L).build());
        pipeline.run().waitUntilFinish();
    }

    private static TimestampedValue<Row> event(Schema schema, String symbol, long timestamp) {
        return TimestampedValue.of(Row.withSchema(schema).addValues(symbol).build(), new Instant(timestamp));
    }
}
