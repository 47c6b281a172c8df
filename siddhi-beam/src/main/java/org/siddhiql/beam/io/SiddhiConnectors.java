package org.siddhiql.beam.io;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
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
import org.siddhiql.compiler.connector.ConnectorSpec;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.compiler.connector.SourceSpec;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.connectors.log.EventLog;
import org.siddhiql.connectors.map.Mappers;
import org.siddhiql.connectors.map.SinkMapper;
import org.siddhiql.runtime.fault.StreamFaults;

/**
 * A SiddhiQL app with {@code @source} and {@code @sink} annotations as a Beam pipeline: each source read by Beam's IO
 * and mapped by its {@code @map}, the app's queries, and each sink stream mapped by its {@code @map} and written.
 *
 * <pre>{@code
 * Pipeline pipeline = Pipeline.create(options);
 * PCollectionTuple unsunk = pipeline.apply(SiddhiConnectors.of(appText));
 * pipeline.run();
 * }</pre>
 *
 * <p>Sources: {@code kafka} (KafkaIO) and {@code file} (FileIO and TextIO). Sinks: {@code kafka}, {@code file} and
 * {@code log}. Options and mappers are those of the Flink backend, under the same names ({@link KafkaTransforms},
 * {@link FileTransforms}, {@link EventLog}); every {@code @map} type is supported. An annotation of another type
 * ({@code http}, {@code s3}, {@code inMemory}, {@code iceberg}, {@code delta}) is a {@link CompileException} at its
 * position, raised by {@link #of}: Beam has no connector for it here, and an app is never run without one of its
 * connectors. So is a file path on no file system of the pipeline, raised when the pipeline is built (Beam knows
 * its file systems from the pipeline's options).
 *
 * <p>Live sources run on the wall clock, as on the Flink backend: the queries process events as they arrive, and time
 * windows, rate limits and timeouts follow the machine's clock ({@link AppClock#PROCESSING_TIME}). The output
 * streams that have no {@code @sink} are returned, as rows tagged by the stream's name, for the caller to write or
 * ignore.
 */
public final class SiddhiConnectors extends PTransform<PBegin, PCollectionTuple> {
    private static final long serialVersionUID = 1L;
    /** The connector types this class builds, by annotation. */
    public static final Set<String> SOURCE_TYPES = Set.of("kafka", "file");
    public static final Set<String> SINK_TYPES = Set.of("kafka", "file", "log");

    private final AppPlan plan;

    private SiddhiConnectors(AppPlan plan) {
        super("Siddhi " + plan.name());
        this.plan = plan;
    }

    /**
     * Compiles an app and checks that Beam has a connector for each of its annotations.
     *
     * @throws CompileException naming the line and column of what is wrong with the app, such as a connector type
     *     the Beam backend does not support
     * @throws IllegalArgumentException when the app has no {@code @source}: nothing would feed it
     */
    public static SiddhiConnectors of(String appText) {
        AppPlan plan = new AppCompiler().compile(appText);
        if (plan.sources().isEmpty()) {
            throw new IllegalArgumentException("app '" + plan.name() + "' has no @source: nothing would feed it");
        }
        plan.sources().forEach(spec -> requireSupported(spec, "@source", "reads", SOURCE_TYPES));
        for (SinkSpec spec : plan.sinks()) {
            requireSupported(spec, "@sink", "writes", SINK_TYPES);
            if (plan.inputStreams().contains(spec.stream())) {
                throw new CompileException(spec.line(), spec.column(), "@sink on input stream '" + spec.stream()
                        + "' is not supported yet: insert into another stream and sink that");
            }
            if (spec.type().equals("kafka")) {
                KafkaTransforms.requireAtLeastOnce(spec);
            }
        }
        // What the mappers' libraries check (a JSONPath, an Avro schema) fails here rather than in a worker.
        plan.sources().forEach(spec -> Mappers.source(spec, plan.stream(spec.stream())));
        plan.sinks().forEach(spec -> Mappers.sink(spec, plan.stream(spec.stream())));
        return new SiddhiConnectors(plan);
    }

    private static void requireSupported(ConnectorSpec spec, String annotation, String does, Set<String> types) {
        if (!types.contains(spec.type())) {
            throw new CompileException(spec.line(), spec.column(), annotation + " of stream '" + spec.stream()
                    + "' has type '" + spec.type() + "', which the Beam engine has no connector for: it " + does
                    + " " + new TreeSet<>(types).stream().map(t -> "'" + t + "'").collect(Collectors.joining(", "))
                    + " (the flink engine runs them all)");
        }
    }

