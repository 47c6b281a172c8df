package org.siddhiql.runtime.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.state.InMemoryStateProvider;

/**
 * Runs an app's queries in one {@link QueryGraphKernel} on an in-memory state provider, clocked like Siddhi's
 * playback: the clock starts at 0, and timers due by an event fire before it. Collects what the exported streams get.
 */
public final class PlaybackDriver implements StreamContext {
    private final QueryGraphKernel kernel;
    private final TreeSet<Long> timers = new TreeSet<>();
    private final List<String> outputs = new ArrayList<>();
    private final List<String> dropped = new ArrayList<>();
    private long clock;

    public PlaybackDriver(String app, String... exported) {
        AppPlan plan = new AppCompiler().compile(app);
        kernel = new QueryGraphKernel(plan.queries(), Set.of(exported), plan.faults(), new InMemoryStateProvider());
    }

    /** Sends one event, after the timers its timestamp makes due. */
    public PlaybackDriver send(String stream, long ts, Object... data) {
        clock = Math.max(clock, ts);
        if (!timers.isEmpty() && timers.first() <= clock) {
            timers.headSet(clock, true).clear();
            kernel.fireDueTimers(this);
        }
        kernel.onEvent(stream, new Event(ts, data), this);
        return this;
    }

    /** What the exported streams got so far, as {@code "Stream ts [data]"}, and forgets it. */
    public List<String> takeOutputs() {
        List<String> taken = new ArrayList<>(outputs);
        outputs.clear();
        return taken;
    }

    /** The streams and sizes of the chunks dropped after a failure so far, as {@code "Stream n"}. */
    public List<String> dropped() {
        return List.copyOf(dropped);
    }

    @Override
    public void countDropped(String stream, int events) {
        dropped.add(stream + " " + events);
    }

    @Override
    public void emit(String stream, Event event) {
        outputs.add(stream + " " + event);
    }

    @Override
    public long appStartTime() {
        return 0;
    }

    @Override
    public long currentTime() {
        return clock;
    }

    @Override
    public void scheduleAt(long time) {
        timers.add(time);
    }
}
