package org.siddhiql.compiler;

import io.siddhi.query.api.annotation.Annotation;
import io.siddhi.query.api.execution.partition.Partition;
import io.siddhi.query.api.execution.partition.PartitionType;
import io.siddhi.query.api.execution.partition.RangePartitionType;
import io.siddhi.query.api.execution.partition.ValuePartitionType;
import io.siddhi.query.api.execution.query.Query;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.expression.ExpressionCompiler;
import org.siddhiql.compiler.plan.PartitionPlan;
import org.siddhiql.compiler.plan.PurgePlan;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;

/**
 * Plans a {@code partition with (...) begin ... end} block: the key of each partitioned stream and the inner queries,
 * whose {@code #} streams are visible only inside the block. What the runtime cannot give Siddhi's semantics for yet
 * is refused here, at its position.
 */
final class PartitionCompiler {
    private final ExpressionCompiler expressions;
    private final QueryCompiler queries;

    PartitionCompiler(ExpressionCompiler expressions, QueryCompiler queries) {
        this.expressions = expressions;
        this.queries = queries;
    }

    /**
     * @param queriesBefore how many queries precede the block, for default query names
     * @param streams the app's streams; outer streams the inner queries infer are added to it
     * @param all the queries planned so far (outside and inside partitions); the inner queries are added to it
     */
    PartitionPlan compile(Partition partition, String name, int queriesBefore, Map<String, StreamSchema> streams,
            List<QueryPlan> all) {
        PurgePlan purge = null;
        for (Annotation annotation : partition.getAnnotations()) {
            if (annotation.getName().equalsIgnoreCase("purge")) {
                purge = purge(annotation, partition);
            }
        }
        Map<String, PartitionPlan.KeySpec> keys = new LinkedHashMap<>();
        for (PartitionType type : partition.getPartitionTypeMap().values()) {
            String stream = type.getStreamId();
            StreamSchema schema = streams.get(stream);
            if (schema == null) {
                throw new CompileException(SourcePosition.firstOf(type, partition),
                        "stream '" + stream + "' is not defined");
            }
            for (QueryPlan producer : all) {
                if (producer.outputStream().equals(stream)) {
                    throw producedInput(type, partition, stream, producer);
                }
            }
            if (type instanceof ValuePartitionType) {
                keys.put(stream, PartitionPlan.KeySpec.value(expressions.compile(
                        ((ValuePartitionType) type).getExpression(), StreamScope.of(schema, null, "partition"))));
            } else {
                List<String> labels = new ArrayList<>();
                List<Evaluator> conditions = new ArrayList<>();
                for (RangePartitionType.RangePartitionProperty range
                        : ((RangePartitionType) type).getRangePartitionProperties()) {
                    Evaluator condition = expressions.compile(range.getCondition(),
                            StreamScope.of(schema, null, "partition"));
                    if (condition.type() != AttributeType.BOOL) {
                        throw new CompileException(SourcePosition.firstOf(range.getCondition(), range, partition),
                                "partition range condition must be bool, got " + condition.type().siddhiName());
                    }
                    labels.add(range.getPartitionKey());
                    conditions.add(condition);
                }
                keys.put(stream, PartitionPlan.KeySpec.ranges(labels, conditions));
            }
        }
        Map<String, StreamSchema> local = new LinkedHashMap<>(streams);
        List<QueryPlan> plans = new ArrayList<>();
        int index = queriesBefore;
        for (Query query : partition.getQueryList()) {
            index++;
            QueryPlan plan = queries.compile(query, AppCompiler.queryName(query, index), local, true);
            if (all.stream().anyMatch(p -> p.name().equals(plan.name()))) {
                throw new CompileException(SourcePosition.of(query), "duplicate query name '" + plan.name() + "'");
            }
            for (String input : plan.inputStreams()) {
                if (!PartitionPlan.isInner(input) && !keys.containsKey(input)) {
                    throw new CompileException(SourcePosition.firstOf(query.getInputStream(), query), "stream '"
                            + input + "' is used inside a partition without a partition clause for it (Siddhi sends"
                            + " its events to every partition instance): not supported yet");
                }
            }
            local.forEach((stream, schema) -> {
                if (!PartitionPlan.isInner(stream)) {
                    streams.putIfAbsent(stream, schema);
                }
            });
            plans.add(plan);
            all.add(plan);
        }
        return new PartitionPlan(name, SourcePosition.of(partition).line(), keys, plans, purge);
    }