    /** The app's name ({@code @app:name}). */
    public String appName() {
        return plan.name();
    }

    /** The output streams without a {@code @sink}, which {@link #expand} returns, in the app's order. */
    public List<String> unsunkStreams() {
        Set<String> sunk = plan.sinks().stream().map(SinkSpec::stream).collect(Collectors.toSet());
        return GraphLayout.of(plan).outputs().stream().filter(stream -> !sunk.contains(stream)).toList();
    }

    @Override
    public PCollectionTuple expand(PBegin begin) {
        GraphLayout layout = GraphLayout.of(plan);
        SequencedEventCoder inputCoder = SequencedEventCoder.of(layout.inputSchemas());
        List<PCollection<SequencedEvent>> inputs = new ArrayList<>();
        Map<String, Integer> perStream = new HashMap<>();
        for (SourceSpec spec : plan.sources()) {
            String name = name("source", spec, perStream);
            PCollection<SequencedEvent> events = spec.type().equals("kafka")
                    ? KafkaTransforms.read(begin, spec, mapping(spec, layout), name)
                    : FileTransforms.read(begin, spec, mapping(spec, layout), name);
            inputs.add(events.setCoder(inputCoder));
        }
        PCollectionTuple streams = PCollectionList.of(inputs)
                .apply("All sources", Flatten.pCollections())
                .setCoder(inputCoder)
                .apply("Queries", new SiddhiGraph(layout, AppClock.PROCESSING_TIME));
        perStream.clear();
        for (SinkSpec spec : plan.sinks()) {
            if (!layout.outputs().contains(spec.stream())) {
                continue; // the queries producing it read only streams without sources: it never has events
            }
            write(streams.get(layout.outputTag(spec.stream())), spec, name("sink", spec, perStream));
        }
        PCollectionTuple unsunk = PCollectionTuple.empty(begin.getPipeline());
        for (String stream : unsunkStreams()) {
            Schema schema = RowEvents.schemaOf(plan.stream(stream));
            PCollection<Row> rows = streams.get(layout.outputTag(stream))
                    .apply("Rows of " + stream, ParDo.of(new EventsToRows(schema)))
                    .setRowSchema(schema);
            unsunk = unsunk.and(new TupleTag<Row>(stream), rows);
        }
        return unsunk;
    }

    private RecordEvents mapping(SourceSpec spec, GraphLayout layout) {
        List<String> streams = layout.inputStreams();
        return new RecordEvents(spec.stream(), streams.indexOf(spec.stream()),
                streams.indexOf(StreamFaults.faultStreamOf(spec.stream())), plan.stream(spec.stream()).size(),
                Mappers.source(spec, plan.stream(spec.stream())));
    }

    private void write(PCollection<SequencedEvent> events, SinkSpec spec, String name) {
        SinkMapper mapper = Mappers.sink(spec, plan.stream(spec.stream()));
        if (spec.type().equals("log")) {
            events.apply(name, ParDo.of(new LogEvents(new EventLog(spec, plan.name(), mapper))));
            return;
        }
        PCollection<byte[]> records = events.apply(name + " records", ParDo.of(new ToRecords(mapper)))
                .setCoder(ByteArrayCoder.of());
        if (spec.type().equals("kafka")) {
            records.apply(name, KafkaTransforms.write(spec).values());
        } else {
            records.apply(name, FileTransforms.write(spec));
        }
    }

    /** {@code kafka sink Alerts 0}: the first kafka sink of stream Alerts; step names are unique in a pipeline. */
    private static String name(String kind, ConnectorSpec spec, Map<String, Integer> perStream) {
        int index = perStream.merge(spec.stream(), 1, Integer::sum) - 1;
        return spec.type() + " " + kind + " " + spec.stream() + " " + index;
    }

    private static final class ToRecords extends DoFn<SequencedEvent, byte[]> {
        private static final long serialVersionUID = 1L;
        private final SinkMapper mapper;

        ToRecords(SinkMapper mapper) {
            this.mapper = mapper;
        }

        @ProcessElement
        public void process(@Element SequencedEvent event, OutputReceiver<byte[]> out) {
            out.output(mapper.toBytes(event.event()));
        }
    }

    private static final class LogEvents extends DoFn<SequencedEvent, Void> {
        private static final long serialVersionUID = 1L;
        private final EventLog log;

        LogEvents(EventLog log) {
            this.log = log;
        }

        @ProcessElement
        public void process(@Element SequencedEvent event) {
            log.log(event.event());
        }
    }
}
