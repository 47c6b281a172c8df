package org.siddhiql.compiler.plan;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.siddhiql.compiler.schema.StreamSchema;

/** A compiled Siddhi app: its streams and its queries in definition order. */
public final class AppPlan implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final Map<String, StreamSchema> streams;
    private final List<QueryPlan> queries;

    public AppPlan(String name, Map<String, StreamSchema> streams, List<QueryPlan> queries) {
        this.name = name;
        this.streams = Collections.unmodifiableMap(new LinkedHashMap<>(streams));
        this.queries = List.copyOf(queries);
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

    public List<QueryPlan> queries() {
        return queries;
    }

    /** Streams no query inserts into: the app's inputs. */
    public List<String> inputStreams() {
        List<String> inputs = new ArrayList<>();
        for (String stream : streams.keySet()) {
            if (queries.stream().noneMatch(q -> q.outputStream().equals(stream))) {
                inputs.add(stream);
            }
        }
        return inputs;
    }

    /** Streams some query inserts into, in order of first appearance. */
    public List<String> outputStreams() {
        List<String> outputs = new ArrayList<>();
        for (String stream : streams.keySet()) {
            if (queries.stream().anyMatch(q -> q.outputStream().equals(stream))) {
                outputs.add(stream);
            }
        }
        return outputs;
    }
}
