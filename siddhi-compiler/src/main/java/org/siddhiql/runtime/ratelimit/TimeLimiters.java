package org.siddhiql.runtime.ratelimit;

import java.util.List;
import java.util.Map;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.MapCell;
import org.siddhiql.runtime.state.StateCodec;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;

/** {@code output all|first|last every <time>}, with and without group by. */
final class TimeLimiters {
    private TimeLimiters() {
    }

    /**
     * {@code output [all] every T}, grouped or not: buffers current and expired events; each tick releases them in
     * arrival order with their own timestamps.
     */
    static final class All extends PeriodicKernel {
        private final SlotList<Event> buffer;

        All(StateProvider state, String name, StateCodec<Event> codec, PeriodGrid grid) {
            super(grid);
            this.buffer = new SlotList<>(state, name + ".buffer", codec);
        }

        @Override
        public void onSelected(List<Event> selected, List<String> groupKeys, RateLimitContext context,
                List<Event> out) {
            if (selected.isEmpty()) {
                return;
            }
            grid.start(context);
            for (Event event : selected) {
                if (isData(event)) {
                    buffer.add(event);
                }
            }
        }

        @Override
        boolean tick(List<Event> out) {
            if (!buffer.isEmpty()) {
                out.addAll(buffer.toList());
                buffer.clear();
            }
            return false;
        }
    }

    /** {@code output last every T} without group by: each tick releases the latest event since the previous tick. */
    static final class Last extends PeriodicKernel {
        private final ValueCell<Event> latest;

        Last(StateProvider state, String name, StateCodec<Event> codec, PeriodGrid grid) {
            super(grid);
            this.latest = state.value(name + ".latest", codec);
        }

        @Override
        public void onSelected(List<Event> selected, List<String> groupKeys, RateLimitContext context,
                List<Event> out) {
            if (selected.isEmpty()) {
                return;
            }
            grid.start(context);
            Event last = null;
            for (Event event : selected) {
                if (isData(event)) {
                    last = event;
                }
            }
            if (last != null) {
                latest.set(last);
            }
        }

        @Override
        boolean tick(List<Event> out) {
            Event last = latest.get();
            if (last != null) {
                out.add(last);
                latest.clear();
            }
            return false;
        }
    }

    /**
     * {@code output last every T} with group by: each tick releases every group's latest event since the previous
     * tick, groups in order of first arrival since then.
     */
    static final class LastPerGroup extends PeriodicKernel {
        private final InsertionOrderedMap<Event> latest;

        LastPerGroup(StateProvider state, String name, StateCodec<Event> codec, PeriodGrid grid) {
            super(grid);
            this.latest = new InsertionOrderedMap<>(state, name + ".latest", codec);
        }

        @Override
        public void onSelected(List<Event> selected, List<String> groupKeys, RateLimitContext context,
                List<Event> out) {
            if (selected.isEmpty()) {
                return;
            }
            grid.start(context);
            for (int i = 0; i < selected.size(); i++) {
                Event event = selected.get(i);
                if (isData(event)) {
                    latest.put(groupKeys.get(i), event);
                }
            }
        }

        @Override
        boolean tick(List<Event> out) {
            if (!latest.isEmpty()) {
                for (Map.Entry<String, Event> entry : latest.inOrder()) {
                    out.add(entry.getValue());
                }
                latest.clear();
            }
            return false;
        }
    }

    /**
     * {@code output first every T} without group by. No timer: a chunk passes its first event when no event was
     * passed in the last T of app time (previous pass + T &lt;= now). Only the chunk's first element is considered,
     * and when that is a RESET marker the period is taken and nothing shows, as in Siddhi.
     */
    static final class First implements UntimedLimiter {
        private final long period;
        private final ValueCell<Long> passedAt;

        First(StateProvider state, String name, long period) {
            this.period = period;
            this.passedAt = state.value(name + ".passedAt", Codecs.LONG);
        }

        @Override
        public void onSelected(List<Event> selected, List<String> groupKeys, RateLimitContext context,
                List<Event> out) {
            if (selected.isEmpty()) {
                return;
            }
            long now = context.currentTime();
            Long last = passedAt.get();
            if (last == null || last + period <= now) {
                passedAt.set(now);
                Event first = selected.get(0);
                if (PeriodicKernel.isData(first)) {
                    out.add(first);
                }
            }
        }
    }

    /** {@code output first every T} with group by: per group, as {@link First}, considering every event. */
    static final class FirstPerGroup implements UntimedLimiter {
        private final long period;
        private final MapCell<String, Long> passedAt;

        FirstPerGroup(StateProvider state, String name, long period) {
            this.period = period;
            this.passedAt = state.map(name + ".passedAt", Codecs.STRING, Codecs.LONG);
        }

        @Override
        public void onSelected(List<Event> selected, List<String> groupKeys, RateLimitContext context,
                List<Event> out) {
            if (selected.isEmpty()) {
                return;
            }
            long now = context.currentTime();
            for (int i = 0; i < selected.size(); i++) {
                Event event = selected.get(i);
                if (!PeriodicKernel.isData(event)) {
                    continue;
                }
                String key = groupKeys.get(i);
                Long last = passedAt.get(key);
                if (last == null || last + period <= now) {
                    passedAt.put(key, now);
                    out.add(event);
                }
            }
        }
    }
}
