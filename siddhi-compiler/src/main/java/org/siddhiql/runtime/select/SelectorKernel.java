package org.siddhiql.runtime.select;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.siddhiql.compiler.expression.AggregationRow;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.plan.OrderKey;
import org.siddhiql.compiler.plan.SelectorPlan;
import org.siddhiql.runtime.aggregate.Aggregator;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.MapCell;
import org.siddhiql.runtime.state.StateCodec;
import org.siddhiql.runtime.state.StateProvider;

/**
 * Runs a select clause over the chunks a window emits, as Siddhi 5.1's QuerySelector does. Aggregator states live
 * in one managed map entry per group. The four processing modes (batch or not, group by or not) and their quirks
 * are Siddhi's: in batch mode only the last event per group of a chunk is selected; outside batch mode with group by,
 * order by and offset do not apply and limit counts per chunk.
 */
public final class SelectorKernel {
    /** Siddhi's group-key delimiter; keys only need to be unique and stable. */
    private static final String KEY_DELIMITER = ":-:";
    private static final String NO_GROUP = "";

    private final SelectorPlan plan;
    private final Evaluator[] projections;
    private final Aggregator[] aggregators;
    private final Evaluator[] groupBy;
    private final Comparator<Event> order;
    private final MapCell<String, Object[]> groupStates;

    public SelectorKernel(SelectorPlan plan, StateProvider state, String stateName) {
        this.plan = plan;
        this.projections = plan.projections().toArray(new Evaluator[0]);
        this.aggregators = plan.aggregators().toArray(new Aggregator[0]);
        this.groupBy = plan.groupBy().toArray(new Evaluator[0]);
        this.order = plan.orderBy().isEmpty() ? null : comparator(plan.orderBy());
        @SuppressWarnings("unchecked")
        StateCodec<Object[]> statesCodec = (StateCodec<Object[]>) (StateCodec<?>) Codecs.ANY;
        this.groupStates = aggregators.length == 0 ? null : state.map(stateName + ".groups", Codecs.STRING, statesCodec);
    }

    /**
     * Selects from one chunk.
     *
     * @param selected receives the output events (typed CURRENT or EXPIRED; RESET markers pass through where Siddhi
     *     passes them on, for the rate limiter)
     * @param groupKeys receives each selected event's group key when the query groups, else nothing
     */
    public void process(List<Event> chunk, List<Event> selected, List<String> groupKeys) {
        boolean grouped = plan.isGroupBy();
        if (plan.batching() && (grouped || plan.hasAggregators())) {
            if (grouped) {
                processBatchGrouped(chunk, selected, groupKeys);
            } else {
                processBatchUngrouped(chunk, selected);
            }
        } else if (grouped) {
            processGrouped(chunk, selected, groupKeys);
        } else {
            processUngrouped(chunk, selected);
        }
    }

    public String groupKey(Event event) {
        if (groupBy.length == 0) {
            return NO_GROUP;
        }
        StringBuilder key = new StringBuilder();
        for (Evaluator evaluator : groupBy) {
            key.append(evaluator.evaluate(event)).append(KEY_DELIMITER);
        }
        return key.toString();
    }

    private void processUngrouped(List<Event> chunk, List<Event> selected) {
        int first = selected.size();
        for (Event event : chunk) {
            if (event.type() == EventType.RESET) {
                resetAggregators();
                selected.add(event);
                continue;
            }
            Event output = project(event, NO_GROUP);
            if (isOutputType(output) && passesHaving(output)) {
                selected.add(output);
            }
        }
        List<Event> tail = selected.subList(first, selected.size());
        if (order != null) {
            sortRunsOfOneType(tail);
        }
        if (plan.offset() != SelectorPlan.UNSET) {
            applyOffset(tail);
        }
        if (plan.limit() != SelectorPlan.UNSET) {
            applyLimit(tail);
        }
    }

    private void processGrouped(List<Event> chunk, List<Event> selected, List<String> groupKeys) {
        long taken = 0;
        for (Event event : chunk) {
            if (event.type() == EventType.RESET) {
                resetAggregators();
                continue;
            }
            String key = groupKey(event);
            Event output = project(event, key);
            if (isOutputType(output) && passesHaving(output)
                    && (plan.limit() == SelectorPlan.UNSET || taken++ < plan.limit())) {
                selected.add(output);
                groupKeys.add(key);
            }
        }
        // Siddhi 5.1 orders and offsets the consumed input chunk here, not the output: neither reaches the output.
    }

    private void processBatchUngrouped(List<Event> chunk, List<Event> selected) {
        Event last = null;
        for (Event event : chunk) {
            if (event.type() == EventType.RESET) {
                resetAggregators();
                continue;
            }
            Event output = project(event, NO_GROUP);
            if (passesHaving(output) && isOutputType(output)) {
                last = output;
            }
        }
        if (last != null && (plan.offset() == SelectorPlan.UNSET || plan.offset() == 0)
                && (plan.limit() == SelectorPlan.UNSET || plan.limit() > 0)) {
            selected.add(last);
        }
    }

