package org.siddhiql.beam.runtime;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.beam.sdk.values.TupleTag;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.compiler.plan.PartitionPlan;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.fault.StreamFaults;

/**
 * How an app's queries are laid out in {@link AppGraphFn}, decided when the pipeline is built: the stages, the
 * streams events arrive on and the streams that leave the graph, each with its index and schema.
 */
public final class GraphLayout implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<String> inputStreams;
    private final List<StreamSchema> inputSchemas;
    private final List<QueryPlan> globalQueries;
    private final List<PartitionPlan> partitions;
    private final List<QueryPlan> queriesAfterPartitions;
    private final Set<String> readAfterPartitions = new HashSet<>();
    private final List<String> outputs = new ArrayList<>();
    private final List<StreamSchema> outputSchemas = new ArrayList<>();
    private final Map<String, Integer> outputIndex = new HashMap<>();
    private final StreamFaults faults;

    private GraphLayout(AppPlan plan) {
        this.inputStreams = List.copyOf(plan.streams().keySet());
        this.inputSchemas = List.copyOf(plan.streams().values());
        this.partitions = List.copyOf(plan.partitions());
        this.queriesAfterPartitions = plan.queriesAfterPartitions();
        List<QueryPlan> global = new ArrayList<>(plan.queries());
        global.removeAll(queriesAfterPartitions);
        this.globalQueries = List.copyOf(global);
        this.faults = plan.faults();
        queriesAfterPartitions.forEach(q -> readAfterPartitions.addAll(q.inputStreams()));
        Set<QueryPlan> writers = new LinkedHashSet<>(globalQueries);
        partitions.forEach(p -> writers.addAll(p.queries()));
        writers.addAll(queriesAfterPartitions);
        for (QueryPlan query : writers) {
            String stream = query.outputStream();
            // Tables, named windows and aggregations keep their contents in state; inner streams stay in partitions.
            if (plan.stream(stream) != null && query.aggregation() == null && !PartitionPlan.isInner(stream)
                    && !outputIndex.containsKey(stream)) {
                outputIndex.put(stream, outputs.size());
                outputs.add(stream);
                outputSchemas.add(query.output());
            }
        }
    }

    public static GraphLayout of(AppPlan plan) {
        return new GraphLayout(plan);
    }

    /** The app's streams, indexed as input {@link SequencedEvent}s refer to them. */
    public List<String> inputStreams() {
        return inputStreams;
    }

    public List<StreamSchema> inputSchemas() {
        return inputSchemas;
    }

    /** The streams queries insert into, indexed as output {@link SequencedEvent}s refer to them. */
    public List<String> outputs() {
        return outputs;
    }

    public List<StreamSchema> outputSchemas() {
        return outputSchemas;
    }

    /** The output with this stream's events; the tag's id is the stream's name. */
    public TupleTag<SequencedEvent> outputTag(String stream) {
        return new TupleTag<>(stream);
    }

    List<QueryPlan> globalQueries() {
        return globalQueries;
    }

    List<PartitionPlan> partitions() {
        return partitions;
    }

    List<QueryPlan> queriesAfterPartitions() {
        return queriesAfterPartitions;
    }

    /** The streams whose events the kernels hand out: the outputs, and what the queries after partitions read. */
    Set<String> exported() {
        Set<String> exported = new HashSet<>(outputs);
        exported.addAll(readAfterPartitions);
        return exported;
    }

    boolean readAfterPartitions(String stream) {
        return readAfterPartitions.contains(stream);
    }

    Integer outputIndex(String stream) {
        return outputIndex.get(stream);
    }

    StreamFaults faults() {
        return faults;
    }
}
