package org.siddhiql.beam.runtime;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.StateCodec;
import org.siddhiql.runtime.state.ValueCell;

/**
 * The times at which the sub-keys of one graph stage asked to be woken, kept in state as Flink's timer service keeps
 * them per key: one entry per (time, sub-key), fired in time order, then in the order they were asked for. Beam's
 * timers cannot serve here: on the playback clock a kernel's timer fires when an event moves the app's clock past
 * it, never because Beam's watermark did (which jumps to the end of time when a bounded input ends).
 */
final class KernelTimers {
    private final ValueCell<TreeMap<Long, List<String>>> pending;

    KernelTimers(BeamStateProvider state, String stage) {
        this.pending = state.globalValue("timers." + stage, CODEC);
    }

    void schedule(long time, String subKey) {
        TreeMap<Long, List<String>> timers = timers();
        List<String> keys = timers.computeIfAbsent(time, t -> new ArrayList<>());
        if (!keys.contains(subKey)) {
            keys.add(subKey);
            pending.set(timers);
        }
    }

    /** Removes the earliest timer due by {@code now} and returns its sub-key, or null when none is due. */
    String pollDue(long now) {
        TreeMap<Long, List<String>> timers = timers();
        Map.Entry<Long, List<String>> first = timers.firstEntry();
        if (first == null || first.getKey() > now) {
            return null;
        }
        String subKey = first.getValue().remove(0);
        if (first.getValue().isEmpty()) {
            timers.remove(first.getKey());
        }
        if (timers.isEmpty()) {
            pending.clear();
        } else {
            pending.set(timers);
        }
        return subKey;
    }

    /** The earliest pending time, or null. */
    Long earliest() {
        TreeMap<Long, List<String>> timers = pending.get();
        return timers == null || timers.isEmpty() ? null : timers.firstKey();
    }

    private TreeMap<Long, List<String>> timers() {
        TreeMap<Long, List<String>> timers = pending.get();
        return timers == null ? new TreeMap<>() : timers;
    }

    private static final StateCodec<TreeMap<Long, List<String>>> CODEC = new StateCodec<>() {
        @Override
        public void encode(TreeMap<Long, List<String>> value, DataOutput out) throws IOException {
            out.writeInt(value.size());
            for (Map.Entry<Long, List<String>> e : value.entrySet()) {
                out.writeLong(e.getKey());
                out.writeInt(e.getValue().size());
                for (String key : e.getValue()) {
                    Codecs.writeString(key, out);
                }
            }
        }

        @Override
        public TreeMap<Long, List<String>> decode(DataInput in) throws IOException {
            TreeMap<Long, List<String>> value = new TreeMap<>();
            int times = in.readInt();
            for (int i = 0; i < times; i++) {
                long time = in.readLong();
                int keys = in.readInt();
                List<String> subKeys = new ArrayList<>(keys);
                for (int k = 0; k < keys; k++) {
                    subKeys.add(Codecs.readString(in));
                }
                value.put(time, subKeys);
            }
            return value;
        }
    };
}