    /**
     * {@code @purge(enable='true'|'false', idle.period=<time>[, interval=<time>])}, checked as Siddhi checks it;
     * the interval defaults to Siddhi's 5 minutes. Null when purging is off.
     */
    private static PurgePlan purge(Annotation annotation, Partition partition) {
        SourcePosition at = SourcePosition.firstOf(annotation, partition);
        String enable = annotation.getElement("enable");
        if (enable == null) {
            throw new CompileException(at, "@purge needs enable='true' or enable='false'");
        }
        if (!enable.equalsIgnoreCase("true") && !enable.equalsIgnoreCase("false")) {
            throw new CompileException(at, "@purge enable must be 'true' or 'false', got '" + enable + "'");
        }
        String idle = annotation.getElement("idle.period");
        if (idle == null) {
            throw new CompileException(at, "@purge needs idle.period, the time after which an idle key is purged");
        }
        String interval = annotation.getElement("interval");
        long idlePeriod = time(idle, "idle.period", at);
        long every = interval == null ? 300_000L : time(interval, "interval", at);
        if (every <= 0) {
            throw new CompileException(at, "@purge interval must be positive, got '" + interval + "'");
        }
        return enable.equalsIgnoreCase("true") ? new PurgePlan(every, idlePeriod) : null;
    }

    private static long time(String value, String element, SourcePosition at) {
        try {
            return io.siddhi.query.api.expression.Expression.Time.timeToLong(value);
        } catch (RuntimeException e) {
            throw new CompileException(at, "@purge " + element + " must be a time such as '1 min', got '" + value
                    + "'");
        }
    }

    /**
     * Checks, once every query is planned, what ties partitions to the rest of the app: partitioned streams must be
     * app inputs, and partition outputs may only reach stateless queries outside partitions.
     */
    static void checkBoundaries(Map<PartitionPlan, Partition> partitions, List<QueryPlan> outer, List<QueryPlan> all,
            Map<QueryPlan, Query> sources) {
        Set<String> fed = new LinkedHashSet<>();
        for (Map.Entry<PartitionPlan, Partition> entry : partitions.entrySet()) {
            for (PartitionType type : entry.getValue().getPartitionTypeMap().values()) {
                for (QueryPlan producer : all) {
                    if (producer.outputStream().equals(type.getStreamId())) {
                        throw producedInput(type, entry.getValue(), type.getStreamId(), producer);
                    }
                }
            }
            fed.addAll(entry.getKey().outputStreams());
        }
        boolean grown = true;
        while (grown) {
            grown = false;
            for (QueryPlan query : outer) {
                for (String input : query.inputStreams()) {
                    if (!fed.contains(input)) {
                        continue;
                    }
                    if (query.isStateful()) {
                        throw new CompileException(SourcePosition.of(sources.get(query)), "query '" + query.name()
                                + "' is stateful and reads '" + input + "', which a partition feeds: stateful queries"
                                + " over partition outputs are not supported yet (Siddhi interleaves the partition"
                                + " instances' outputs in arrival order across keys, which keyed parallel partitions"
                                + " cannot reproduce)");
                    }
                    grown |= fed.add(query.outputStream());
                }
            }
        }
    }

    private static CompileException producedInput(PartitionType type, Partition partition, String stream,
            QueryPlan producer) {
        return new CompileException(SourcePosition.firstOf(type, partition), "partitioning stream '" + stream
                + "', which query '" + producer.name() + "' inserts into, is not supported yet: only app input"
                + " streams may be partitioned");
    }
}
