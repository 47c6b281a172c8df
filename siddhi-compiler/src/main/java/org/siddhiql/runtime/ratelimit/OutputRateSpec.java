package org.siddhiql.runtime.ratelimit;

import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.state.StateCodec;
import org.siddhiql.runtime.state.StateProvider;

/** A validated output rate limit: which Siddhi limiter it is and what it needs at runtime. Built by {@link RateLimits}. */
public final class OutputRateSpec implements RateLimitSpec {
    private static final long serialVersionUID = 1L;

    /** The Siddhi 5.1.21 limiter this spec reproduces (Siddhi's class name in brackets). */
    public enum Variant {
        /** No output clause [PassThroughOutputRateLimiter]. */
        PASS_THROUGH,
        /** {@code output [all] every N events}, grouped or not [AllPerEventOutputRateLimiter]. */
        ALL_EVERY_EVENTS,
        /** [FirstPerEventOutputRateLimiter] */
        FIRST_EVERY_EVENTS,
        /** [FirstGroupByPerEventOutputRateLimiter] */
        FIRST_EVERY_EVENTS_PER_GROUP,
        /** [LastPerEventOutputRateLimiter] */
        LAST_EVERY_EVENTS,
        /** [LastGroupByPerEventOutputRateLimiter] */
        LAST_EVERY_EVENTS_PER_GROUP,
        /** {@code output [all] every T}, grouped or not [AllPerTimeOutputRateLimiter]. */
        ALL_EVERY_TIME,
        /** [FirstPerTimeOutputRateLimiter] */
        FIRST_EVERY_TIME,
        /** [FirstGroupByPerTimeOutputRateLimiter] */
        FIRST_EVERY_TIME_PER_GROUP,
        /** [LastPerTimeOutputRateLimiter] */
        LAST_EVERY_TIME,
        /** [LastGroupByPerTimeOutputRateLimiter] */
        LAST_EVERY_TIME_PER_GROUP,
        /** Snapshot, no window, no group by [PerSnapshotOutputRateLimiter]. */
        SNAPSHOT_LATEST_ROW,
        /** Snapshot, no window, group by [GroupByPerSnapshotOutputRateLimiter]. */
        SNAPSHOT_LATEST_ROW_PER_GROUP,
        /** Snapshot, window, no aggregated output, grouped or not [WindowedPerSnapshotOutputRateLimiter]. */
        SNAPSHOT_WINDOW_ROWS,
        /** Snapshot, window, no group by, all outputs aggregated [AllAggregationPerSnapshotOutputRateLimiter]. */
        SNAPSHOT_LATEST_AGGREGATE_ROW,
        /** Snapshot, window, no group by, some outputs aggregated [AggregationWindowedPerSnapshotOutputRateLimiter]. */
        SNAPSHOT_WINDOW_ROWS_WITH_AGGREGATES,
        /** Snapshot, window, group by, all outputs aggregated [AllAggregationGroupByWindowedPerSnapshot...]. */
        SNAPSHOT_LATEST_AGGREGATE_ROW_PER_GROUP,
        /** Snapshot, window, group by, some outputs aggregated [AggregationGroupByWindowedPerSnapshot...]. */
        SNAPSHOT_WINDOW_ROWS_WITH_AGGREGATES_PER_GROUP;

        /** True for the {@code output snapshot} variants, which need the selector's batching off. */
        public boolean isSnapshot() {
            return name().startsWith("SNAPSHOT_");
        }
    }

    private final Variant variant;
    private final boolean groupBy;
    private final String description;
    private final long value;
    private final StateCodec<Event> codec;
    private final int[] aggregatePositions;
    private final ExpiryMatch expiryMatch;
    private final TimerAnchor anchor;

    OutputRateSpec(Variant variant, boolean groupBy, String description, long value, StateCodec<Event> codec,
            int[] aggregatePositions, ExpiryMatch expiryMatch, TimerAnchor anchor) {
        this.variant = variant;
        this.groupBy = groupBy;
        this.description = description;
        this.value = value;
        this.codec = codec;
        this.aggregatePositions = aggregatePositions;
        this.expiryMatch = expiryMatch;
        this.anchor = anchor;
    }

    public Variant variant() {
        return variant;
    }

