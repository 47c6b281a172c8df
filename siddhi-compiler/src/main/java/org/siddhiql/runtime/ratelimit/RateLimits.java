package org.siddhiql.runtime.ratelimit;

import io.siddhi.query.api.execution.query.Query;
import io.siddhi.query.api.execution.query.input.handler.StreamHandler;
import io.siddhi.query.api.execution.query.input.handler.Window;
import io.siddhi.query.api.execution.query.input.stream.JoinInputStream;
import io.siddhi.query.api.execution.query.input.stream.SingleInputStream;
import io.siddhi.query.api.execution.query.output.ratelimit.EventOutputRate;
import io.siddhi.query.api.execution.query.output.ratelimit.OutputRate;
import io.siddhi.query.api.execution.query.output.ratelimit.SnapshotOutputRate;
import io.siddhi.query.api.execution.query.output.ratelimit.TimeOutputRate;
import io.siddhi.query.api.execution.query.output.stream.OutputStream;
import io.siddhi.query.api.execution.query.selection.OutputAttribute;
import io.siddhi.query.api.execution.query.selection.Selector;
import io.siddhi.query.api.expression.AttributeFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.ratelimit.OutputRateSpec.Variant;
import org.siddhiql.runtime.state.EventCodec;
import org.siddhiql.runtime.state.StateCodec;

/**
 * Builds the output rate limit of a query, choosing the limiter Siddhi 5.1.21 would choose and rejecting what it
 * rejects.
 */
public final class RateLimits {
    private RateLimits() {
    }

    /**
     * The limit with the timer anchor of a query outside a partition ({@link TimerAnchor#APP_START}).
     *
     * @see #of(OutputRate, OutputStream.OutputEventType, boolean, boolean, StreamSchema, boolean[], TimerAnchor)
     */
    public static OutputRateSpec of(OutputRate rate, OutputStream.OutputEventType outputEventType, boolean groupBy,
            boolean windowed, StreamSchema output, boolean[] aggregatedOutputs) {
        return of(rate, outputEventType, groupBy, windowed, output, aggregatedOutputs, TimerAnchor.APP_START);
    }

    /**
     * @param rate the query's output rate, null when it has none
     * @param outputEventType the query's {@code insert ... events} choice as parsed (null reads as Siddhi's default:
     *     all events with a snapshot rate, current events otherwise)
     * @param groupBy the query has a group by
     * @param windowed as Siddhi decides it, see {@link #isWindowed(Query)}: a join, or one stream with a
     *     {@code #window}; not a named window, pattern or sequence
     * @param output the query's output schema (the selected attributes)
     * @param aggregatedOutputs per output attribute, whether its select expression is an aggregator call at the top
     *     (see {@link #aggregatedOutputs}); only read for snapshot rates on windowed queries; null means none
     * @param anchor where the app-clock grid of time-based ticks starts: {@link TimerAnchor#APP_START} outside
     *     partitions, {@link TimerAnchor#KEY_START} inside them
     * @throws IllegalArgumentException where Siddhi rejects the rate, or for a zero or negative period
     */
    public static OutputRateSpec of(OutputRate rate, OutputStream.OutputEventType outputEventType, boolean groupBy,
            boolean windowed, StreamSchema output, boolean[] aggregatedOutputs, TimerAnchor anchor) {
        if (output == null) {
            throw new IllegalArgumentException("the query's output schema is required");
        }
        return build(rate, outputEventType, groupBy, windowed, new EventCodec(output.typeArray()), output.size(),
                aggregatedOutputs, anchor);
    }

