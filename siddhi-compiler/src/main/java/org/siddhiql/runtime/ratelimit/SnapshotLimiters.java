package org.siddhiql.runtime.ratelimit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;
import org.siddhiql.runtime.ratelimit.LimiterCodecs.GroupTally;
import org.siddhiql.runtime.ratelimit.LimiterCodecs.KeyedEvent;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.MapCell;
import org.siddhiql.runtime.state.StateCodec;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;

/**
 * {@code output snapshot every <time>}: each tick re-emits what the query currently "holds" (its latest output, per
 * group, or the window's rows), the same rows again every period while nothing changes. Emitted rows are the stored
 * selector outputs with their own timestamps and types (an expired row may be re-emitted; the insert turns it into a
 * current event as for any expired output).
 *
 * <p>Besides the timer, every selected event checks the tick: an event whose own timestamp has reached the due time
 * flushes one snapshot (before it is applied) and moves the due time one period on. In event-time runs this matters
 * for expired rows that a window emits stamped with the (new) clock.
 *
 * <p>The selector must run without batching for these kernels: every selected current and expired row of a chunk, in
 * order, plus (without group by) the window's RESET markers in their place. Group-by kernels ignore RESET markers
 * (Siddhi's group-by selector never forwards them).
 */
final class SnapshotLimiters {
    private SnapshotLimiters() {
    }

    abstract static class Snapshot extends PeriodicKernel {
        private final boolean groupBy;

        Snapshot(PeriodGrid grid, boolean groupBy) {
            super(grid);
            this.groupBy = groupBy;
        }

        @Override
        public final void onSelected(List<Event> selected, List<String> groupKeys, RateLimitContext context,
                List<Event> out) {
            if (selected.isEmpty()) {
                return;
            }
            grid.start(context);
            List<Event> emitted = new ArrayList<>();
            try {
                for (int i = 0; i < selected.size(); i++) {
                    Event event = selected.get(i);
                    if (groupBy && event.type() == EventType.RESET) {
                        continue;
                    }
                    accept(event, groupKeys == null ? null : groupKeys.get(i), context, emitted);
                }
            } catch (SiddhiFailure failure) {
                return; // Siddhi drops the chunk: nothing of it is output
            }
            out.addAll(emitted);
        }

        /** Flushes one snapshot when the event's own timestamp has reached the due time. */
        final void flushIfDue(Event event, RateLimitContext context, List<Event> emitted) {
            long due = grid.current();
            if (event.timestamp() >= due) {
                tick(emitted);
                grid.moveTo(due + grid.period(), context);
            }
        }

        abstract void accept(Event event, String key, RateLimitContext context, List<Event> emitted);
    }

    /**
     * No window, no group by: the latest current row, forever (expired rows and RESETs only check the tick).
     * Siddhi: PerSnapshotOutputRateLimiter.
     */
    static final class LatestRow extends Snapshot {
        private final ValueCell<Event> latest;

        LatestRow(StateProvider state, String name, StateCodec<Event> codec, PeriodGrid grid) {
            super(grid, false);
            this.latest = state.value(name + ".latest", codec);
        }

        @Override
        void accept(Event event, String key, RateLimitContext context, List<Event> emitted) {
            flushIfDue(event, context, emitted);
            if (event.type() == EventType.CURRENT) {
                latest.set(event);
            }
        }

        @Override
        boolean tick(List<Event> out) {
            Event row = latest.get();
            if (row != null) {
                out.add(row);
            }
            return row != null;
        }
    }

    /**
     * No window, group by: each group's latest current row, groups in order of first arrival, forever. Expired rows
     * are ignored entirely (they do not even check the tick). Siddhi: GroupByPerSnapshotOutputRateLimiter.
     */
    static final class LatestRowPerGroup extends Snapshot {
        private final InsertionOrderedMap<Event> latest;

        LatestRowPerGroup(StateProvider state, String name, StateCodec<Event> codec, PeriodGrid grid) {
            super(grid, true);
            this.latest = new InsertionOrderedMap<>(state, name + ".latest", codec);
        }

