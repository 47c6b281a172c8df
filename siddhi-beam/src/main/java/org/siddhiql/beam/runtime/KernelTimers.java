package org.siddhiql.beam.runtime;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.StateCodec;

/**
 * The times at which the sub-keys of one graph stage asked to be woken, kept in state as Flink's timer service keeps
 * them per key: one entry per time, holding its sub-keys, fired in time order, then in the order they were asked
 * for. Beam's timers cannot serve here: on the playback clock a kernel's timer fires when an event moves the app's
 * clock past it, never because Beam's watermark did (which jumps to the end of time when a bounded input ends).
 *
 * <p>Times are map keys encoded so that their bytes sort as the times do, so the earliest is the cell's first entry
 * ({@link BeamStateProvider.EntryCell#first}): scheduling and polling touch one time's entry, not every pending one.
 */
final class KernelTimers {
    private final BeamStateProvider.EntryCell<Long, List<String>> pending;

    KernelTimers(BeamStateProvider state, String stage) {
        this.pending = state.globalMap("timers." + stage, TIME, SUB_KEYS);
    }

    void schedule(long time, String subKey) {
        List<String> keys = pending.get(time);
        if (keys == null) {
            keys = new ArrayList<>(1);
        } else if (keys.contains(subKey)) {
            return;
        }
        keys.add(subKey);
        pending.put(time, keys);
    }

    /** Removes the earliest timer due by {@code now} and returns its sub-key, or null when none is due. */
    String pollDue(long now) {
        Map.Entry<Long, List<String>> first = pending.first();
        if (first == null || first.getKey() > now) {
            return null;
        }
        List<String> keys = first.getValue();
        String subKey = keys.remove(0);
        if (keys.isEmpty()) {
            pending.remove(first.getKey());
        } else {
            pending.put(first.getKey(), keys);
        }
        return subKey;
    }

    /** The earliest pending time, or null. */
    Long earliest() {
        Map.Entry<Long, List<String>> first = pending.first();
        return first == null ? null : first.getKey();
    }

    /** Big-endian with the sign bit flipped: the bytes of two times compare, unsigned, as the times do. */
    private static final StateCodec<Long> TIME = new StateCodec<>() {
        @Override
        public void encode(Long value, DataOutput out) throws IOException {
            out.writeLong(value ^ Long.MIN_VALUE);
        }

        @Override
        public Long decode(DataInput in) throws IOException {
            return in.readLong() ^ Long.MIN_VALUE;
        }
    };

    private static final StateCodec<List<String>> SUB_KEYS = new StateCodec<>() {
        @Override
        public void encode(List<String> value, DataOutput out) throws IOException {
            out.writeInt(value.size());
            for (String key : value) {
                Codecs.writeString(key, out);
            }
        }

        @Override
        public List<String> decode(DataInput in) throws IOException {
            int keys = in.readInt();
            List<String> value = new ArrayList<>(keys);
            for (int k = 0; k < keys; k++) {
                value.add(Codecs.readString(in));
            }
            return value;
        }
    };
}
