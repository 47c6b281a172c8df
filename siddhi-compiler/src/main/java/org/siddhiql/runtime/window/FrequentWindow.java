package org.siddhiql.runtime.window;

import io.siddhi.query.api.expression.Expression;
import java.util.List;
import java.util.Map;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.EventCodec;
import org.siddhiql.runtime.state.MapCell;
import org.siddhiql.runtime.state.StateProvider;

/**
 * {@code frequent(n[, attribute])} (deprecated in Siddhi): Misra-Gries counting of the n most frequent keys. The key
 * is the attribute's text ("null" for null) or, without one, the concatenated texts of what the query selects (see
 * {@link #keyAttributes}). The window keeps the latest event per key. An arrival of a kept key counts up and is emitted.
 * A new key when n keys are kept counts every kept key down, in Siddhi's map order; keys reaching 0 leave (their
 * latest event, EXPIRED, stamped with the clock, in that order); if none left, the arrival is dropped, otherwise it is
 * kept and emitted after the expired events.
 */
public final class FrequentWindow extends BaseWindowSpec {
    private static final long serialVersionUID = 1L;

    static final WindowParams PARAMS = WindowParams.of("frequent")
            .constant("event.count", AttributeType.INT)
            .dynamic("attribute", AttributeType.STRING)
            .overload("event.count")
            .overload("event.count", "attribute")
            .usage("(event.count int, attribute string)");

    public static final WindowFactory FACTORY = (params, context) -> {
        PARAMS.validate(params, context);
        return new FrequentWindow(WindowParams.describe("frequent", params), WindowParams.intValue(params.get(0)),
                keyAttributes("frequent", params, 1, context), new EventCodec(context.input().typeArray()));
    };

    private final int count;
    private final int[] keyAttributes;

    FrequentWindow(String description, int count, int[] keyAttributes, EventCodec codec) {
        super(description, ProcessingMode.SLIDE, codec);
        this.count = count;
        this.keyAttributes = keyAttributes;
    }

    /**
     * The attribute positions a frequent window keys on: the attribute parameters; without them, what the query's
     * select copies from the input ({@link WindowCompileContext#selectedInputAttributes()}, -1 for a computed output
     * attribute), or all attributes for {@code select *}.
     */
    static int[] keyAttributes(String window, List<Expression> params, int from, WindowCompileContext context) {
        if (params.size() <= from) {
            int[] selected = context.selectedInputAttributes();
            if (selected != null) {
                return selected.clone();
            }
            int[] all = new int[context.input().size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] indexes = new int[params.size() - from];
        for (int i = from; i < params.size(); i++) {
            int index = WindowParams.attributeIndex(params.get(i), context);
            if (index < 0) {
                throw new IllegalArgumentException("window '" + window + "' parameter " + (i + 1)
                        + " (attribute) must be an attribute of the input");
            }
            indexes[i - from] = index;
        }
        return indexes;
    }

    /** Siddhi's key: the values' texts, concatenated; -1 stands for a value the window does not have yet. */
    static String key(Event event, int[] attributes) {
        StringBuilder b = new StringBuilder();
        for (int index : attributes) {
            b.append(index < 0 ? null : event.get(index));
        }
        return b.toString();
    }

    @Override
    public WindowKernel instantiate(StateProvider state, String stateName) {
        HashOrderedMap<Long> counts = new HashOrderedMap<>(state, stateName + ".counts", Codecs.LONG);
        MapCell<String, Event> latest = state.map(stateName + ".latest", Codecs.STRING, codec);
        return new UntimedKernel() {
            @Override
            public void onEvent(Event event, WindowContext context, List<Event> out) {
                Event current = event.withType(EventType.CURRENT);
                String key = key(current, keyAttributes);
                Event previous = latest.get(key);
                latest.put(key, current);
                if (previous != null) {
                    counts.put(key, counts.get(key) + 1);
                    out.add(current);
                    return;
                }
                int kept = counts.size();
                if (kept + 1 > count) {
                    List<Map.Entry<String, Long>> entries = counts.entries();
                    for (int i = 0; i < count && i < entries.size(); i++) {
                        String k = entries.get(i).getKey();
                        long c = entries.get(i).getValue() - 1;
                        if (c == 0) {
                            counts.remove(k);
                            Event gone = latest.get(k);
                            latest.remove(k);
                            out.add(gone.with(context.currentTime(), EventType.EXPIRED));
                            kept--;
                        } else {
                            counts.put(k, c);
                        }
                    }
                    if (kept + 1 > count) {
                        latest.remove(key);
                        return;
                    }
                }
                counts.put(key, 1L);
                out.add(current);
            }
        };
    }
}