        @Override
        void accept(Event event, String key, RateLimitContext context, List<Event> emitted) {
            if (event.type() == EventType.CURRENT) {
                flushIfDue(event, context, emitted);
                latest.put(key, event);
            }
        }

        @Override
        boolean tick(List<Event> out) {
            boolean any = false;
            for (Map.Entry<String, Event> entry : latest.inOrder()) {
                out.add(entry.getValue());
                any = true;
            }
            return any;
        }
    }

    /**
     * Window, no aggregated output (grouped or not): the current rows still in the window, in arrival order. An
     * expired row removes the first stored row with equal values; a RESET (ungrouped only) clears them.
     * Siddhi: WindowedPerSnapshotOutputRateLimiter.
     */
    static final class WindowRows extends Snapshot {
        private final SlotList<Event> rows;

        WindowRows(StateProvider state, String name, StateCodec<Event> codec, PeriodGrid grid, boolean groupBy) {
            super(grid, groupBy);
            this.rows = new SlotList<>(state, name + ".rows", codec);
        }

        @Override
        void accept(Event event, String key, RateLimitContext context, List<Event> emitted) {
            flushIfDue(event, context, emitted);
            switch (event.type()) {
                case CURRENT:
                    rows.add(event);
                    break;
                case EXPIRED:
                    rows.removeFirst(row -> Arrays.equals(row.data(), event.data()));
                    break;
                default:
                    rows.clear();
            }
        }

        @Override
        boolean tick(List<Event> out) {
            List<Event> all = rows.toList();
            out.addAll(all);
            return !all.isEmpty();
        }
    }

    /**
     * Window, no group by, every output aggregated: the latest current row; any expired row or RESET forgets it (so
     * after an expiry nothing is emitted until the next current row). Siddhi:
     * AllAggregationPerSnapshotOutputRateLimiter.
     */
    static final class LatestAggregateRow extends Snapshot {
        private final ValueCell<Event> latest;

        LatestAggregateRow(StateProvider state, String name, StateCodec<Event> codec, PeriodGrid grid) {
            super(grid, false);
            this.latest = state.value(name + ".latest", codec);
        }

        @Override
        void accept(Event event, String key, RateLimitContext context, List<Event> emitted) {
            flushIfDue(event, context, emitted);
            if (event.type() == EventType.CURRENT) {
                latest.set(event);
            } else {
                latest.clear();
            }
        }

        @Override
        boolean tick(List<Event> out) {
            Event row = latest.get();
            if (row != null) {
                out.add(row);
            }
            return row != null;
        }
    }

    /**
     * Window, no group by, some outputs aggregated: the current rows still in the window, each with the latest
     * aggregate values put in the aggregated positions. An expired row removes the first stored row that
     * {@link ExpiryMatch} finds equal and then takes over the aggregate values; a RESET clears everything.
     * Siddhi: AggregationWindowedPerSnapshotOutputRateLimiter.
     */
    static final class WindowRowsWithAggregates extends Snapshot {
        private final int[] positions;
        private final ExpiryMatch match;
        private final SlotList<Event> rows;
        private final ValueCell<Object[]> aggregates;

        WindowRowsWithAggregates(StateProvider state, String name, StateCodec<Event> codec, PeriodGrid grid,
                int[] positions, ExpiryMatch match) {
            super(grid, false);
            this.positions = positions;
            this.match = match;
            this.rows = new SlotList<>(state, name + ".rows", codec);
            this.aggregates = state.value(name + ".aggregates", LimiterCodecs.VALUES);
        }

        @Override
        void accept(Event event, String key, RateLimitContext context, List<Event> emitted) {
            flushIfDue(event, context, emitted);
            switch (event.type()) {
                case CURRENT:
                    rows.add(event);
                    aggregates.set(pick(event, positions));
                    break;
                case EXPIRED:
                    if (rows.removeFirst(row -> match.same(event.data(), row.data()))) {
                        aggregates.set(pick(event, positions));
                    }
                    break;
                default:
                    rows.clear();
                    aggregates.clear();
            }
        }

        @Override
        boolean tick(List<Event> out) {
            List<Event> all = rows.toList();
            Object[] values = all.isEmpty() ? null : aggregates.get();
            for (Event row : all) {
                out.add(withAggregates(row, positions, values));
            }
            return !all.isEmpty();
        }
    }

