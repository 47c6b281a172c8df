package org.siddhiql.examples.beam;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.Validation;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PDone;
import org.apache.beam.sdk.values.Row;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Instant;
import org.siddhiql.beam.SiddhiTransform;

/**
 * A Beam pipeline with a SiddhiQL app in it: trades from CSV lines go through {@code trade-alerts.siddhi} (per-minute
 * volumes by symbol, and price spikes), and each of the app's output streams is written as CSV.
 *
 * <pre>
 * --input=trades.csv --output=DIR [--runner=DirectRunner | --runner=FlinkRunner --streaming=true ...]
 * </pre>
 *
 * <p>An input line is {@code time,symbol,price,volume}, the time an ISO-8601 instant; it becomes the trade's event
 * time, which is the app's clock. The output is {@code DIR/Volumes.csv} and {@code DIR/Spikes.csv}.
 */
public final class TradeAlerts {
    /** What the pipeline reads and writes; the chosen runner's own flags come with the rest of the options. */
    public interface Options extends PipelineOptions {
        @Description("Trades as CSV lines time,symbol,price,volume (a file or a glob)")
        @Validation.Required
        String getInput();

        void setInput(String input);

        @Description("The directory to write one CSV file per output stream of the app to")
        @Validation.Required
        String getOutput();

        void setOutput(String output);
    }

    private TradeAlerts() {
    }

    public static void main(String[] args) {
        Options options = PipelineOptionsFactory.fromArgs(args).withValidation().as(Options.class);
        Pipeline pipeline = Pipeline.create(options);
        SiddhiTransform app = SiddhiTransform.of(resource("trade-alerts.siddhi"));

        PCollection<Row> trades = pipeline
                .apply("Read trades", TextIO.read().from(options.getInput()))
                .apply("Parse trades", new ParseTrades(app.schemaOf("Trades")));
        PCollectionTuple alerts = PCollectionTuple.of("Trades", trades).apply("Trade alerts", app);
        alerts.<Row>get("Volumes").apply("Write volumes", new WriteCsv(options.getOutput() + "/Volumes"));
        alerts.<Row>get("Spikes").apply("Write spikes", new WriteCsv(options.getOutput() + "/Spikes"));

        pipeline.run().waitUntilFinish();
    }

    /** CSV lines {@code time,symbol,price,volume} as rows of the app's Trades stream, each at its trade's time. */
    static final class ParseTrades extends PTransform<PCollection<String>, PCollection<Row>> {
        private static final long serialVersionUID = 1L;
        private final Schema schema;

        ParseTrades(Schema schema) {
            this.schema = schema;
        }

        @Override
        public PCollection<Row> expand(PCollection<String> lines) {
            return lines.apply("At trade time", ParDo.of(new ParseTradeFn(schema))).setRowSchema(schema);
        }
    }

    private static final class ParseTradeFn extends DoFn<String, Row> {
        private static final long serialVersionUID = 1L;
        private final Schema schema;

        ParseTradeFn(Schema schema) {
            this.schema = schema;
        }

        @ProcessElement
        public void process(@Element String line, OutputReceiver<Row> out) {
            String[] fields = line.split(",");
            Row trade = Row.withSchema(schema)
                    .addValues(fields[1], Double.parseDouble(fields[2]), Long.parseLong(fields[3]))
                    .build();
            out.outputWithTimestamp(trade, Instant.parse(fields[0]));
        }
    }

    /** Rows as CSV lines of their values, in one file {@code prefix.csv}. */
    static final class WriteCsv extends PTransform<PCollection<Row>, PDone> {
        private static final long serialVersionUID = 1L;
        private final String prefix;

        WriteCsv(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public PDone expand(PCollection<Row> rows) {
            return rows
                    .apply("As CSV", MapElements.into(TypeDescriptors.strings()).via((Row row) -> row.getValues()
                            .stream().map(String::valueOf).collect(Collectors.joining(","))))
                    .apply("Write CSV", TextIO.write().to(prefix).withSuffix(".csv").withoutSharding());
        }
    }

    private static String resource(String name) {
        try (InputStream in = TradeAlerts.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
