package org.siddhiql.connectors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.connector.ConnectorSpec;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.compiler.connector.SourceSpec;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.connectors.file.FileConnectors;
import org.siddhiql.connectors.http.HttpConnectors;
import org.siddhiql.connectors.inmemory.InMemorySink;
import org.siddhiql.connectors.inmemory.InMemorySource;
import org.siddhiql.connectors.kafka.KafkaConnectors;
import org.siddhiql.connectors.log.LogSink;
import org.siddhiql.connectors.map.Mappers;
import org.siddhiql.connectors.map.RecordMapping;
import org.siddhiql.connectors.s3.S3Connectors;
import org.siddhiql.connectors.spi.ConnectorProviders;
import org.siddhiql.connectors.spi.SinkProvider;
import org.siddhiql.connectors.spi.SourceProvider;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.flink.operator.TimeMode;
import org.siddhiql.flink.translate.FlinkTranslator;
import org.siddhiql.flink.typeutils.TaggedEventTypeInfo;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.fault.StreamFaults;

/**
 * An app whose input streams are read by their {@code @source} connectors and whose {@code @sink} streams are written
 * by theirs, in processing time: the entry point for live apps, apart from {@code run --events} replays.
 *
 * <p>Each source runs at parallelism 1 and their events are merged before the queries, because the translator's
 * sequential part expects one ordered input (the order of events within a Kafka partition is kept; across partitions
 * and topics it is the order of arrival, as in Siddhi). Operator uids derive from stream names and the connector's
 * place among that stream's connectors, so a savepoint's source offsets survive edits elsewhere in the app.
 */
public final class ConnectedApp {
    private ConnectedApp() {
    }

    /**
     * Adds the app's sources, queries and sinks to {@code env}.
     *
     * @return the events of the app's streams, by name, for a caller to write the streams that have no {@code @sink}
     */
    public static Map<String, DataStream<Event>> addTo(StreamExecutionEnvironment env, AppPlan plan,
            int parallelism) {
        if (plan.sources().isEmpty()) {
            throw new IllegalArgumentException("app '" + plan.name() + "' has no @source: nothing would feed it");
        }
        List<String> streamNames = new ArrayList<>(plan.streams().keySet());
        TaggedEventTypeInfo type = new TaggedEventTypeInfo(new ArrayList<>(plan.streams().values()));
        DataStream<TaggedEvent> input = null;
        Map<String, Integer> perStream = new HashMap<>();
        for (SourceSpec spec : plan.sources()) {
            DataStream<TaggedEvent> source = read(env, spec, plan, streamNames.indexOf(spec.stream()), type,
                    uid("source", spec, perStream));
            input = input == null ? source : input.union(source);
        }
        Set<String> external = plan.sources().stream().map(SourceSpec::stream).collect(Collectors.toSet());
        Map<String, DataStream<Event>> streams =
                FlinkTranslator.translate(plan, input, external, TimeMode.PROCESSING_TIME, parallelism);
        perStream.clear();
        for (SinkSpec spec : plan.sinks()) {
            DataStream<Event> events = streams.get(spec.stream());
            if (events == null) {
                if (plan.inputStreams().contains(spec.stream())) {
                    throw new CompileException(spec.line(), spec.column(), "@sink on input stream '"
                            + spec.stream() + "' is not supported yet: insert into another stream and sink that");
                }
                continue; // the queries producing it read only streams without sources: it never has events
            }
            String uid = uid("sink", spec, perStream);
            SinkProvider provider = ConnectorProviders.sink(spec.type());
            if (provider != null) {
                provider.addSink(events, spec, plan, uid);
                continue;
            }
            events.sinkTo(connector(spec, plan, env.getCheckpointConfig().isCheckpointingEnabled(), uid))
                    .name(spec.type() + " sink " + spec.stream())
                    .uid(uid)
                    .setParallelism(events.getParallelism());
        }
        return streams;
    }

    private static DataStream<TaggedEvent> read(StreamExecutionEnvironment env, SourceSpec spec, AppPlan plan,
            int streamIndex, TaggedEventTypeInfo type, String uid) {
        // -1 unless the stream has @OnError(action='STREAM'), which gives it a fault stream for unmapped records
        int faultStreamIndex = new ArrayList<>(plan.streams().keySet())
                .indexOf(StreamFaults.faultStreamOf(spec.stream()));
        SourceProvider provider = ConnectorProviders.source(spec.type());
        if (provider != null) {
            return provider.addSource(env, spec, plan, streamIndex, type, uid);
        }
        RecordMapping mapping = new RecordMapping(spec, plan.stream(spec.stream()), streamIndex, faultStreamIndex);
        if (spec.type().equals("file")) {
            return FileConnectors.source(env, spec, mapping, type, uid);
        }
        if (spec.type().equals("s3")) {
            return S3Connectors.source(env, spec, mapping, type, uid);
        }
        return env.fromSource(connector(spec, mapping, type), WatermarkStrategy.noWatermarks(),
                        spec.type() + " source " + spec.stream(), type)
                .setParallelism(1)
                .uid(uid);
    }

    private static Source<TaggedEvent, ?, ?> connector(SourceSpec spec, RecordMapping mapping,
            TaggedEventTypeInfo type) {
        switch (spec.type()) {
            case "kafka":
                return KafkaConnectors.source(spec, mapping, type);
            case "http":
                return HttpConnectors.source(spec, mapping);
            case "inmemory":
                String topic = spec.option("topic"); // resolves ${NAME} references, as every option read does
                return new InMemorySource(topic == null ? InMemorySource.DEFAULT_TOPIC : topic, mapping);
            default:
                throw new IllegalStateException("the compiler admitted source type '" + spec.type()
                        + "' but Flink has no connector for it");
        }
    }

    /** {@code uid} is stable across restarts and unique in the app: with the app's name it names transactions. */
    private static Sink<Event> connector(SinkSpec spec, AppPlan plan, boolean checkpointing, String uid) {
        switch (spec.type()) {
            case "kafka":
                return KafkaConnectors.sink(spec, plan.stream(spec.stream()), checkpointing,
                        plan.name() + "-" + uid);
            case "file":
                return FileConnectors.sink(spec, plan.stream(spec.stream()));
            case "s3":
                return S3Connectors.sink(spec, plan.stream(spec.stream()));
            case "http":
                return HttpConnectors.sink(spec, plan.stream(spec.stream()));
            case "inmemory":
                return new InMemorySink(spec.option("topic"), Mappers.sink(spec, plan.stream(spec.stream())));
            case "log":
                return new LogSink(spec, plan.name(), Mappers.sink(spec, plan.stream(spec.stream())));
            default:
                throw new IllegalStateException("the compiler admitted sink type '" + spec.type()
                        + "' but Flink has no connector for it");
        }
    }

    /**
     * The options the process running the app must give Flink's file systems ({@code FileSystem.initialize}) for the
     * app's s3 connectors; empty when it has none. See {@link S3Connectors#fileSystemConfiguration}.
     */
    public static Configuration fileSystemConfiguration(AppPlan plan) {
        List<ConnectorSpec> specs = new ArrayList<>(plan.sources());
        specs.addAll(plan.sinks());
        return S3Connectors.fileSystemConfiguration(specs);
    }

    /** {@code siddhi-source-Trades-0}: the first source of stream Trades. */
    private static String uid(String kind, ConnectorSpec spec, Map<String, Integer> perStream) {
        int index = perStream.merge(spec.stream(), 1, Integer::sum) - 1;
        return "siddhi-" + kind + "-" + spec.stream() + "-" + index;
    }
}
