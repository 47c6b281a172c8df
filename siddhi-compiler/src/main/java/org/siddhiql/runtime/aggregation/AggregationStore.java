package org.siddhiql.runtime.aggregation;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.MapCell;
import org.siddhiql.runtime.state.SharedState;
import org.siddhiql.runtime.state.StateCodec;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;

/**
 * The buckets of one incremental aggregation, as Siddhi's chain of incremental executors keeps them: per duration a
 * running bucket (one row per group, and per bucket start when buckets follow an {@code aggregate by} attribute) and
 * the finished buckets (Siddhi's per-duration table). An event whose time reaches a duration's next bucket start
 * rolls that duration over: its running rows become finished rows and are merged into the next duration's running
 * bucket, and the next duration is told the new start, so it may roll over too. The finest duration is also rolled
 * over by a timer at its next bucket start, as Siddhi's scheduler does on the playback clock.
 *
 * <p>{@link #find} answers a {@code within ... per ...} retrieval as {@code IncrementalAggregateCompileCondition}
 * does: the finished rows of the per duration plus the running rows of it and every finer duration, filtered by the
 * within range on their own bucket starts, then (with {@code aggregate by}) merged per per-bucket and group, or (with
 * arrival time) the running rows merged into one row per group stamped with the oldest running bucket's start. Rows
 * come out in Siddhi's order: its group keys' hash order.
 *
 * <p>All of it is managed state: the clocks are one value, the rows one map entry per row.
 */
public final class AggregationStore {
    private static final String KEY_DELIMITER = ":-:";
    private static final long UNSET = -1L;
    /**
     * Per duration: the next bucket start, the start of the latest bucket seen, the running bucket's start, and the
     * number of rows ever opened in its running buckets (which numbers them in order of arrival).
     */
    private static final int CLOCK_FIELDS = 4;
    private static final int NEXT_START = 0;
    private static final int LATEST_START = 1;
    private static final int BUCKET_START = 2;
    private static final int ARRIVALS = 3;

    private final AggregationSpec spec;
    private final int groups;
    private final List<BucketDuration> durations;
    /** The root timer, then {@link #CLOCK_FIELDS} longs per duration. */
    private final ValueCell<List<Long>> clocks;
    private final List<MapCell<String, Object[]>> running = new ArrayList<>();
    private final List<MapCell<String, Object[]>> finished = new ArrayList<>();

    AggregationStore(AggregationSpec spec, StateProvider state) {
        this.spec = spec;
        this.groups = spec.groupBy().size();
        this.durations = spec.durations();
        String prefix = SharedState.name("aggregation", spec.name()) + ".";
        this.clocks = state.value(prefix + "clocks", Codecs.listOf(Codecs.LONG));
        for (BucketDuration duration : durations) {
            running.add(state.map(prefix + "running." + duration, Codecs.STRING, ROW));
            finished.add(state.map(prefix + "finished." + duration, Codecs.STRING, ROW));
        }
    }

    /** An event of the aggregation's input stream. */
    public void onEvent(Event event) {
        long[] clock = loadClocks();
        long time = spec.externalTime() ? (Long) spec.timestamp().evaluate(event) : event.timestamp();
        if (clock[0] == UNSET) {
            clock[0] = durations.get(0).nextStart(time);
        }
        Object[] row = new Object[1 + groups + spec.baseInputs().size() + 1];
        row[0] = time;
        for (int i = 0; i < groups; i++) {
            row[1 + i] = spec.groupBy().get(i).evaluate(event);
        }
        for (int i = 0; i < spec.baseInputs().size(); i++) {
            row[1 + groups + i] = spec.baseInputs().get(i).evaluate(event);
        }
        execute(0, time, row, clock);
        clocks.set(toList(clock));
    }

    /** The time of the root timer, or null before the first event. */
    public Long nextTimer() {
        List<Long> stored = clocks.get();
        return stored == null ? null : stored.get(0);
    }

