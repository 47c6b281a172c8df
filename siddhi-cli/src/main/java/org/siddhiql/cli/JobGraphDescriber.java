package org.siddhiql.cli;

import java.util.Comparator;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamEdge;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.flink.translate.PlanDescriber;

/**
 * {@code explain}: the logical plan, the app's connectors, then the Flink operators the app becomes, with their
 * wiring.
 */
final class JobGraphDescriber {
    private JobGraphDescriber() {
    }

    static String describe(AppPlan plan, int parallelism) {
        EmbeddedRun run = new EmbeddedRun(plan, EventFile.placeholder(plan), parallelism);
        StreamExecutionEnvironment env = run.environment();
        run.build(env, null);
        StreamGraph graph = env.getStreamGraph(false);
        StringBuilder out = new StringBuilder("== logical plan ==\n").append(PlanDescriber.describe(plan));
        if (!plan.sources().isEmpty() || !plan.sinks().isEmpty()) {
            // credentials masked by the specs themselves (SecretOptions), ${NAME} references shown as written
            out.append("\n== connectors ==\n");
            plan.sources().forEach(source -> out.append("  ").append(source).append('\n'));
            plan.sinks().forEach(sink -> out.append("  ").append(sink).append('\n'));
        }
        out.append("\n== Flink job graph (events-file run, parallelism ").append(parallelism).append(") ==\n");
        for (StreamNode node : graph.getStreamNodes().stream().sorted(Comparator.comparingInt(StreamNode::getId))
                .collect(Collectors.toList())) {
            out.append(String.format("  [%d] %s  (parallelism %d)", node.getId(), node.getOperatorName(),
                    node.getParallelism()));
            if (!node.getInEdges().isEmpty()) {
                out.append("  <- ").append(node.getInEdges().stream()
                        .map(JobGraphDescriber::edge).collect(Collectors.joining(", ")));
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String edge(StreamEdge edge) {
        return "[" + edge.getSourceId() + "] " + edge.getPartitioner();
    }
}
