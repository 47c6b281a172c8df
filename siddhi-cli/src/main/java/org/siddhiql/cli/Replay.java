package org.siddhiql.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.connectors.spi.ConnectorProviders;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.flink.typeutils.TaggedEventTypeInfo;
import org.siddhiql.runtime.event.Event;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/siddhi replay}: the app over the history held in tables, in event time, with the graph of
 * {@code run --events} ({@link EmbeddedRun#playback}), so that a replay of the events a live run saw gives what the
 * live run gave.
 *
 * <p>The job runs in Flink's STREAMING mode over bounded input, not in BATCH mode: BATCH sorts each keyed input by
 * key, drops watermarks and fires event-time timers only when a key's input ends, while Siddhi's playback clock is one
 * app-wide clock that every query's windows and patterns follow event by event. Tried: the same time-sorted events
 * from a bounded source in BATCH mode gave other outputs than the live run for 6 of the 10 apps of ReplayITCase
 * (windows, group-by, join, partition, absence), already at parallelism 1.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Runs an app over the rows of Iceberg or Delta tables, in event time, as "
        + "run --events runs it over an events file: each --from table feeds a stream, all rows in the order of "
        + "their event-time attribute (ties: --from order, then the table's row order).",
        "The app's own @source annotations are not used: streams without --from get no events. Output streams go to "
        + "OUTDIR/<Stream>.jsonl (or the terminal); with --sinks, those with an iceberg or delta @sink go to that "
        + "table instead, committed once when the replay ends.",
        "All replayed rows are held and sorted in the memory of one task."})
final class Replay extends SiddhiCli.AppCommand {
    private static final Set<String> TABLE_SINKS = Set.of("iceberg", "delta");

    @Option(names = "--from", required = true, paramLabel = "STREAM=ADDRESS", description = {"a stream and the table "
            + "that feeds it: iceberg:NAMESPACE.TABLE[@SNAPSHOT|@ISO-INSTANT|@TAG] or delta:PATH[@VERSION|@ISO-INSTANT]"
            + "; repeatable"})
    List<String> from = new ArrayList<>();

    @Option(names = "--event-time", required = true, paramLabel = "ATTR", description = {"the long attribute (epoch "
            + "milliseconds) that gives each row's event time; STREAM.ATTR for one stream; repeatable"})
    List<String> eventTime = new ArrayList<>();

    @Option(names = "--out", paramLabel = "OUTDIR",
            description = "write OUTDIR/<Stream>.jsonl per output stream (default: print to the terminal)")
    Path out;

    @Option(names = "--option", paramLabel = "KEY=VALUE", description = {"where the tables lie, by the connector "
            + "option names: catalog.type, catalog.name, warehouse, uri, jdbc.user, jdbc.password, endpoint, "
            + "path.style.access, aws.access.key, aws.secret.key, aws.region, ..."})
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--sinks", description = "write output streams that have an iceberg or delta @sink to that "
            + "table (one commit at the end) instead of OUTDIR")
    boolean sinks;

    @Option(names = "--parallelism", defaultValue = "1", description = "job parallelism (default: ${DEFAULT-VALUE})")
    int parallelism;

    @Override
    int execute(AppPlan plan) throws Exception {
        if (parallelism < 1) {
            throw new UserError("error: --parallelism must be at least 1");
        }
        if (out != null) {
            EmbeddedRun.requireDirectory(out);
        }
        TableInputs tables = new TableInputs(plan, options, new TableInputs.EventTimes(eventTime));
        List<TableInput> inputs = new ArrayList<>();
        for (String table : from) {
            try {
                inputs.add(tables.resolve(table));
            } catch (IllegalArgumentException e) {
                throw new UserError("error: " + e.getMessage());
            }
        }
        Set<String> fed = tables.fed(inputs);
        List<String> outputs = new ArrayList<>(plan.outputStreams());
        outputs.removeAll(fed);
        List<SinkSpec> tableSinks = sinks ? tableSinks(plan, outputs) : List.of();
        tableSinks.forEach(spec -> outputs.remove(spec.stream()));
        if (out != null) {
            Files.createDirectories(out);
            for (String stream : outputs) {
                Files.write(out.resolve(stream + ".jsonl"), new byte[0]);
            }
        }
        StreamExecutionEnvironment env = environment();
        TaggedEventTypeInfo type = new TaggedEventTypeInfo(new ArrayList<>(plan.streams().values()));
        DataStream<TaggedEvent> rows = addSource(env, new TableReplaySource(inputs, options), type);
        Map<String, DataStream<Event>> streams = EmbeddedRun.playback(plan, rows, fed, parallelism);
        EmbeddedRun.writeOutputs(streams, outputs, out);
        Map<String, Integer> perStream = new java.util.HashMap<>();
        for (SinkSpec spec : tableSinks) {
            DataStream<Event> events = streams.get(spec.stream());
            int index = perStream.merge(spec.stream(), 1, Integer::sum) - 1;
            if (events != null) { // null: its producing queries read streams that get no events
                // the uids of a live run's sinks: a Delta sink's transaction ids derive from them
                ConnectorProviders.sink(spec.type()).addSink(events, spec, plan,
                        "siddhi-sink-" + spec.stream() + "-" + index);
            }
        }
        env.execute(plan.name() + " replay");
        return 0;
    }

    /** The iceberg and delta {@code @sink}s of the output streams; without checkpoints they commit at the end. */
    private static List<SinkSpec> tableSinks(AppPlan plan, List<String> outputs) {
        List<SinkSpec> specs = new ArrayList<>();
        for (SinkSpec spec : plan.sinks()) {
            if (outputs.contains(spec.stream()) && TABLE_SINKS.contains(spec.type())) {
                specs.add(spec);
            }
        }
        return specs;
    }

    @SuppressWarnings("deprecation") // addSource: see TableReplaySource
    private static DataStream<TaggedEvent> addSource(StreamExecutionEnvironment env, TableReplaySource source,
            TaggedEventTypeInfo type) {
        return env.addSource(source, "tables", type).setParallelism(1);
    }

    /** As {@code run --events} configures its environment, in STREAMING mode (see the class comment). */
    private StreamExecutionEnvironment environment() {
        Configuration config = new Configuration();
        config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        env.setParallelism(parallelism);
        env.getConfig().disableGenericTypes();
        return env;
    }
}
