package org.siddhiql.flink.translate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.DataStreamUtils;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.OutputTag;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.compiler.plan.Keying;
import org.siddhiql.compiler.plan.PartitionPlan;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.flink.operator.PartitionSplitter;
import org.siddhiql.flink.operator.QueryGraphOperator;
import org.siddhiql.flink.operator.QueryKeySelector;
import org.siddhiql.flink.operator.StatelessQueryFunction;
import org.siddhiql.flink.operator.StreamSelector;
import org.siddhiql.flink.operator.StreamTagger;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.flink.operator.TimeMode;
import org.siddhiql.flink.typeutils.EventTypeInfo;
import org.siddhiql.flink.typeutils.TaggedEventTypeInfo;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.fault.StreamFaults;

/**
 * Turns an {@link AppPlan} into DataStream operators.
 *
 * <p>Siddhi's results depend on the order in which each stateful query sees its events, and on the order in which
 * several queries feeding one stream interleave. Flink keeps order along a single channel only, so the queries whose
 * results depend on it form the <em>sequential part</em> of the app: they run fused in one {@link QueryGraphOperator}
 * on one key, which passes events between them exactly as Siddhi does: the queries with global state, stateful
 * queries reading other queries' output (whose chunk boundaries matter), every query feeding a stateful query, and
 * the queries writing to a stream that other queries write to too (whose interleaving matters). The rest — group-by
 * queries over external input, whose state splits by key, and stateless queries, whose outputs feed only sinks or
 * other such queries — run as their own operators at full parallelism, where only the order per key is kept (as
 * FORMAT.md allows). The split is the same at every parallelism, so savepoints restore at any other.
 */
public final class FlinkTranslator {
    private final AppPlan plan;
    private final TimeMode timeMode;
    private final int parallelism;
    private final List<String> streamNames;
    private final TaggedEventTypeInfo taggedType;
    private final Map<String, List<DataStream<Event>>> parts = new LinkedHashMap<>();
    private final Set<String> external;
    private DataStream<TaggedEvent> input;

    private FlinkTranslator(AppPlan plan, Set<String> external, TimeMode timeMode, int parallelism) {
        this.plan = plan;
        this.timeMode = timeMode;
        this.parallelism = parallelism;
        this.streamNames = new ArrayList<>(plan.streams().keySet());
        this.taggedType = new TaggedEventTypeInfo(new ArrayList<>(plan.streams().values()));
        this.external = new HashSet<>(external);
    }

    /**
     * @param input every external event, in time order, tagged with the index of its stream in
     *     {@code plan.streams()}, from a parallelism-1 operator (the playback clock, for event-time runs)
     * @param external the streams that have events in {@code input}
     * @param parallelism the parallelism of the operators that may run in parallel
     * @return each stream that queries insert into, and each input that a parallel query reads
     */
    public static Map<String, DataStream<Event>> translate(AppPlan plan, DataStream<TaggedEvent> input,
            Set<String> external, TimeMode timeMode, int parallelism) {
        return new FlinkTranslator(plan, external, timeMode, parallelism).translate(input);
    }

    /** The operator uid of the sequential part. */
    public static final String SEQUENTIAL_UID = "siddhi-sequential";

    /** The operator uid of a query running alone: derived from its name, so it survives edits elsewhere. */
    public static String uid(QueryPlan query) {
        return "siddhi-query-" + query.name();
    }

    /**
     * The queries that must run fused, in order, on one key; see the class comment. The split is the same at every
     * parallelism, since a savepoint maps state to operators by uid: a query keeps its operator when a job is resumed
     * at another parallelism, 1 included.
     *
     * <p>That makes a group-by query over an input stream run alone at parallelism 1 too, and two operators' outputs
     * interleave in no fixed order. So a query runs alone
     * only when no other query writes to its output stream, or to those of the queries downstream of it: every
     * stream then has one producing operator, and its events keep that operator's order. A query whose outputs share
     * a stream with others runs in the sequential part at every parallelism, where the interleaving is Siddhi's.
     */
    public static List<QueryPlan> sequentialQueries(AppPlan plan) {
        Set<QueryPlan> afterPartitions = new HashSet<>(plan.queriesAfterPartitions());
        Set<QueryPlan> sequential = new HashSet<>();
        for (QueryPlan q : plan.queries()) {
            if (!afterPartitions.contains(q)
                    && (q.keying() == Keying.GLOBAL
                            || q.isStateful() && readsQueryOutput(plan, q)
                            || feedsStatefulQuery(plan, q.outputStream(), new HashSet<>())
                            || touchesFaultStream(plan, q)
                            || sharesOutputStream(plan, q))) {
                sequential.add(q);
            }
        }
        // The sequential operator reads only the app's input: whatever feeds a query in it runs in it too.
        boolean grown = true;
        while (grown) {
            grown = false;
            for (QueryPlan q : plan.queries()) {
                if (!sequential.contains(q) && !afterPartitions.contains(q)
                        && sequential.stream().anyMatch(s -> s.inputStreams().contains(q.outputStream()))) {
                    sequential.add(q);
                    grown = true;
                }
            }
        }
        return plan.queries().stream().filter(sequential::contains).collect(Collectors.toList());
    }

