package org.siddhiql.flink.translate;

import java.util.StringJoiner;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.compiler.plan.Keying;
import org.siddhiql.compiler.plan.PartitionPlan;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.compiler.plan.SelectorPlan;
import org.siddhiql.runtime.table.TableWrite;
import org.siddhiql.runtime.trigger.TriggerSpec;
import org.siddhiql.runtime.window.NamedWindowSpec;

/** The logical plan in words, for {@code explain} and for operator names in the Flink UI. */
public final class PlanDescriber {
    private PlanDescriber() {
    }

    public static String operatorName(QueryPlan query) {
        return query.name() + ": " + String.join(", ", query.inputStreams()) + " -> " + query.outputStream();
    }

    public static String describe(AppPlan plan) {
        StringBuilder out = new StringBuilder();
        out.append("app ").append(plan.name()).append('\n');
        out.append("streams:\n");
        plan.streams().values().forEach(s -> out.append("  ").append(s).append(
                plan.inputStreams().contains(s.name()) ? "  [input]" : "").append('\n'));
        out.append("queries:\n");
        for (QueryPlan query : plan.queries()) {
            describe(query, keying(query), out);
        }
        for (PartitionPlan partition : plan.partitions()) {
            out.append(partition.name()).append(" (line ").append(partition.line())
                    .append(")  keyed: by partition key (each key's state is keyed state, spread over parallel"
                            + " instances)\n");
            for (String stream : partition.partitionedStreams()) {
                PartitionPlan.KeySpec key = partition.keySpec(stream);
                out.append("  with     ").append(stream).append(key.isRange()
                        ? " by range " + String.join(" | ", key.labels()) : " by value").append('\n');
            }
            for (QueryPlan query : partition.queries()) {
                describe(query, "by partition key", out);
            }
        }
        return out.toString();
    }

    private static void describe(QueryPlan query, String keying, StringBuilder out) {
        if (query.aggregation() != null) {
            out.append("  aggregation ").append(query.name()).append(" (line ").append(query.line())
                    .append(")  keyed: ").append(keying).append('\n');
            out.append("    source   ").append(query.input().name()).append("  every ")
                    .append(query.aggregation().durations()).append('\n');
            return;
        }
        {
            out.append("  ").append(query.name()).append(" (line ").append(query.line()).append(")  keyed: ")
                    .append(keying).append('\n');
            out.append("    source   ").append(String.join(", ", query.inputStreams()))
                    .append(query.pattern() == null ? "" : "  (pattern of " + query.pattern().steps().size()
                            + " step(s))").append('\n');
            if (!query.filters().isEmpty()) {
                out.append("    filter   ").append(query.filters().size()).append(" condition(s)\n");
            }
            if (query.window() != null) {
                out.append("    window   ").append(query.window().describe()).append('\n');
            }
            for (NamedWindowSpec window : query.namedWindows()) {
                out.append("    shares   named window ").append(window).append('\n');
            }
            for (TriggerSpec trigger : query.triggers()) {
                out.append("    trigger  ").append(trigger).append('\n');
            }
            SelectorPlan selector = query.selector();
            out.append("    select   ").append(String.join(", ", selector.output().attributeNames()));
            if (selector.hasAggregators()) {
                out.append("  (").append(selector.aggregators().size()).append(" aggregator(s))");
            }
            out.append('\n');
            StringJoiner clauses = new StringJoiner(", ");
            if (selector.isGroupBy()) {
                clauses.add("group by " + selector.groupBy().size() + " key(s)");
            }
            if (selector.having() != null) {
                clauses.add("having");
            }
            if (!selector.orderBy().isEmpty()) {
                clauses.add("order by " + selector.orderBy().size() + " key(s)");
            }
            if (selector.limit() != SelectorPlan.UNSET) {
                clauses.add("limit " + selector.limit());
            }
            if (selector.offset() != SelectorPlan.UNSET) {
                clauses.add("offset " + selector.offset());
            }
            if (clauses.length() > 0) {
                out.append("    ").append(clauses).append('\n');
            }
            if (query.rateLimit() != null) {
                out.append("    output   ").append(query.rateLimit().describe()).append('\n');
            }
            TableWrite write = query.tableWrite();
            if (write == null || write.kind() == TableWrite.Kind.INSERT) {
                out.append("    insert   ").append(eventTypes(selector)).append(" into ").append(query.output())
                        .append(write == null ? "" : " (a table)").append('\n');
            } else {
                out.append("    write    ").append(eventTypes(selector)).append(": ")
                        .append(write.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                        .append(" table ").append(write.table().schema()).append('\n');
            }
        }
    }

    /**
     * What the query's state needs, not where it runs: a stateless or group-keyed query still joins the sequential
     * part when its neighbours need order (see FlinkTranslator#sequentialQueries); the job graph shows placement.
     */
    private static String keying(QueryPlan query) {
        if (query.keying() == Keying.NONE) {
            return "no (stateless)";
        }
        if (query.keying() == Keying.GROUP_BY) {
            return "by group-by key (state can spread over parallel instances)";
        }
        if (query.pattern() != null) {
            return "one global key (the pattern's partial matches are one unit: one parallel instance)";
        }
        if (query.tableWrite() != null || !query.tableMemberships().isEmpty()
                || query.join() != null && (query.join().left().table() != null
                        || query.join().right().table() != null)) {
            return "one global key (a table is one unit shared by the queries touching it: one parallel instance)";
        }
        return "one global key (window/aggregate/rate limit state is one unit: one parallel instance)";
    }

    private static String eventTypes(SelectorPlan selector) {
        if (selector.currentOn() && selector.expiredOn()) {
            return "all events";
        }
        return selector.expiredOn() ? "expired events" : "current events";
    }
}
