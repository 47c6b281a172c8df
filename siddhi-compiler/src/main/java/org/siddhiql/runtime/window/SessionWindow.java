package org.siddhiql.runtime.window;

import io.siddhi.query.api.expression.Variable;
import io.siddhi.query.api.expression.constant.Constant;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * {@code session(gap[, session.key[, allowed.latency]])}: sessions per key, by event timestamps (not the clock).
 *
 * <p>An event starts a session of its key or, if its timestamp is within the session's end (last timestamp + gap),
 * joins it and pushes the end. A timer at each end time closes the sessions whose end has passed, in end order
 * (Siddhi's map order for equal ends): their events leave EXPIRED, keeping their own timestamps, after the event
 * that triggered (none for timers). With an allowed latency, a closed session is first kept as the key's previous
 * session until end + latency, late events may still join or merge it, and a new session starting while a previous
 * one is kept expires that previous one. Late events that fit no session are dropped (not emitted). Arriving events
 * are emitted CURRENT as they come.
 */
public final class SessionWindow extends BaseWindowSpec {
    private static final long serialVersionUID = 1L;
    private static final String DEFAULT_KEY = "default-key";

    static final WindowParams PARAMS = WindowParams.of("session")
            .constant("session.gap", AttributeType.INT, AttributeType.LONG)
            .dynamic("session.key", AttributeType.STRING)
            .constant("allowed.latency", AttributeType.INT, AttributeType.LONG)
            .overload("session.gap")
            .overload("session.gap", "session.key")
            .overload("session.gap", "session.key", "allowed.latency")
            .usage("(session.gap long|time, session.key string, allowed.latency long|time)");

    public static final WindowFactory FACTORY = (params, context) -> {
        List<AttributeType> types = PARAMS.validate(params, context);
        // Siddhi 5.1.21 reads the gap and the latency as Long: an int constant fails there
        if (types.get(0) != AttributeType.LONG) {
            throw new IllegalArgumentException("window 'session' parameter 1 (session.gap) must be a long or time"
                    + " constant (e.g. 5000L or 5 sec); Siddhi 5.1.21 fails on an int");
        }
        long gap = WindowParams.longValue(params.get(0));
        int keyIndex = -1;
        long latency = 0;
        if (params.size() >= 2) {
            if (params.get(1) instanceof Variable) {
                keyIndex = WindowParams.attributeIndex(params.get(1), context);
            }
            if (keyIndex < 0) {
                throw new IllegalArgumentException("window 'session' parameter 2 (session.key) must be a string"
                        + " attribute of the input" + (params.get(1) instanceof Constant ? ", not a constant" : ""));
            }
        }
        if (params.size() == 3) {
            if (types.get(2) != AttributeType.LONG) {
                throw new IllegalArgumentException("window 'session' parameter 3 (allowed.latency) must be a long or"
                        + " time constant; Siddhi 5.1.21 fails on an int");
            }
            latency = WindowParams.longValue(params.get(2));
            if (latency > gap) {
                throw new IllegalArgumentException("window 'session' parameter 3 (allowed.latency) must not be"
                        + " greater than the session gap");
            }
        }
        return new SessionWindow(WindowParams.describe("session", params), gap, keyIndex, latency,
                new EventCodec(context.input().typeArray()));
    };

    private final long gap;
    private final int keyIndex;
    private final long latency;

    SessionWindow(String description, long gap, int keyIndex, long latency, EventCodec codec) {
        super(description, ProcessingMode.GROUP, codec);
        this.gap = gap;
        this.keyIndex = keyIndex;
        this.latency = latency;
    }

    @Override
    public WindowKernel instantiate(StateProvider state, String stateName) {
        return new Kernel(state, stateName);
    }

    /** One session: its events in Siddhi's chunk order and that chunk's iterator position, which late events use. */
    static final class Session {
        final List<Event> events = new ArrayList<>();
        int cursor = -1;
        long start;
        long end;
        long alive;

        boolean isEmpty() {
            return events.isEmpty();
        }

        void times(long s, long e, long a) {
            start = s;
            end = e;
            alive = a;
        }

        void clear() {
            events.clear();
            cursor = -1;
        }

        /** Siddhi's {@code if (hasNext()) next(); insertBeforeCurrent(items)} on a non-empty chunk. */
        void insertLate(List<Event> items) {
            boolean hasNext = cursor == -1 ? !events.isEmpty() : cursor + 1 < events.size();
            if (hasNext) {
                cursor = cursor == -1 ? 0 : cursor + 1;
            }
            events.addAll(cursor, items);
            cursor += items.size();
        }
    }

    /** The current and previous session of one key. */
    static final class Container {
        final Session current = new Session();
        final Session previous = new Session();
    }

    private final class Kernel implements WindowKernel {
        /** Per key, in the key order of Siddhi's session map: {current end or none, previous end, previous alive}. */
        private final HashOrderedMap<long[]> keys;
        private final MapCell<String, Container> sessions;
        private final TimerQueue timers;
        private final ValueCell<Long> largestFill;

        Kernel(StateProvider state, String name) {
            this.keys = new HashOrderedMap<>(state, name + ".keys", SUMMARY);
            this.sessions = state.map(name + ".sessions", Codecs.STRING, new ContainerCodec(codec));
            this.timers = new TimerQueue(state, name + ".timers");
            this.largestFill = state.value(name + ".largestFill", Codecs.LONG);
        }

        @Override
        public void onEvent(Event event, WindowContext context, List<Event> out) {
            Event current = event.withType(EventType.CURRENT);
            String key = keyIndex < 0 ? DEFAULT_KEY : (String) current.get(keyIndex);
            if (key == null) {
                return; // Siddhi's session map refuses a null key and the event is lost
            }
            long ts = current.timestamp();
            long maxTs = ts + gap;
            long aliveTs = maxTs + latency;
            Container c = sessions.get(key);
            if (c == null) {
                c = new Container();
            }
            List<Event> expired = new ArrayList<>();
            boolean emitted = true;
            Session cur = c.current;
            if (cur.isEmpty()) {
                cur.events.add(current);
                cur.times(ts, maxTs, aliveTs);
                timers.notifyAt(maxTs, context);
            } else if (ts >= cur.start) {
                if (ts <= cur.end) {
                    cur.times(cur.start, maxTs, aliveTs);
                    cur.events.add(current);
                    timers.notifyAt(maxTs, context);
                } else if (latency > 0) {
                    moveToPrevious(c, expired, context);
                    cur.clear();
                    cur.times(ts, maxTs, aliveTs);
                    cur.events.add(current);
                    timers.notifyAt(maxTs, context);
                }
            } else {
                emitted = addLate(c, ts, current);
            }
            save(key, c);
            if (emitted) {
                out.add(current);
            }
            for (Event e : expired) {
                out.add(e.withType(EventType.EXPIRED));
            }
        }

        @Override
        public void onTimer(long timerTime, WindowContext context, List<Event> out) {
            Long due = timers.pollDue(context);
            if (due == null) {
                return;
            }
            long t = due;
            List<Event> expired = new ArrayList<>();
            Map<String, Container> loaded = new LinkedHashMap<>();
            for (Map.Entry<String, Long> entry : byEnd(0)) {
                Container c = load(entry.getKey(), loaded);
                Session cur = c.current;
                if (cur.isEmpty() || t < entry.getValue()) {
                    break;
                }
                if (latency > 0) {
                    c.previous.events.addAll(cur.events);
                    c.previous.times(cur.start, cur.end, cur.alive);
                    timers.notifyAt(cur.alive, context);
                } else {
                    expired.addAll(cur.events);
                }
                cur.clear();
                save(entry.getKey(), c);
            }
            if (latency > 0) {
                for (Map.Entry<String, Long> entry : byEnd(1)) {
                    Container c = load(entry.getKey(), loaded);
                    Session prev = c.previous;
                    if (prev.isEmpty() || t < prev.alive) {
                        break;
                    }
                    expired.addAll(prev.events);
                    prev.clear();
                    save(entry.getKey(), c);
                }
            }
            for (Event e : expired) {
                out.add(e.withType(EventType.EXPIRED));
            }
        }

        private Container load(String key, Map<String, Container> loaded) {
            return loaded.computeIfAbsent(key, sessions::get);
        }

        /**
         * The keys with a current (which = 0) or previous (1) session and its end time, in the order Siddhi visits
         * them: its session map's order, through a HashMap, then stably sorted by end time.
         */
        private List<Map.Entry<String, Long>> byEnd(int which) {
            List<Map.Entry<String, Long>> ends = new ArrayList<>();
            for (Map.Entry<String, long[]> e : keys.entries()) {
                long[] s = e.getValue();
                if (which == 0 ? s[0] == 1 : s[2] == 1) {
                    ends.add(new AbstractMap.SimpleImmutableEntry<>(e.getKey(), which == 0 ? s[1] : s[3]));
                }
            }
            long largest = Math.max(largestFill.get() == null ? 0 : largestFill.get(), ends.size());
            largestFill.set(largest);
            List<Map.Entry<String, Long>> ordered = HashOrderedMap.hashMapOrder(ends, largest);
            if (ordered.size() > 1) {
                ordered.sort(Map.Entry.comparingByValue());
            }
            return ordered;
        }

        private void save(String key, Container c) {
            sessions.put(key, c);
            keys.put(key, new long[] {c.current.isEmpty() ? 0 : 1, c.current.end,
                c.previous.isEmpty() ? 0 : 1, c.previous.end});
        }

        private void moveToPrevious(Container c, List<Event> expired, WindowContext context) {
            Session cur = c.current;
            Session prev = c.previous;
            if (!prev.isEmpty()) {
                expired.addAll(prev.events);
                prev.clear();
            }
            prev.events.addAll(cur.events);
            prev.times(cur.start, cur.end, cur.alive);
            timers.notifyAt(cur.alive, context);
        }

        /** Siddhi's addLateEvent; false when the event is dropped from the output. */
        private boolean addLate(Container c, long ts, Event late) {
            Session cur = c.current;
            Session prev = c.previous;
            if (latency > 0) {
                if (ts >= cur.start - gap) {
                    cur.insertLate(List.of(late));
                    cur.start = ts;
                    merge(prev, cur);
                } else if (prev.isEmpty()) {
                    return false;
                } else if (ts >= prev.start - gap) {
                    prev.events.add(late);
                    if (ts <= prev.end - gap && ts < prev.start) {
                        prev.start = ts;
                    } else {
                        prev.end = ts + gap;
                        prev.alive = ts + gap + latency;
                        merge(prev, cur);
                    }
                } else {
                    return false;
                }
            } else if (ts >= cur.start - gap) {
                cur.insertLate(List.of(late));
                cur.start = ts;
            } else {
                return false;
            }
            return true;
        }

        private void merge(Session prev, Session cur) {
            if (!prev.isEmpty() && prev.end >= cur.start - gap) {
                cur.insertLate(new ArrayList<>(prev.events));
                cur.start = prev.start;
                prev.clear();
            }
        }
    }

    private static final StateCodec<long[]> SUMMARY = new StateCodec<>() {
        @Override
        public void encode(long[] value, DataOutput out) throws IOException {
            for (int i = 0; i < 4; i++) {
                out.writeLong(value[i]);
            }
        }

        @Override
        public long[] decode(DataInput in) throws IOException {
            return new long[] {in.readLong(), in.readLong(), in.readLong(), in.readLong()};
        }

        @Override
        public long[] copy(long[] value) {
            return value.clone();
        }
    };

    private static final class ContainerCodec implements StateCodec<Container> {
        private static final long serialVersionUID = 1L;
        private final EventCodec events;

        ContainerCodec(EventCodec events) {
            this.events = events;
        }

        @Override
        public void encode(Container c, DataOutput out) throws IOException {
            write(c.current, out);
            write(c.previous, out);
        }

        @Override
        public Container decode(DataInput in) throws IOException {
            Container c = new Container();
            read(c.current, in);
            read(c.previous, in);
            return c;
        }

        private void write(Session s, DataOutput out) throws IOException {
            out.writeInt(s.events.size());
            for (Event e : s.events) {
                events.encode(e, out);
            }
            out.writeInt(s.cursor);
            out.writeLong(s.start);
            out.writeLong(s.end);
            out.writeLong(s.alive);
        }

        private void read(Session s, DataInput in) throws IOException {
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                s.events.add(events.decode(in));
            }
            s.cursor = in.readInt();
            s.start = in.readLong();
            s.end = in.readLong();
            s.alive = in.readLong();
        }
    }
}