    private void processBatchGrouped(List<Event> chunk, List<Event> selected, List<String> groupKeys) {
        Map<String, Event> lastPerGroup = new LinkedHashMap<>();
        for (Event event : chunk) {
            if (event.type() == EventType.RESET) {
                resetAggregators();
                continue;
            }
            String key = groupKey(event);
            Event output = project(event, key);
            if (passesHaving(output) && isOutputType(output)) {
                lastPerGroup.put(key, output);
            }
        }
        if (lastPerGroup.isEmpty()) {
            return;
        }
        List<Map.Entry<String, Event>> entries = new ArrayList<>(lastPerGroup.entrySet());
        if (order != null) {
            entries.sort((a, b) -> order.compare(a.getValue(), b.getValue()));
        }
        int from = 0;
        if (plan.offset() != SelectorPlan.UNSET) {
            from = (int) Math.min(plan.offset(), entries.size());
        }
        int to = entries.size();
        if (plan.limit() != SelectorPlan.UNSET) {
            to = (int) Math.min(to, from + plan.limit());
        }
        for (Map.Entry<String, Event> entry : entries.subList(from, to)) {
            selected.add(entry.getValue());
            groupKeys.add(entry.getKey());
        }
    }

    private Event project(Event event, String key) {
        Object[] states = loadStates(key);
        Row row = new Row(event, states);
        Object[] data = new Object[projections.length];
        try {
            for (int i = 0; i < projections.length; i++) {
                data[i] = projections[i].evaluate(row);
            }
        } finally {
            // Aggregators update their states as the projections run: a projection failing after them leaves them
            // updated in Siddhi, so they are stored even then (on a heap backend the mutation stuck anyway; on
            // RocksDB or Beam state it would be lost).
            storeStates(key, states);
        }
        return new Event(event.timestamp(), data, event.type());
    }

    private Object[] loadStates(String key) {
        if (groupStates == null) {
            return null;
        }
        Object[] states = groupStates.get(key);
        if (states == null) {
            states = new Object[aggregators.length];
        }
        for (int i = 0; i < aggregators.length; i++) {
            if (states[i] == null) {
                states[i] = aggregators[i].newState();
            }
        }
        return states;
    }

    /** Writes the group's states back, dropping those with nothing left in them as Siddhi does. */
    private void storeStates(String key, Object[] states) {
        if (groupStates == null) {
            return;
        }
        boolean anyKept = false;
        for (int i = 0; i < aggregators.length; i++) {
            if (aggregators[i].canDestroy((Object[]) states[i])) {
                states[i] = null;
            } else {
                anyKept = true;
            }
        }
        if (anyKept) {
            groupStates.put(key, states);
        } else {
            groupStates.remove(key);
        }
    }

    private void resetAggregators() {
        if (groupStates != null) {
            groupStates.clear();
        }
    }

    private boolean isOutputType(Event event) {
        return event.type() == EventType.CURRENT ? plan.currentOn() : event.type() == EventType.EXPIRED && plan.expiredOn();
    }

    private boolean passesHaving(Event output) {
        return plan.having() == null || Boolean.TRUE.equals(plan.having().evaluate(output));
    }

    /** Siddhi sorts each run of same-typed events separately, keeping the runs in place. */
    private void sortRunsOfOneType(List<Event> events) {
        int start = 0;
        for (int i = 1; i <= events.size(); i++) {
            if (i == events.size() || events.get(i).type() != events.get(start).type()) {
                events.subList(start, i).sort(order);
                start = i;
            }
        }
    }

    private void applyOffset(List<Event> events) {
        long skipped = 0;
        for (int i = 0; i < events.size() && skipped < plan.offset(); i++) {
            if (events.get(i).type() != EventType.RESET) {
                events.remove(i--);
                skipped++;
            }
        }
    }

    private void applyLimit(List<Event> events) {
        long taken = 0;
        for (int i = 0; i < events.size(); i++) {
            Event event = events.get(i);
            if (event.type() == EventType.RESET) {
                continue;
            }
            // Siddhi's precedence: an expired event that is output is always kept, whatever the limit.
            boolean keep = (plan.limit() > taken && event.type() == EventType.CURRENT && plan.currentOn())
                    || (event.type() == EventType.EXPIRED && plan.expiredOn());
            if (keep) {
                taken++;
            } else {
                events.remove(i--);
            }
        }
    }

    private static Comparator<Event> comparator(List<OrderKey> keys) {
        return (a, b) -> {
            for (OrderKey key : keys) {
                Object left = a.get(key.outputIndex());
                Object right = b.get(key.outputIndex());
                if (left != null && right != null) {
                    int result = compareValues(left, right);
                    if (key.descending()) {
                        result = -result;
                    }
                    if (result != 0) {
                        return result;
                    }
                } else if (left != null) {
                    return -1; // nulls last, in either direction
                } else if (right != null) {
                    return 1;
                }
            }
            return 0;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareValues(Object left, Object right) {
        if (left instanceof Comparable && left.getClass() == right.getClass()) {
            return ((Comparable) left).compareTo(right);
        }
        return Integer.signum(left.hashCode() - right.hashCode());
    }

    /** The row projections read: the event, and its group's aggregator states. */
    private static final class Row implements AggregationRow {
        private final Event event;
        private final Object[] states;

        Row(Event event, Object[] states) {
            this.event = event;
            this.states = states;
        }

        @Override
        public EventType eventType() {
            return event.type();
        }

        @Override
        public Object[] aggregatorState(int slot) {
            return (Object[]) states[slot];
        }

        @Override
        public Object get(int streamIndex, int attributeIndex) {
            return event.get(streamIndex, attributeIndex);
        }

        @Override
        public Object get(int streamIndex, int position, int attributeIndex) {
            return event.get(streamIndex, position, attributeIndex);
        }

        @Override
        public long timestamp(int streamIndex) {
            return event.timestamp(streamIndex);
        }

        @Override
        public long timestamp() {
            return event.timestamp();
        }
    }
}
