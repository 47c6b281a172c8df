package org.siddhiql.runtime.window;

import io.siddhi.query.api.expression.Expression;
import io.siddhi.query.api.expression.Variable;
import io.siddhi.query.api.expression.constant.Constant;
import io.siddhi.query.api.expression.constant.StringConstant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.EventCodec;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;

/**
 * {@code sort(n, attribute[, 'asc'|'desc'], ...)}: keeps the n smallest events by the given attributes. Each arrival
 * is emitted CURRENT; when the window then holds more than n events it is sorted (stably, Java's sort on Siddhi's
 * list) and its last event leaves, EXPIRED and stamped with the clock, after the CURRENT one. Among equal keys the
 * most recently added leaves first. A null sort value makes Siddhi's sort fail: the event stays in the window
 * (partly sorted, as Java's sort left it) and nothing is emitted.
 */
public final class SortWindow extends BaseWindowSpec {
    private static final long serialVersionUID = 1L;

    static final WindowParams PARAMS = WindowParams.of("sort")
            .constant("window.length", AttributeType.INT)
            .dynamic("attribute", AttributeType.STRING, AttributeType.DOUBLE, AttributeType.INT,
                    AttributeType.LONG, AttributeType.FLOAT)
            .constant("order", AttributeType.STRING)
            .overload("window.length", "attribute")
            .overload("window.length", "attribute", "order", WindowParams.REPEAT)
            .overload("window.length", "attribute", "order", "attribute", WindowParams.REPEAT)
            .usage("(window.length int, attribute, ['asc'|'desc'], attribute, ['asc'|'desc'], ...)");

    public static final WindowFactory FACTORY = (params, context) -> {
        List<AttributeType> types = PARAMS.validate(params, context);
        List<Integer> indexes = new ArrayList<>();
        List<Integer> orders = new ArrayList<>();
        for (int i = 1; i < params.size(); i++) {
            Expression p = params.get(i);
            int index = WindowParams.attributeIndex(p, context);
            if (!(p instanceof Variable) || index < 0) {
                throw new IllegalArgumentException("window 'sort' parameter " + (i + 1) + " must be an attribute to"
                        + " sort by" + (p instanceof StringConstant ? " ('asc' or 'desc' only follows an attribute)"
                        : ""));
            }
            int order = 1;
            if (i + 1 < params.size() && types.get(i + 1) == AttributeType.STRING) {
                Expression next = params.get(i + 1);
                if (!(next instanceof Constant)) {
                    throw new IllegalArgumentException("window 'sort' parameter " + (i + 2) + " must be 'asc' or"
                            + " 'desc' (a string attribute cannot follow a sort attribute)");
                }
                String word = WindowParams.stringValue(next);
                if (word.equalsIgnoreCase("desc")) {
                    order = -1;
                } else if (!word.equalsIgnoreCase("asc")) {
                    throw new IllegalArgumentException("window 'sort' parameter " + (i + 2)
                            + " must be 'asc' or 'desc', got '" + word + "'");
                }
                i++;
            }
            indexes.add(index);
            orders.add(order);
        }
        return new SortWindow(WindowParams.describe("sort", params), WindowParams.intValue(params.get(0)),
                indexes.stream().mapToInt(Integer::intValue).toArray(),
                orders.stream().mapToInt(Integer::intValue).toArray(), new EventCodec(context.input().typeArray()));
    };

    private final int length;
    private final int[] attributes;
    private final int[] orders;

    SortWindow(String description, int length, int[] attributes, int[] orders, EventCodec codec) {
        super(description, ProcessingMode.SLIDE, codec);
        this.length = length;
        this.attributes = attributes;
        this.orders = orders;
    }

    @Override
    public WindowKernel instantiate(StateProvider state, String stateName) {
        ValueCell<List<Event>> window = state.value(stateName + ".window", Codecs.listOf(codec));
        Comparator<Event> comparator = this::compare;
        return new UntimedKernel() {
            @Override
            public void onEvent(Event event, WindowContext context, List<Event> out) {
                List<Event> list = window.get() == null ? new ArrayList<>() : new ArrayList<>(window.get());
                Event current = event.withType(EventType.CURRENT);
                list.add(current);
                if (list.size() > length) {
                    try {
                        Collections.sort(list, comparator);
                    } catch (NullSortValue e) {
                        window.set(list);
                        return;
                    }
                    Event last = list.remove(list.size() - 1);
                    out.add(current);
                    out.add(last.with(context.currentTime(), EventType.EXPIRED));
                } else {
                    out.add(current);
                }
                window.set(list);
            }
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int compare(Event a, Event b) {
        for (int i = 0; i < attributes.length; i++) {
            Comparable x = (Comparable) a.get(attributes[i]);
            Comparable y = (Comparable) b.get(attributes[i]);
            if (x == null || y == null) {
                throw new NullSortValue();
            }
            int c = x.compareTo(y);
            if (c != 0) {
                return orders[i] * c;
            }
        }
        return 0;
    }

    private static final class NullSortValue extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NullSortValue() {
            super(null, null, false, false);
        }
    }
}
