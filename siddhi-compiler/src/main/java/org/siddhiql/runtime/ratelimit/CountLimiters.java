package org.siddhiql.runtime.ratelimit;

import java.util.List;
import java.util.Map;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.MapCell;
import org.siddhiql.runtime.state.StateCodec;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;

/** {@code output all|first|last every N events}, with and without group by. Counters are Java ints, as in Siddhi. */
final class CountLimiters {
    private CountLimiters() {
    }

    static boolean isData(Event event) {
        return event.type() == EventType.CURRENT || event.type() == EventType.EXPIRED;
    }

    /** No output clause: every selected event, as it comes. */
    static final class PassThrough implements UntimedLimiter {
        @Override
        public void onSelected(List<Event> selected, List<String> groupKeys, RateLimitContext context,
                List<Event> out) {
            for (Event event : selected) {
                if (isData(event)) {
                    out.add(event);
                }
            }
        }
    }

    /**
     * {@code output [all] every N events}, grouped or not: buffers current and expired events and releases them N at
     * a time (the count is over all groups together). With N = 0 Siddhi buffers forever and never emits (until its
     * int counter wraps); this kernel does not buffer at all then.
     */
    static final class All implements UntimedLimiter {
        private final int n;
        private final SlotList<Event> buffer;

        All(StateProvider state, String name, StateCodec<Event> codec, int n) {
            this.n = n;
            this.buffer = new SlotList<>(state, name + ".buffer", codec);
        }

        @Override
        public void onSelected(List<Event> selected, List<String> groupKeys, RateLimitContext context,
                List<Event> out) {
            if (n <= 0) {
                return;
            }
            for (Event event : selected) {
                if (isData(event)) {
                    buffer.add(event);
                    if (buffer.size() == n) {
                        out.addAll(buffer.toList());
                        buffer.clear();
                    }
                }
            }
        }
    }

    /**
     * {@code output first every N events} without group by: emits the 1st event, then the 1st after each N. Every
     * event of the chunk counts, RESET markers included (a RESET in first place is "emitted", i.e. nothing shows).
     * With N = 1 the counter never resets, so only the very first event is ever emitted (Siddhi 5.1.21 behaviour).
     */
    static final class First implements UntimedLimiter {
        private final int n;
        private final ValueCell<Integer> counter;

        First(StateProvider state, String name, int n) {
            this.n = n;
            this.counter = state.value(name + ".counter", LimiterCodecs.INT);
        }

        @Override
        public void onSelected(List<Event> selected, List<String> groupKeys, RateLimitContext context,
                List<Event> out) {
            if (selected.isEmpty()) {
                return;
            }
            Integer stored = counter.get();
            int count = stored == null ? 0 : stored;
            for (Event event : selected) {
                count++;
                if (count == 1) {
                    if (isData(event)) {
                        out.add(event);
                    }
                } else if (count == n) {
                    count = 0;
                }
            }
            if (count == 0) {
                counter.clear();
            } else {
                counter.set(count);
            }
        }
    }

    /**
     * {@code output first every N events} with group by: per group, emits its 1st event, then forgets the group after
     * N of its events. With N = 1 a group is never forgotten, so only its first event is ever emitted (as Siddhi).
     */
    static final class FirstPerGroup implements UntimedLimiter {
        private final int n;
        private final MapCell<String, Integer> counts;

        FirstPerGroup(StateProvider state, String name, int n) {
            this.n = n;
            this.counts = state.map(name + ".counts", Codecs.STRING, LimiterCodecs.INT);
        }

        @Override
        public void onSelected(List<Event> selected, List<String> groupKeys, RateLimitContext context,
                List<Event> out) {
            for (int i = 0; i < selected.size(); i++) {
                Event event = selected.get(i);
                if (!isData(event)) {
                    continue;
                }
                String key = groupKeys.get(i);
                Integer count = counts.get(key);
                if (count == null) {
                    counts.put(key, 1);
                    out.add(event);
                } else if (count == n - 1) {
                    counts.remove(key);
                } else {
                    counts.put(key, count + 1);
                }
            }
        }
    }

    /** {@code output last every N events} without group by: emits every Nth current or expired event. */
    static final class Last implements UntimedLimiter {
        private final int n;
        private final ValueCell<Integer> counter;

        Last(StateProvider state, String name, int n) {
            this.n = n;
            this.counter = state.value(name + ".counter", LimiterCodecs.INT);
        }

        @Override
        public void onSelected(List<Event> selected, List<String> groupKeys, RateLimitContext context,
                List<Event> out) {
            Integer stored = counter.get();
            int count = stored == null ? 0 : stored;
            int before = count;
            for (Event event : selected) {
                if (isData(event)) {
                    if (++count == n) {
                        out.add(event);
                        count = 0;
                    }
                }
            }
            if (count != before) {
                if (count == 0) {
                    counter.clear();
                } else {
                    counter.set(count);
                }
            }
        }
    }

    /**
     * {@code output last every N events} with group by: keeps each group's latest event; every Nth event (counted
     * over all groups) releases them, groups in order of first arrival since the last release.
     */
    static final class LastPerGroup implements UntimedLimiter {
        private final int n;
        private final ValueCell<Integer> counter;
        private final InsertionOrderedMap<Event> latest;

        LastPerGroup(StateProvider state, String name, StateCodec<Event> codec, int n) {
            this.n = n;
            this.counter = state.value(name + ".counter", LimiterCodecs.INT);
            this.latest = new InsertionOrderedMap<>(state, name + ".latest", codec);
        }

        @Override
        public void onSelected(List<Event> selected, List<String> groupKeys, RateLimitContext context,
                List<Event> out) {
            Integer stored = counter.get();
            int count = stored == null ? 0 : stored;
            int before = count;
            for (int i = 0; i < selected.size(); i++) {
                Event event = selected.get(i);
                if (!isData(event)) {
                    continue;
                }
                latest.put(groupKeys.get(i), event);
                if (++count == n) {
                    count = 0;
                    for (Map.Entry<String, Event> entry : latest.inOrder()) {
                        out.add(entry.getValue());
                    }
                    latest.clear();
                }
            }
            if (count != before) {
                if (count == 0) {
                    counter.clear();
                } else {
                    counter.set(count);
                }
            }
        }
    }
}