    /** Whether another query (outside partitions) writes to the query's output stream. */
    private static boolean sharesOutputStream(AppPlan plan, QueryPlan query) {
        return plan.queries().stream()
                .anyMatch(other -> other != query && other.outputStream().equals(query.outputStream()));
    }

    /**
     * A failure while a stream's chunk passes through its readers stops the later readers and, with
     * {@code @OnError(action='STREAM')}, feeds the stream's fault stream. For a stream with {@code @OnError} that takes
     * all readers of the stream and of its fault stream into one operator, in order; on a stream without it, readers
     * running in other operators still see an event that failed elsewhere (FORMAT.md).
     */
    private static boolean touchesFaultStream(AppPlan plan, QueryPlan query) {
        return query.inputStreams().stream()
                .anyMatch(s -> StreamFaults.isFaultStream(s) || plan.faults().isAnnotated(s));
    }

    /** The operator uid of a partition's queries. */
    public static String uid(PartitionPlan partition) {
        return "siddhi-" + partition.name();
    }

    /**
     * A query's output chunks keep their boundaries only inside the sequential operator, and a stateful query's
     * results depend on them (one output per group per chunk), so a stateful reader of query output runs there.
     */
    private static boolean readsQueryOutput(AppPlan plan, QueryPlan query) {
        return plan.queries().stream().anyMatch(p -> query.inputStreams().contains(p.outputStream()));
    }

    private static boolean feedsStatefulQuery(AppPlan plan, String stream, Set<String> seen) {
        if (!seen.add(stream)) {
            return false;
        }
        for (QueryPlan reader : plan.queries()) {
            if (reader.inputStreams().contains(stream)
                    && (reader.isStateful() || feedsStatefulQuery(plan, reader.outputStream(), seen))) {
                return true;
            }
        }
        return false;
    }

