package org.siddhiql.runtime.ratelimit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;

/**
 * A manual clock and timer service around one limiter kernel, playing the backend's part as the execution model
 * describes it: when the clock moves, due timers fire (with {@code currentTime()} already the new clock) before the
 * chunk that moved it is delivered; nothing fires past the last advance. The app starts with the clock at its
 * {@link #appStartTime()} (in an event-time run, the timestamp of the app's first event, on any stream).
 */
final class RateLimitTestDriver implements RateLimitContext {
    final RateLimitTestState state = new RateLimitTestState();
    final RateLimiterKernel kernel;
    private final Map<String, TreeSet<Long>> timers = new HashMap<>();
    private final long appStartTime;
    private long clock;

    /** An app started at app-clock time 0: the limiter's timestamps are relative to the app's start. */
    RateLimitTestDriver(RateLimitSpec spec) {
        this(spec, 0);
    }

    /** An app started at {@code appStartTime}, where the clock then stands. */
    RateLimitTestDriver(RateLimitSpec spec, long appStartTime) {
        this.kernel = spec.instantiate(state, "q.out");
        this.appStartTime = appStartTime;
        this.clock = appStartTime;
    }

    @Override
    public long currentTime() {
        return clock;
    }

    @Override
    public long appStartTime() {
        return appStartTime;
    }

    @Override
    public void scheduleAt(long time) {
        timers.computeIfAbsent(state.key(), k -> new TreeSet<>()).add(time);
    }

    void key(String key) {
        state.setKey(key);
    }

    /** Moves the clock without firing timers (to deliver a window's chunk before the limiter's timers). */
    void advance(long time) {
        if (time < clock) {
            throw new IllegalArgumentException("clock goes back");
        }
        clock = time;
    }

    /** Fires every timer due by the clock, earliest first over all keys, and returns what they emitted. */
    List<Event> fireDue() {
        List<Event> out = new ArrayList<>();
        String before = state.key();
        while (true) {
            String dueKey = null;
            long dueTime = Long.MAX_VALUE;
            for (Map.Entry<String, TreeSet<Long>> e : timers.entrySet()) {
                if (!e.getValue().isEmpty() && e.getValue().first() <= clock && e.getValue().first() < dueTime) {
                    dueTime = e.getValue().first();
                    dueKey = e.getKey();
                }
            }
            if (dueKey == null) {
                break;
            }
            timers.get(dueKey).pollFirst();
            state.setKey(dueKey);
            kernel.onTimer(dueTime, this, out);
        }
        state.setKey(before);
        return out;
    }

    /** Advances the clock and fires due timers. */
    List<Event> at(long time) {
        advance(time);
        return fireDue();
    }

    /** Delivers one selected chunk without group keys. */
    List<Event> select(Event... chunk) {
        List<Event> out = new ArrayList<>();
        kernel.onSelected(Arrays.asList(chunk), null, this, out);
        return out;
    }

    /** Delivers one selected chunk; keys[i] is the group key of chunk[i]. */
    List<Event> selectGrouped(String[] keys, Event... chunk) {
        List<Event> out = new ArrayList<>();
        kernel.onSelected(Arrays.asList(chunk), Arrays.asList(keys), this, out);
        return out;
    }

    /** One chunk of single-event, grouped by the event's first attribute. */
    List<Event> selectByFirst(Event... chunk) {
        String[] keys = new String[chunk.length];
        for (int i = 0; i < chunk.length; i++) {
            keys[i] = String.valueOf(chunk[i].data()[0]);
        }
        return selectGrouped(keys, chunk);
    }

    TreeSet<Long> pendingTimers() {
        return timers.getOrDefault(state.key(), new TreeSet<>());
    }

    static Event cur(long ts, Object... data) {
        return new Event(ts, data, EventType.CURRENT);
    }

    static Event exp(long ts, Object... data) {
        return new Event(ts, data, EventType.EXPIRED);
    }

    static Event reset(long ts, int width) {
        return new Event(ts, new Object[width], EventType.RESET);
    }
}