    private static OutputRateSpec build(OutputRate rate, OutputStream.OutputEventType outputEventType,
            boolean groupBy, boolean windowed, StateCodec<Event> codec, int width, boolean[] aggregatedOutputs,
            TimerAnchor anchor) {
        if (rate == null) {
            return new OutputRateSpec(Variant.PASS_THROUGH, groupBy, "every event", 0, codec, null, null, anchor);
        }
        if (rate instanceof EventOutputRate) {
            EventOutputRate events = (EventOutputRate) rate;
            Integer n = events.getValue();
            if (n == null || n < 0) {
                throw new IllegalArgumentException("output rate 'every " + n + " events' needs a number of events "
                        + "that is zero or more");
            }
            OutputRate.Type type = events.getType() == null ? OutputRate.Type.ALL : events.getType();
            String text = type.name().toLowerCase(Locale.ROOT) + " every " + n + " events";
            switch (type) {
                case ALL:
                    return new OutputRateSpec(Variant.ALL_EVERY_EVENTS, groupBy, text, n, codec, null, null,
                            anchor);
                case FIRST:
                    return new OutputRateSpec(groupBy ? Variant.FIRST_EVERY_EVENTS_PER_GROUP
                            : Variant.FIRST_EVERY_EVENTS, groupBy, text, n, codec, null, null, anchor);
                case LAST:
                    return new OutputRateSpec(groupBy ? Variant.LAST_EVERY_EVENTS_PER_GROUP
                            : Variant.LAST_EVERY_EVENTS, groupBy, text, n, codec, null, null, anchor);
                default:
                    throw new IllegalArgumentException(type + " not supported in output rate limiting");
            }
        }
        if (rate instanceof TimeOutputRate) {
            TimeOutputRate time = (TimeOutputRate) rate;
            long period = positivePeriod(time.getValue());
            OutputRate.Type type = time.getType() == null ? OutputRate.Type.ALL : time.getType();
            String text = type.name().toLowerCase(Locale.ROOT) + " every " + describeTime(period);
            switch (type) {
                case ALL:
                    return new OutputRateSpec(Variant.ALL_EVERY_TIME, groupBy, text, period, codec, null, null,
                            anchor);
                case FIRST:
                    return new OutputRateSpec(groupBy ? Variant.FIRST_EVERY_TIME_PER_GROUP
                            : Variant.FIRST_EVERY_TIME, groupBy, text, period, codec, null, null, anchor);
                case LAST:
                    return new OutputRateSpec(groupBy ? Variant.LAST_EVERY_TIME_PER_GROUP
                            : Variant.LAST_EVERY_TIME, groupBy, text, period, codec, null, null, anchor);
                default:
                    throw new IllegalArgumentException(type + " not supported in output rate limiting");
            }
        }
        if (rate instanceof SnapshotOutputRate) {
            long period = positivePeriod(((SnapshotOutputRate) rate).getValue());
            String text = "snapshot every " + describeTime(period);
            if (outputEventType != null && outputEventType != OutputStream.OutputEventType.ALL_EVENTS) {
                throw new IllegalArgumentException("a query with 'output " + text + "' can only insert 'all events'"
                        + ", but it inserts '" + (outputEventType == OutputStream.OutputEventType.CURRENT_EVENTS
                        ? "current events" : "expired events") + "'");
            }
            if (!windowed) {
                return new OutputRateSpec(groupBy ? Variant.SNAPSHOT_LATEST_ROW_PER_GROUP
                        : Variant.SNAPSHOT_LATEST_ROW, groupBy, text, period, codec, null, null, anchor);
            }
            int[] positions = width < 0 ? new int[0] : positions(aggregatedOutputs, width);
            if (positions.length == 0) {
                return new OutputRateSpec(Variant.SNAPSHOT_WINDOW_ROWS, groupBy, text, period, codec, null, null,
                        anchor);
            }
            if (positions.length == width) {
                return new OutputRateSpec(groupBy ? Variant.SNAPSHOT_LATEST_AGGREGATE_ROW_PER_GROUP
                        : Variant.SNAPSHOT_LATEST_AGGREGATE_ROW, groupBy, text, period, codec, positions, null,
                        anchor);
            }
            return new OutputRateSpec(groupBy ? Variant.SNAPSHOT_WINDOW_ROWS_WITH_AGGREGATES_PER_GROUP
                    : Variant.SNAPSHOT_WINDOW_ROWS_WITH_AGGREGATES, groupBy, text, period, codec, positions,
                    ExpiryMatch.ignoringAggregates(positions, width), anchor);
        }
        throw new IllegalArgumentException(rate.getClass().getSimpleName() + " not supported in output rate limiting");
    }

    /**
     * Siddhi's notion of a windowed query for snapshot limiting: a join, or a single stream with a {@code #window}
     * handler. Queries on a named window ({@code from W}), patterns and sequences are not windowed.
     */
    public static boolean isWindowed(Query query) {
        if (query.getInputStream() instanceof JoinInputStream) {
            return true;
        }
        if (query.getInputStream() instanceof SingleInputStream) {
            for (StreamHandler handler : ((SingleInputStream) query.getInputStream()).getStreamHandlers()) {
                if (handler instanceof Window) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Per output attribute, whether its select expression is, at the top, a call of an aggregator (as Siddhi tests
     * it: {@code sum(x)} is, {@code sum(x) + 1} is not). {@code select *} has none.
     *
     * @param isAggregator tells aggregator calls (sum, count, custom aggregators, ...) from other functions
     */
    public static boolean[] aggregatedOutputs(Selector selector, int outputSize,
            Predicate<AttributeFunction> isAggregator) {
        boolean[] aggregated = new boolean[outputSize];
        List<OutputAttribute> selection = selector == null ? new ArrayList<>() : selector.getSelectionList();
        for (int i = 0; i < selection.size() && i < outputSize; i++) {
            if (selection.get(i).getExpression() instanceof AttributeFunction) {
                aggregated[i] = isAggregator.test((AttributeFunction) selection.get(i).getExpression());
            }
        }
        return aggregated;
    }

    private static int[] positions(boolean[] aggregatedOutputs, int width) {
        if (aggregatedOutputs == null) {
            return new int[0];
        }
        if (aggregatedOutputs.length != width) {
            throw new IllegalArgumentException("aggregatedOutputs has " + aggregatedOutputs.length
                    + " entries for " + width + " output attributes");
        }
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            if (aggregatedOutputs[i]) {
                positions.add(i);
            }
        }
        return positions.stream().mapToInt(Integer::intValue).toArray();
    }

    private static long positivePeriod(Long millis) {
        if (millis == null || millis <= 0) {
            throw new IllegalArgumentException("an output rate period must be longer than 0 ms, got "
                    + millis + " ms (Siddhi 5.1.21 accepts 0 but its scheduler then spins at the first tick)");
        }
        return millis;
    }

    static String describeTime(long millis) {
        if (millis % 1000 == 0) {
            return millis / 1000 + " sec";
        }
        return millis + " millisec";
    }
}