    private Map<String, DataStream<Event>> translate(DataStream<TaggedEvent> input) {
        this.input = input;
        List<QueryPlan> sequential = sequentialQueries(plan);
        if (!sequential.isEmpty()) {
            sequentialPart(sequential, input);
        }
        for (PartitionPlan partition : plan.partitions()) {
            partitionPart(partition, input);
        }
        List<QueryPlan> remaining = new ArrayList<>(plan.queries());
        remaining.removeAll(sequential);
        // Parallel queries read external streams, the sequential part's outputs or each other's: translate each once
        // all producers of its input are done. The planner rejects cycles, so this terminates.
        while (!remaining.isEmpty()) {
            QueryPlan next = remaining.stream()
                    .filter(q -> remaining.stream().noneMatch(p -> q.inputStreams().contains(p.outputStream())))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("queries " + remaining + " feed each other in a "
                            + "cycle: cycles between queries are not supported yet"));
            remaining.remove(next);
            DataStream<Event> in = stream(next.input().name());
            if (in != null) {
                parts.computeIfAbsent(next.outputStream(), s -> new ArrayList<>()).add(parallelQuery(next, in));
            }
        }
        Map<String, DataStream<Event>> streams = new LinkedHashMap<>();
        for (String name : streamNames) {
            if (external.contains(name) && !parts.containsKey(name)) {
                continue; // an input no query outside the sequential part reads: nothing to select
            }
            DataStream<Event> stream = stream(name);
            if (stream != null) {
                streams.put(name, stream);
            }
        }
        return streams;
    }

    private void sequentialPart(List<QueryPlan> queries, DataStream<TaggedEvent> input) {
        Map<String, OutputTag<Event>> exported = new LinkedHashMap<>();
        for (QueryPlan query : queries) {
            if (plan.stream(query.outputStream()) == null || query.aggregation() != null) {
                continue; // tables, named windows and aggregations keep their contents in the operator's state
            }
            exported.putIfAbsent(query.outputStream(),
                    new OutputTag<>(query.outputStream(), EventTypeInfo.of(query.output())));
        }
        String names = queries.stream().map(QueryPlan::name).collect(Collectors.joining(", "));
        // One key on one instance behind a parallelism-1 input: the input is already "partitioned", so it can be
        // reinterpreted as keyed and chained, instead of shuffled to itself.
        KeyedStream<TaggedEvent, String> keyed = input.getParallelism() == 1
                ? DataStreamUtils.reinterpretAsKeyedStream(input, QueryKeySelector.global(), Types.STRING)
                : input.keyBy(QueryKeySelector.global());
        SingleOutputStreamOperator<TaggedEvent> operator = keyed
                .transform("siddhi queries [" + names + "]", taggedType,
                        new QueryGraphOperator(queries, streamNames, exported, timeMode, plan.faults(), null))
                .setParallelism(1)
                // A fixed uid: each query's state names start with the query's name, so a query added to or removed
                // from the sequential part leaves the others' state where a savepoint expects it.
                .uid(SEQUENTIAL_UID);
        exported.forEach((stream, tag) ->
                parts.computeIfAbsent(stream, s -> new ArrayList<>()).add(operator.getSideOutput(tag)));
    }

    /**
     * A partition's queries in one operator keyed by the partition key, at the job's parallelism: each key's windows,
     * aggregates, partial matches and inner streams are keyed state, so they checkpoint and rescale with their key
     * group. The splitter in front emits one copy of an event per partition key (one per matching range).
     */
    private void partitionPart(PartitionPlan partition, DataStream<TaggedEvent> input) {
        Map<String, OutputTag<Event>> exported = new LinkedHashMap<>();
        for (QueryPlan query : partition.queries()) {
            if (!PartitionPlan.isInner(query.outputStream())) {
                exported.putIfAbsent(query.outputStream(),
                        new OutputTag<>(query.outputStream(), EventTypeInfo.of(query.output())));
            }
        }
        String names = partition.queries().stream().map(QueryPlan::name).collect(Collectors.joining(", "));
        SingleOutputStreamOperator<TaggedEvent> operator = input
                .flatMap(new PartitionSplitter(partition, streamNames), taggedType)
                .name(partition.name() + " keys of " + String.join(", ", partition.partitionedStreams()))
                .setParallelism(input.getParallelism())
                .keyBy(QueryKeySelector.partitionKey())
                .transform("siddhi " + partition.name() + " [" + names + "]", taggedType,
                        new QueryGraphOperator(partition.queries(), streamNames, exported, timeMode,
                        plan.faults(), partition.purge()))
                .uid(uid(partition))
                .setParallelism(parallelism);
        exported.forEach((stream, tag) ->
                parts.computeIfAbsent(stream, s -> new ArrayList<>()).add(operator.getSideOutput(tag)));
    }

    private DataStream<Event> parallelQuery(QueryPlan query, DataStream<Event> input) {
        EventTypeInfo outputType = EventTypeInfo.of(query.output());
        String name = PlanDescriber.operatorName(query);
        if (!query.isStateful()) {
            // Forward from its input, so each key keeps its order.
            return input.process(new StatelessQueryFunction(query), outputType).name(name).uid(uid(query))
                    .setParallelism(input.getParallelism());
        }
        OutputTag<Event> output = new OutputTag<>(query.outputStream(), outputType);
        int index = streamNames.indexOf(query.input().name());
        SingleOutputStreamOperator<TaggedEvent> operator = input
                .map(new StreamTagger(index), taggedType).name("tag " + query.input().name())
                .setParallelism(input.getParallelism())
                .keyBy(QueryKeySelector.of(query))
                .transform(name, taggedType, new QueryGraphOperator(List.of(query), streamNames,
                        Map.of(query.outputStream(), output), timeMode, plan.faults(), null))
                .uid(uid(query))
                .setParallelism(parallelism);
        return operator.getSideOutput(output);
    }

    /** A stream's events: its external input, if any, and what the queries translated so far insert into it. */
    private DataStream<Event> stream(String name) {
        if (external.remove(name)) { // first use: select it out of the tagged input
            parts.computeIfAbsent(name, s -> new ArrayList<>()).add(0, input
                    .process(new StreamSelector(streamNames.indexOf(name)), EventTypeInfo.of(plan.stream(name)))
                    .name("select " + name).setParallelism(1));
        }
        List<DataStream<Event>> streamParts = parts.get(name);
        if (streamParts == null || streamParts.isEmpty()) {
            return null;
        }
        DataStream<Event> stream = streamParts.get(0);
        if (streamParts.size() > 1) {
            @SuppressWarnings("unchecked")
            DataStream<Event>[] others = streamParts.subList(1, streamParts.size()).toArray(new DataStream[0]);
            stream = stream.union(others);
            parts.put(name, new ArrayList<>(List.of(stream)));
        }
        return stream;
    }
}