    /**
     * Fires the root timer while due by {@code now}: each firing rolls the finest duration over at the timer's time
     * and sets the next timer a bucket later, as Siddhi's scheduler re-arms it.
     */
    public void fireDueTimers(long now) {
        if (clocks.get() == null) {
            return;
        }
        long[] clock = loadClocks();
        while (clock[0] != UNSET && clock[0] <= now) {
            long time = clock[0];
            clock[0] = durations.get(0).nextStart(time);
            execute(0, time, null, clock);
        }
        clocks.set(toList(clock));
    }

    /**
     * One event (a row, or null for a timer) reaching duration {@code level}, as {@code IncrementalExecutor.execute}:
     * the duration rolls over when the time reaches its next bucket start; a row then joins the running bucket.
     */
    private void execute(int level, long time, Object[] row, long[] clock) {
        BucketDuration duration = durations.get(level);
        clock[slot(level, LATEST_START)] = duration.startOf(time);
        if (time >= clock[slot(level, NEXT_START)]) {
            clock[slot(level, NEXT_START)] = duration.nextStart(time);
            rollOver(level, clock[slot(level, LATEST_START)], clock);
            if (level + 1 < durations.size()) {
                execute(level + 1, clock[slot(level, LATEST_START)], null, clock);
            }
        }
        if (row != null) {
            add(level, row, clock);
        }
    }

    /**
     * Merges a row into the running bucket of {@code level}. A new row gets the next arrival number of the level:
     * Siddhi keeps the rows in a hash map filled in arrival order, and its results follow that map's order.
     */
    private void add(int level, Object[] row, long[] clock) {
        Object[] keyed = row.clone();
        if (spec.externalTime()) {
            keyed[0] = durations.get(level).startOf((Long) row[0]);
        }
        String key = groupKey(spec.externalTime() ? keyed[0] : null, keyed);
        MapCell<String, Object[]> bucket = running.get(level);
        Object[] stored = bucket.get(key);
        Object[] result = merged(stored, keyed);
        result[result.length - 1] = stored == null ? Long.valueOf(++clock[slot(level, ARRIVALS)])
                : stored[stored.length - 1];
        bucket.put(key, result);
    }

    /** A row with the base values of {@code added} merged into those of {@code stored} (none for a new row). */
    private Object[] merged(Object[] stored, Object[] added) {
        Object[] result = stored == null ? new Object[added.length] : stored.clone();
        result[0] = added[0];
        System.arraycopy(added, 1, result, 1, groups);
        List<BaseValue> bases = spec.baseValues();
        for (int i = 0; i < bases.size(); i++) {
            int column = 1 + groups + i;
            result[column] = bases.get(i).merge(stored == null ? null : stored[column], added[column]);
        }
        return result;
    }

