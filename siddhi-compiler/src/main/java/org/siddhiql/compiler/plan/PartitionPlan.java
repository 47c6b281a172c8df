package org.siddhiql.compiler.plan;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.runtime.event.Event;

/**
 * A {@code partition with (...) begin ... end} block: how each partitioned input stream's events map to partition
 * keys, and the queries that run once per key (inner {@code #} streams stay between them, per key). A backend runs
 * the queries in one keyed operator behind a split by {@link #keysOf}, so each key's state is keyed state.
 */
public final class PartitionPlan implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final int line;
    private final Map<String, KeySpec> keys;
    private final List<QueryPlan> queries;
    private final PurgePlan purge;

    public PartitionPlan(String name, int line, Map<String, KeySpec> keys, List<QueryPlan> queries) {
        this(name, line, keys, queries, null);
    }

    /** @param purge the {@code @purge} of idle keys, or null for none */
    public PartitionPlan(String name, int line, Map<String, KeySpec> keys, List<QueryPlan> queries,
            PurgePlan purge) {
        this.name = name;
        this.line = line;
        this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        this.queries = List.copyOf(queries);
        this.purge = purge;
    }

    /** How idle keys are purged, or null when they are kept for ever. */
    public PurgePlan purge() {
        return purge;
    }

    /** {@code partition<N>} by position among the app's partitions; the operator uid derives from it. */
    public String name() {
        return name;
    }

    public int line() {
        return line;
    }

    /** The partitioned (app input) streams, in the order of the partition clause. */
    public List<String> partitionedStreams() {
        return new ArrayList<>(keys.keySet());
    }

    public KeySpec keySpec(String stream) {
        return keys.get(stream);
    }

    /** The inner queries, in definition order. */
    public List<QueryPlan> queries() {
        return queries;
    }

    /** The outer streams the partition's queries insert into. */
    public List<String> outputStreams() {
        List<String> outputs = new ArrayList<>();
        for (QueryPlan query : queries) {
            if (!isInner(query.outputStream()) && !outputs.contains(query.outputStream())) {
                outputs.add(query.outputStream());
            }
        }
        return outputs;
    }

    public static boolean isInner(String stream) {
        return stream.startsWith("#");
    }

    /**
     * The partition keys of an event of a partitioned stream, as Siddhi computes them: a value partition's value as
     * a string (none when null), or the label of every range whose condition holds, in definition order.
     */
    public List<String> keysOf(String stream, Event event) {
        return keys.get(stream).keysOf(event);
    }

    /** One stream's partition clause: a value expression, or labelled range conditions. */
    public static final class KeySpec implements Serializable {
        private static final long serialVersionUID = 1L;

        private final Evaluator value;
        private final List<String> labels;
        private final List<Evaluator> conditions;

        private KeySpec(Evaluator value, List<String> labels, List<Evaluator> conditions) {
            this.value = value;
            this.labels = List.copyOf(labels);
            this.conditions = List.copyOf(conditions);
        }

        public static KeySpec value(Evaluator value) {
            return new KeySpec(value, List.of(), List.of());
        }

        public static KeySpec ranges(List<String> labels, List<Evaluator> conditions) {
            return new KeySpec(null, labels, conditions);
        }

        public boolean isRange() {
            return value == null;
        }

        public List<String> labels() {
            return labels;
        }

        List<String> keysOf(Event event) {
            if (value != null) {
                Object key = value.evaluate(event);
                return key == null ? List.of() : List.of(key.toString());
            }
            List<String> matched = new ArrayList<>(1);
            for (int i = 0; i < conditions.size(); i++) {
                if (Boolean.TRUE.equals(conditions.get(i).evaluate(event))) {
                    matched.add(labels.get(i));
                }
            }
            return matched;
        }
    }
}
