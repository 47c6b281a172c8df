package org.siddhiql.compiler.plan;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.compiler.connector.SourceSpec;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.fault.StreamFaults;

/** A compiled Siddhi app: its streams and its queries in definition order. */
public final class AppPlan implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final Map<String, StreamSchema> streams;
    private final List<QueryPlan> queries;
    private final List<PartitionPlan> partitions;
    private final StreamFaults faults;
    private final List<SourceSpec> sources;
    private final List<SinkSpec> sinks;

    public AppPlan(String name, Map<String, StreamSchema> streams, List<QueryPlan> queries) {
        this(name, streams, queries, List.of());
    }

    public AppPlan(String name, Map<String, StreamSchema> streams, List<QueryPlan> queries,
            List<PartitionPlan> partitions) {
        this(name, streams, queries, partitions, StreamFaults.none());
    }

    public AppPlan(String name, Map<String, StreamSchema> streams, List<QueryPlan> queries,
            List<PartitionPlan> partitions, StreamFaults faults) {
        this(name, streams, queries, partitions, faults, List.of(), List.of());
    }

    public AppPlan(String name, Map<String, StreamSchema> streams, List<QueryPlan> queries,
            List<PartitionPlan> partitions, StreamFaults faults, List<SourceSpec> sources, List<SinkSpec> sinks) {
        this.name = name;
        this.sources = List.copyOf(sources);
        this.sinks = List.copyOf(sinks);
        this.faults = faults;
        this.streams = Collections.unmodifiableMap(new LinkedHashMap<>(streams));
        this.queries = List.copyOf(queries);
        this.partitions = List.copyOf(partitions);
    }

    public String name() {
        return name;
    }

    /** Every stream, defined or inferred from an {@code insert into}, by name in order of appearance. */
    public Map<String, StreamSchema> streams() {
        return streams;
    }

    public StreamSchema stream(String streamName) {
        return streams.get(streamName);
    }

    /** The queries outside partitions, in definition order. */
    public List<QueryPlan> queries() {
        return queries;
    }

    /** The partitions, in definition order; their queries are not in {@link #queries()}. */
    public List<PartitionPlan> partitions() {
        return partitions;
    }

    /** Every query, those inside partitions included. */
    public List<QueryPlan> allQueries() {
        List<QueryPlan> all = new ArrayList<>(queries);
        partitions.forEach(p -> all.addAll(p.queries()));
        return all;
    }

    /** The {@code @OnError} actions of the streams; their fault streams ({@code !S}) are in {@link #streams()}. */
    public StreamFaults faults() {
        return faults;
    }

    /** The {@code @source} annotations of the streams, in definition order. */
    public List<SourceSpec> sources() {
        return sources;
    }

    /** The {@code @sink} annotations of the streams, in definition order. */
    public List<SinkSpec> sinks() {
        return sinks;
    }

    /**
     * Streams no query (also inside a partition) inserts into: the app's inputs. Inner streams are not streams of the
     * app; fault streams are fed by failures only.
     */
    public List<String> inputStreams() {
        List<String> inputs = new ArrayList<>();
        for (String stream : streams.keySet()) {
            if (!StreamFaults.isFaultStream(stream) && allQueries().stream().noneMatch(q -> q.outputStream().equals(stream))) {
                inputs.add(stream);
            }
        }
        return inputs;
    }

    /** Streams some query inserts into, in order of first appearance. */
    public List<String> outputStreams() {
        List<String> outputs = new ArrayList<>();
        for (String stream : streams.keySet()) {
            if (allQueries().stream().anyMatch(q -> q.outputStream().equals(stream))) {
                outputs.add(stream);
            }
        }
        return outputs;
    }

    /**
     * The queries outside partitions that read partition outputs, directly or through each other, in definition
     * order. The compiler admits only stateless ones there (feeding only stateless ones), so backends run them after
     * the partitions.
     */
    public List<QueryPlan> queriesAfterPartitions() {
        Set<String> fed = new HashSet<>();
        partitions.forEach(p -> fed.addAll(p.outputStreams()));
        Set<QueryPlan> after = new LinkedHashSet<>();
        boolean grown = !fed.isEmpty();
        while (grown) {
            grown = false;
            for (QueryPlan query : queries) {
                if (!after.contains(query) && query.inputStreams().stream().anyMatch(fed::contains)) {
                    after.add(query);
                    fed.add(query.outputStream());
                    grown = true;
                }
            }
        }
        return queries.stream().filter(after::contains).toList();
    }
}