    /** Events for the event-count variants, milliseconds for the others, 0 for pass-through. */
    public long value() {
        return value;
    }

    public boolean groupBy() {
        return groupBy;
    }

    public TimerAnchor anchor() {
        return anchor;
    }

    /**
     * True for the snapshot variants: the selector must hand over every selected row of a chunk (no batching to the
     * last row or last row per group), and, without group by, the window's RESET markers in place.
     */
    public boolean needsUnbatchedSelector() {
        return variant.isSnapshot();
    }

    /**
     * True when the limiter's state is purely per group, so it may run split by group-by key (pass-through and the
     * {@code first} per-group variants). All others keep cross-group state (counts over all groups, order across
     * groups, one tick schedule) and must run on the query's partition key, or on one key outside partitions.
     */
    public boolean splittableByGroupKey() {
        return variant == Variant.PASS_THROUGH || variant == Variant.FIRST_EVERY_EVENTS_PER_GROUP
                || variant == Variant.FIRST_EVERY_TIME_PER_GROUP;
    }

    /** For snapshot variants with some aggregated outputs: the aggregated output positions, ascending. */
    public int[] aggregatePositions() {
        return aggregatePositions == null ? new int[0] : aggregatePositions.clone();
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public RateLimiterKernel instantiate(StateProvider state, String stateName) {
        int n = (int) value;
        switch (variant) {
            case PASS_THROUGH:
                return new CountLimiters.PassThrough();
            case ALL_EVERY_EVENTS:
                return new CountLimiters.All(state, stateName, codec, n);
            case FIRST_EVERY_EVENTS:
                return new CountLimiters.First(state, stateName, n);
            case FIRST_EVERY_EVENTS_PER_GROUP:
                return new CountLimiters.FirstPerGroup(state, stateName, n);
            case LAST_EVERY_EVENTS:
                return new CountLimiters.Last(state, stateName, n);
            case LAST_EVERY_EVENTS_PER_GROUP:
                return new CountLimiters.LastPerGroup(state, stateName, codec, n);
            case FIRST_EVERY_TIME:
                return new TimeLimiters.First(state, stateName, value);
            case FIRST_EVERY_TIME_PER_GROUP:
                return new TimeLimiters.FirstPerGroup(state, stateName, value);
            default:
                break;
        }
        PeriodGrid grid = new PeriodGrid(state, stateName, value, anchor);
        switch (variant) {
            case ALL_EVERY_TIME:
                return new TimeLimiters.All(state, stateName, codec, grid);
            case LAST_EVERY_TIME:
                return new TimeLimiters.Last(state, stateName, codec, grid);
            case LAST_EVERY_TIME_PER_GROUP:
                return new TimeLimiters.LastPerGroup(state, stateName, codec, grid);
            case SNAPSHOT_LATEST_ROW:
                return new SnapshotLimiters.LatestRow(state, stateName, codec, grid);
            case SNAPSHOT_LATEST_ROW_PER_GROUP:
                return new SnapshotLimiters.LatestRowPerGroup(state, stateName, codec, grid);
            case SNAPSHOT_WINDOW_ROWS:
                return new SnapshotLimiters.WindowRows(state, stateName, codec, grid, groupBy);
            case SNAPSHOT_LATEST_AGGREGATE_ROW:
                return new SnapshotLimiters.LatestAggregateRow(state, stateName, codec, grid);
            case SNAPSHOT_WINDOW_ROWS_WITH_AGGREGATES:
                return new SnapshotLimiters.WindowRowsWithAggregates(state, stateName, codec, grid,
                        aggregatePositions, expiryMatch);
            case SNAPSHOT_LATEST_AGGREGATE_ROW_PER_GROUP:
                return new SnapshotLimiters.LatestAggregateRowPerGroup(state, stateName, codec, grid);
            case SNAPSHOT_WINDOW_ROWS_WITH_AGGREGATES_PER_GROUP:
                return new SnapshotLimiters.WindowRowsWithAggregatesPerGroup(state, stateName, codec, grid,
                        aggregatePositions, expiryMatch);
            default:
                throw new IllegalStateException(variant.name());
        }
    }

    @Override
    public String toString() {
        return description + " [" + variant + "]";
    }
}
