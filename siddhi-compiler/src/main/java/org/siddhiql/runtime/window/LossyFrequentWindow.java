package org.siddhiql.runtime.window;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.EventCodec;
import org.siddhiql.runtime.state.MapCell;
import org.siddhiql.runtime.state.StateCodec;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;

/**
 * {@code lossyFrequent(support, error[, attribute])} (deprecated in Siddhi): lossy counting. Buckets are
 * {@code ceil(1/error)} events wide. Each arrival counts its key (a new key starts at 1 with the bucket id before
 * the current one) and is emitted if its count is at least {@code (support - error) * total}; at the end of each
 * bucket, keys with {@code count + bucket <= current bucket} leave: their latest event, EXPIRED and stamped with the
 * clock, after the arrival, in Siddhi's map order. Keys as in {@link FrequentWindow}. Siddhi 5.1.21 fails on the
 * one-parameter form, so it is refused here.
 */
public final class LossyFrequentWindow extends BaseWindowSpec {
    private static final long serialVersionUID = 1L;

    static final WindowParams PARAMS = WindowParams.of("lossyFrequent")
            .constant("support.threshold", AttributeType.DOUBLE)
            .constant("error.bound", AttributeType.DOUBLE)
            .dynamic("attribute", AttributeType.STRING)
            .overload("support.threshold")
            .overload("support.threshold", "error.bound")
            .overload("support.threshold", "error.bound", "attribute")
            .usage("(support.threshold double, error.bound double, attribute string)");

    public static final WindowFactory FACTORY = (params, context) -> {
        PARAMS.validate(params, context);
        if (params.size() == 1) {
            throw new IllegalArgumentException("window 'lossyFrequent' needs its error.bound too:"
                    + " lossyFrequent(support.threshold double, error.bound double[, attribute]); Siddhi 5.1.21 fails"
                    + " on the one-parameter form");
        }
        double support = WindowParams.doubleValue(params.get(0));
        double error = WindowParams.doubleValue(params.get(1));
        return new LossyFrequentWindow(WindowParams.describe("lossyFrequent", params), support, error,
                FrequentWindow.keyAttributes("lossyFrequent", params, 2, context),
                new EventCodec(context.input().typeArray()));
    };

    private final double support;
    private final double error;
    private final double windowWidth;
    private final int[] keyAttributes;

    LossyFrequentWindow(String description, double support, double error, int[] keyAttributes, EventCodec codec) {
        super(description, ProcessingMode.SLIDE, codec);
        this.support = support;
        this.error = error;
        this.windowWidth = Math.ceil(1 / error);
        this.keyAttributes = keyAttributes;
    }

    @Override
    public WindowKernel instantiate(StateProvider state, String stateName) {
        HashOrderedMap<int[]> counts = new HashOrderedMap<>(state, stateName + ".counts", COUNT);
        MapCell<String, Event> latest = state.map(stateName + ".latest", Codecs.STRING, codec);
        ValueCell<long[]> totals = state.value(stateName + ".totals", TOTALS); // {total count, bucket id bits}
        return new UntimedKernel() {
            @Override
            public void onEvent(Event event, WindowContext context, List<Event> out) {
                long[] t = totals.get();
                int total = t == null ? 0 : (int) t[0];
                double bucket = t == null ? 1 : Double.longBitsToDouble(t[1]);
                total++;
                if (total != 1) {
                    bucket = Math.ceil(total / windowWidth);
                }
                totals.set(new long[] {total, Double.doubleToRawLongBits(bucket)});
                Event current = event.withType(EventType.CURRENT);
                String key = key(current);
                Event previous = latest.get(key);
                latest.put(key, current);
                int[] count = counts.get(key);
                if (previous != null) {
                    count = new int[] {count[0] + 1, count[1]};
                } else {
                    count = new int[] {1, (int) bucket - 1};
                }
                counts.put(key, count);
                if (count[0] >= (support - error) * total) {
                    out.add(current);
                }
                if (total % windowWidth == 0) {
                    for (Map.Entry<String, int[]> e : counts.entries()) {
                        if (e.getValue()[0] + e.getValue()[1] <= bucket) {
                            counts.remove(e.getKey());
                            Event gone = latest.get(e.getKey());
                            latest.remove(e.getKey());
                            out.add(gone.with(context.currentTime(), EventType.EXPIRED));
                        }
                    }
                }
            }
        };
    }

    private String key(Event event) {
        return FrequentWindow.key(event, keyAttributes);
    }

    private static final StateCodec<int[]> COUNT = new StateCodec<>() {
        @Override
        public void encode(int[] value, DataOutput out) throws IOException {
            out.writeInt(value[0]);
            out.writeInt(value[1]);
        }

        @Override
        public int[] decode(DataInput in) throws IOException {
            return new int[] {in.readInt(), in.readInt()};
        }

        @Override
        public int[] copy(int[] value) {
            return value.clone();
        }
    };

    private static final StateCodec<long[]> TOTALS = new StateCodec<>() {
        @Override
        public void encode(long[] value, DataOutput out) throws IOException {
            out.writeLong(value[0]);
            out.writeLong(value[1]);
        }

        @Override
        public long[] decode(DataInput in) throws IOException {
            return new long[] {in.readLong(), in.readLong()};
        }

        @Override
        public long[] copy(long[] value) {
            return value.clone();
        }
    };
}
