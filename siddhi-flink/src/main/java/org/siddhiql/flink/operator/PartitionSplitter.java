package org.siddhiql.flink.operator;

import java.util.List;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.util.Collector;
import org.siddhiql.compiler.plan.PartitionPlan;
import org.siddhiql.runtime.event.Event;

/**
 * Routes the events of a partition's streams out of the tagged input to their partition keys: one copy per key
 * (a value partition gives at most one, a range partition one per matching range, in definition order), none for
 * a null value or no matching range, as in Siddhi. Other streams' events are dropped.
 */
public final class PartitionSplitter implements FlatMapFunction<TaggedEvent, TaggedEvent> {
    private static final long serialVersionUID = 1L;

    private final PartitionPlan partition;
    private final String[] streamNames;

    public PartitionSplitter(PartitionPlan partition, List<String> streams) {
        this.partition = partition;
        this.streamNames = new String[streams.size()];
        for (int i = 0; i < streamNames.length; i++) {
            String stream = streams.get(i);
            streamNames[i] = partition.partitionedStreams().contains(stream) ? stream : null;
        }
    }

    @Override
    public void flatMap(TaggedEvent tagged, Collector<TaggedEvent> out) {
        String stream = streamNames[tagged.stream()];
        if (stream == null) {
            return;
        }
        Event event = tagged.event();
        for (String key : partition.keysOf(stream, event)) {
            out.collect(new TaggedEvent(tagged.stream(), event, key));
        }
    }
}