    /**
     * Ends the running bucket of {@code level}: its rows become finished rows (stamped with their own bucket start
     * under {@code aggregate by}, else with the running bucket's start) and go on to the next duration.
     */
    private void rollOver(int level, long newStart, long[] clock) {
        long bucketStart = clock[slot(level, BUCKET_START)];
        MapCell<String, Object[]> bucket = running.get(level);
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, Object[]> entry : inHashOrder(bucket).entrySet()) {
            Object[] row = entry.getValue().clone();
            if (!spec.externalTime()) {
                row[0] = bucketStart;
            }
            String key = bucketStart + "/" + entry.getKey();
            if (finished.get(level).get(key) == null) {
                finished.get(level).put(key, row);
            }
            rows.add(row);
        }
        bucket.clear();
        clock[slot(level, BUCKET_START)] = newStart;
        if (level + 1 < durations.size()) {
            for (Object[] row : rows) {
                execute(level + 1, bucketStart, row, clock);
            }
        }
    }

    /**
     * The aggregation's rows for one retrieval: {@code AGG_TIMESTAMP} then the select clause's attributes, for the
     * buckets of {@code per} within {@code [start, end)}. This is the entry point of on-demand queries too.
     *
     * @throws IllegalArgumentException when the aggregation has no {@code per} duration
     */
    public List<Object[]> find(long start, long end, BucketDuration per) {
        int perLevel = durations.indexOf(per);
        if (perLevel < 0) {
            throw new IllegalArgumentException("the aggregate values for " + per + " granularity cannot be provided "
                    + "since aggregation '" + spec.name() + "' does not contain the " + per + " duration");
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object[] row : finishedInTableOrder(perLevel)) {
            if (start <= (Long) row[0] && (Long) row[0] < end) {
                rows.add(row);
            }
        }
        List<Object[]> buckets = spec.externalTime() ? mergedPerBucket(rows, start, end, perLevel, per)
                : withRunningBucket(rows, start, end, perLevel, per);
        List<Object[]> result = new ArrayList<>(buckets.size());
        for (Object[] row : buckets) {
            Object[] out = new Object[1 + spec.outputs().size()];
            out[0] = row[0];
            for (int i = 0; i < spec.outputs().size(); i++) {
                out[1 + i] = spec.outputs().get(i).compute(row);
            }
            result.add(out);
        }
        return result;
    }

    /**
     * With {@code aggregate by}: the finished rows, then the running rows of the per duration and the finer ones
     * merged per level key and per-bucket (Siddhi's {@code IncrementalDataAggregator}), each kept when in range,
     * all merged per per-bucket and group (its {@code OutOfOrderEventsDataAggregator}).
     */
    private List<Object[]> mergedPerBucket(List<Object[]> finishedRows, long start, long end, int perLevel,
            BucketDuration per) {
        long[] clock = loadClocks();
        Map<String, Object[]> inMemory = new HashMap<>();
        for (int level = perLevel; level >= 0; level--) {
            long perStart = per.startOf(clock[slot(level, BUCKET_START)]);
            for (Map.Entry<String, Object[]> entry : inHashOrder(running.get(level)).entrySet()) {
                inMemory.merge(entry.getKey() + "-" + perStart, entry.getValue(), this::merged);
            }
        }
        List<Object[]> candidates = new ArrayList<>(finishedRows);
        for (Object[] row : inMemory.values()) {
            if (start <= (Long) row[0] && (Long) row[0] < end) {
                candidates.add(row);
            }
        }
        Map<String, Object[]> merged = new HashMap<>();
        for (Object[] row : candidates) {
            Object[] perRow = row.clone();
            perRow[0] = per.startOf((Long) row[0]);
            merged.merge(groupKey(perRow[0], perRow), merged(null, perRow), this::merged);
        }
        return new ArrayList<>(merged.values());
    }

    /**
     * With arrival time: the finished rows as they are, then, when the range ends after the oldest running bucket,
     * the running rows of the per duration and the finer ones merged per group, stamped with that bucket's start.
     */
    private List<Object[]> withRunningBucket(List<Object[]> finishedRows, long start, long end, int perLevel,
            BucketDuration per) {
        List<Object[]> result = new ArrayList<>(finishedRows);
        long[] clock = loadClocks();
        long oldest = UNSET;
        for (int level = perLevel; level >= 0 && oldest == UNSET; level--) {
            oldest = clock[slot(level, LATEST_START)];
        }
        if (oldest == UNSET || end <= oldest) {
            return result;
        }
        Map<String, Object[]> merged = new HashMap<>();
        for (int level = perLevel; level >= 0; level--) {
            long perStart = per.startOf(clock[slot(level, BUCKET_START)]);
            for (Map.Entry<String, Object[]> entry : inHashOrder(running.get(level)).entrySet()) {
                Object[] stamped = entry.getValue().clone();
                stamped[0] = oldest;
                merged.merge(entry.getKey() + "-" + perStart, merged(null, stamped), this::merged);
            }
        }
        if (start <= oldest) {
            result.addAll(merged.values());
        }
        return result;
    }

    /**
     * The finished rows of a duration in the order Siddhi's table holds them: a hash map by primary key
     * ({@code AGG_TIMESTAMP}, the bucket start under {@code aggregate by}, the group-by values) filled bucket after
     * bucket, or sorted by time when {@code AGG_TIMESTAMP} is the whole key. Within a bucket the map is filled in
     * the reverse of the running bucket's order: that is what siddhi-core's results show for keys sharing a hash
     * bucket (cases aggregation_arrival_rows_in_siddhi_order and aggregation_arrival_rows_swapped).
     */
    private List<Object[]> finishedInTableOrder(int level) {
        Map<Long, Map<String, Object[]>> byBucket = new TreeMap<>();
        for (Map.Entry<String, Object[]> entry : inArrivalOrder(finished.get(level).entries())) {
            int slash = entry.getKey().indexOf('/');
            byBucket.computeIfAbsent(Long.parseLong(entry.getKey().substring(0, slash)), b -> new LinkedHashMap<>())
                    .put(entry.getKey().substring(slash + 1), entry.getValue());
        }
        if (!spec.externalTime() && groups == 0) {
            return byBucket.values().stream().flatMap(rows -> rows.values().stream()).collect(Collectors.toList());
        }
        Map<String, Object[]> table = new HashMap<>();
        for (Map.Entry<Long, Map<String, Object[]>> bucket : byBucket.entrySet()) {
            List<Map.Entry<String, Object[]>> dispatched = new ArrayList<>(hashOrdered(bucket.getValue()).entrySet());
            Collections.reverse(dispatched);
            for (Map.Entry<String, Object[]> row : dispatched) {
                table.put(bucket.getKey() + KEY_DELIMITER + row.getKey(), row.getValue());
            }
        }
        return new ArrayList<>(table.values());
    }

    /** A running bucket's rows in the order Siddhi's group-by state map holds them, filled in arrival order. */
    private static Map<String, Object[]> inHashOrder(MapCell<String, Object[]> cell) {
        Map<String, Object[]> arrived = new LinkedHashMap<>();
        inArrivalOrder(cell.entries()).forEach(entry -> arrived.put(entry.getKey(), entry.getValue()));
        return hashOrdered(arrived);
    }

    /** Rows by their arrival number, the last element of each. */
    private static List<Map.Entry<String, Object[]>> inArrivalOrder(Iterable<Map.Entry<String, Object[]>> rows) {
        List<Map.Entry<String, Object[]>> sorted = new ArrayList<>();
        rows.forEach(sorted::add);
        sorted.sort(Comparator.comparing(entry -> (Long) entry.getValue()[entry.getValue().length - 1]));
        return sorted;
    }

    /**
     * The entries in the iteration order of a {@link HashMap} filled in the given order: the order of the hash maps
     * siddhi-core keeps rows in, which its results follow (keys sharing a hash bucket keep their filling order).
     */
    private static Map<String, Object[]> hashOrdered(Map<String, Object[]> entries) {
        // Put one by one: a map copied whole may be sized differently, and the order depends on the size.
        Map<String, Object[]> hashed = new HashMap<>();
        entries.forEach(hashed::put);
        return new LinkedHashMap<>(hashed);
    }

    /** Siddhi's group-by key: the values, each followed by its delimiter; its hash order is Siddhi's row order. */
    private String groupKey(Object bucketStart, Object[] row) {
        StringBuilder key = new StringBuilder();
        if (bucketStart != null) {
            key.append(bucketStart).append(KEY_DELIMITER);
        }
        for (int i = 0; i < groups; i++) {
            key.append(row[1 + i]).append(KEY_DELIMITER);
        }
        return key.toString();
    }

    /** Where one clock field of a duration is: after the root timer, {@link #CLOCK_FIELDS} per duration. */
    private static int slot(int level, int field) {
        return 1 + level * CLOCK_FIELDS + field;
    }

    private long[] loadClocks() {
        List<Long> stored = clocks.get();
        long[] clock = new long[1 + durations.size() * CLOCK_FIELDS];
        if (stored == null) {
            Arrays.fill(clock, UNSET);
            return clock;
        }
        for (int i = 0; i < clock.length; i++) {
            clock[i] = stored.get(i);
        }
        return clock;
    }

    private static List<Long> toList(long[] clock) {
        List<Long> list = new ArrayList<>(clock.length);
        for (long value : clock) {
            list.add(value);
        }
        return list;
    }

    private static final StateCodec<Object[]> ROW = new StateCodec<>() {
        @Override
        public void encode(Object[] value, DataOutput out) throws IOException {
            Codecs.writeAny(value, out);
        }

        @Override
        public Object[] decode(DataInput in) throws IOException {
            return (Object[]) Codecs.readAny(in);
        }
    };
}
