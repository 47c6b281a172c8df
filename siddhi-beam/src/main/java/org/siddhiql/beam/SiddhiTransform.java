package org.siddhiql.beam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PValue;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TupleTag;
import org.siddhiql.beam.runtime.AppClock;
import org.siddhiql.beam.runtime.EventsToRows;
import org.siddhiql.beam.runtime.GraphLayout;
import org.siddhiql.beam.runtime.RowEvents;
import org.siddhiql.beam.runtime.SequencedEvent;
import org.siddhiql.beam.runtime.SequencedEventCoder;
import org.siddhiql.beam.runtime.SiddhiGraph;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.compiler.schema.StreamSchema;

/**
 * A SiddhiQL app as a Beam transform: its input streams in, its output streams out, each a {@code PCollection<Row>}
 * tagged by the stream's name, with the Beam schema of the stream's definition ({@link #schemaOf}).
 *
 * <pre>{@code
 * PCollectionTuple alerts = PCollectionTuple.of("StockStream", stocks)
 *         .apply(SiddhiTransform.of(app));
 * PCollection<Row> highs = alerts.get("HighPriceStream");
 * }</pre>
 *
 * <p>By default the app runs in event time: an event's timestamp is its element's Beam timestamp, and the app's
 * clock is the latest timestamp seen across its streams once Beam's watermark has passed it, as with Siddhi's
 * {@code @app:playback}. Events of equal timestamp are processed in the order they reach the transform, which Beam
 * does not define. Output rows carry the app's clock when they were emitted as their Beam timestamp.
 * {@link #withProcessingTime()} runs it on the wall clock instead.
 *
 * <p>The queries' state — windows, aggregates, partial matches, tables — lives in Beam state and timers, so a runner
 * that checkpoints them (the FlinkRunner, with Flink's barrier snapshots) restores it after a failure.
 */
public final class SiddhiTransform extends PTransform<PCollectionTuple, PCollectionTuple> {
    private static final long serialVersionUID = 1L;

    private final AppPlan plan;
    private final AppClock clock;

    private SiddhiTransform(AppPlan plan, AppClock clock) {
        super("Siddhi " + plan.name());
        this.plan = plan;
        this.clock = clock;
    }

    /**
     * Compiles an app.
     *
     * @throws CompileException naming the line and column of what is wrong with the app
     */
    public static SiddhiTransform of(String appText) {
        AppPlan plan = new AppCompiler().compile(appText);
        return new SiddhiTransform(plan, AppClock.EVENT_TIME);
    }

    /**
     * The same app on the wall clock, as a live Siddhi app runs: each event is processed when it arrives, stamped
     * with the time it arrived (its Beam timestamp is not read), and time windows, rate limits and timeouts follow
     * the machine's clock.
     */
    public SiddhiTransform withProcessingTime() {
        return new SiddhiTransform(plan, AppClock.PROCESSING_TIME);
    }

    /** The app's name ({@code @app:name}). */
    public String appName() {
        return plan.name();
    }

    /** The Beam schema of one of the app's streams: what input rows must have, and what output rows have. */
    public Schema schemaOf(String stream) {
        StreamSchema schema = plan.stream(stream);
        if (schema == null) {
            throw new IllegalArgumentException("the app has no stream '" + stream + "'; its streams are "
                    + plan.streams().keySet());
        }
        return RowEvents.schemaOf(schema);
    }

    @Override
    public PCollectionTuple expand(PCollectionTuple input) {
        GraphLayout layout = GraphLayout.of(plan);
        List<String> appInputs = plan.inputStreams();
        List<PCollection<SequencedEvent>> events = new ArrayList<>();
        for (Map.Entry<TupleTag<?>, PCollection<?>> entry : input.getAll().entrySet()) {
            String stream = entry.getKey().getId();
            if (!appInputs.contains(stream)) {
                throw new IllegalArgumentException("input '" + stream + "' is not an input stream of app '"
                        + plan.name() + "'; its input streams are " + appInputs);
            }
            PCollection<Row> rows = rowsOf(stream, entry.getValue());
            events.add(rows.apply("Events of " + stream,
                            ParDo.of(new RowsToEvents(layout.inputStreams().indexOf(stream))))
                    .setCoder(SequencedEventCoder.of(layout.inputSchemas())));
        }
        PCollectionTuple streams = PCollectionList.of(events)
                .apply("All input streams", Flatten.pCollections())
                .setCoder(SequencedEventCoder.of(layout.inputSchemas()))
                .apply("Queries", new SiddhiGraph(layout, clock));
        PCollectionTuple output = PCollectionTuple.empty(input.getPipeline());
        for (String stream : layout.outputs()) {
            Schema schema = RowEvents.schemaOf(layout.outputSchemas().get(layout.outputs().indexOf(stream)));
            PCollection<Row> rows = streams.get(layout.outputTag(stream))
                    .apply("Rows of " + stream, ParDo.of(new EventsToRows(schema)))
                    .setRowSchema(schema);
            output = output.and(new TupleTag<Row>(stream), rows);
        }
        return output;
    }

    /** The collection tagged with an input stream's name, checked to hold rows of the stream's schema. */
    private PCollection<Row> rowsOf(String stream, PValue value) {
        @SuppressWarnings("unchecked")
        PCollection<Row> rows = (PCollection<Row>) value;
        Schema expected = schemaOf(stream);
        if (!rows.hasSchema() || !describe(rows.getSchema()).equals(describe(expected))) {
            throw new IllegalArgumentException("input '" + stream + "' must be rows of " + describe(expected)
                    + (rows.hasSchema() ? ", not " + describe(rows.getSchema()) : "; it has no schema")
                    + " (see SiddhiTransform.schemaOf)");
        }
        return rows;
    }

    /**
     * A schema as its fields' names and types, e.g. {@code (symbol STRING, price DOUBLE)}: what rows must agree on
     * (nullability aside: the stream's fields are nullable, and rows that never hold nulls fit them too).
     */
    private static String describe(Schema schema) {
        return schema.getFields().stream().map(f -> f.getName() + " " + f.getType().getTypeName())
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static final class RowsToEvents extends DoFn<Row, SequencedEvent> {
        private static final long serialVersionUID = 1L;
        private final int stream;

        RowsToEvents(int stream) {
            this.stream = stream;
        }

        @ProcessElement
        public void process(@Element Row row, @Timestamp org.joda.time.Instant timestamp,
                OutputReceiver<SequencedEvent> out) {
            out.output(new SequencedEvent(stream, 0, RowEvents.toEvent(row, timestamp.getMillis())));
        }
    }
}