    /**
     * Window, group by, every output aggregated: per group, its latest row (current or expired) while the group has
     * rows in the window (current rows counted up, expired down); a group whose count has dropped to zero is dropped
     * at the next tick and re-enters at the end when it comes back. Groups in order of first arrival.
     * Siddhi: AllAggregationGroupByWindowedPerSnapshotOutputRateLimiter.
     */
    static final class LatestAggregateRowPerGroup extends Snapshot {
        private final InsertionOrderedMap<GroupTally> groups;

        LatestAggregateRowPerGroup(StateProvider state, String name, StateCodec<Event> codec, PeriodGrid grid) {
            super(grid, true);
            this.groups = new InsertionOrderedMap<>(state, name + ".groups", LimiterCodecs.groupTally(codec));
        }

        @Override
        void accept(Event event, String key, RateLimitContext context, List<Event> emitted) {
            flushIfDue(event, context, emitted);
            GroupTally tally = groups.get(key);
            long inWindow = tally == null ? 0 : tally.inWindow;
            groups.put(key, new GroupTally(event.type() == EventType.CURRENT ? inWindow + 1 : inWindow - 1, event));
        }

        @Override
        boolean tick(List<Event> out) {
            boolean any = false;
            for (Map.Entry<String, GroupTally> entry : groups.inOrder()) {
                GroupTally tally = entry.getValue();
                if (tally.inWindow <= 0) {
                    groups.remove(entry.getKey());
                } else {
                    out.add(tally.latest);
                    any = true;
                }
            }
            return any;
        }
    }

    /**
     * Window, group by, some outputs aggregated: the current rows still in the window, one per group (the group's
     * oldest stored row), with the group's latest aggregate values. An expired row removes the first stored row of
     * any group that {@link ExpiryMatch} finds equal, and then sets the aggregate values of its own group.
     * Siddhi: AggregationGroupByWindowedPerSnapshotOutputRateLimiter.
     */
    static final class WindowRowsWithAggregatesPerGroup extends Snapshot {
        private final int[] positions;
        private final ExpiryMatch match;
        private final SlotList<KeyedEvent> rows;
        private final MapCell<String, Object[]> aggregates;

        WindowRowsWithAggregatesPerGroup(StateProvider state, String name, StateCodec<Event> codec, PeriodGrid grid,
                int[] positions, ExpiryMatch match) {
            super(grid, true);
            this.positions = positions;
            this.match = match;
            this.rows = new SlotList<>(state, name + ".rows", LimiterCodecs.keyedEvent(codec));
            this.aggregates = state.map(name + ".aggregates", Codecs.STRING, LimiterCodecs.VALUES);
        }

        @Override
        void accept(Event event, String key, RateLimitContext context, List<Event> emitted) {
            flushIfDue(event, context, emitted);
            if (event.type() == EventType.CURRENT) {
                rows.add(new KeyedEvent(key, event));
                aggregates.put(key, pick(event, positions));
            } else if (event.type() == EventType.EXPIRED) {
                if (rows.removeFirst(row -> match.same(row.event.data(), event.data()))) {
                    aggregates.put(key, pick(event, positions));
                }
            }
        }

        @Override
        boolean tick(List<Event> out) {
            Set<String> done = new HashSet<>();
            for (KeyedEvent row : rows.toList()) {
                if (done.add(row.key)) {
                    out.add(withAggregates(row.event, positions, aggregates.get(row.key)));
                }
            }
            return !done.isEmpty();
        }
    }

    static Object[] pick(Event event, int[] positions) {
        Object[] values = new Object[positions.length];
        for (int i = 0; i < positions.length; i++) {
            values[i] = event.data()[positions[i]];
        }
        return values;
    }

    static Event withAggregates(Event row, int[] positions, Object[] values) {
        Object[] data = row.data().clone();
        for (int i = 0; i < positions.length; i++) {
            data[positions[i]] = values == null ? null : values[i];
        }
        return new Event(row.timestamp(), data, row.type());
    }
}
