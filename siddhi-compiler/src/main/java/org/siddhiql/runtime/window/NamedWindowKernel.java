package org.siddhiql.runtime.window;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;
import org.siddhiql.runtime.state.SharedState;
import org.siddhiql.runtime.state.StateProvider;

/**
 * A named window at runtime, as Siddhi's {@code Window}: the events inserted together go through the window as one
 * chunk, and what comes out is published, as one chunk, to the queries reading the window. Its contents and pending
 * timers are managed state under the window's name, shared by every query of the operator that touches it.
 */
public final class NamedWindowKernel {
    private final NamedWindowSpec spec;
    private final WindowKernel window;
    private final WindowTimers timers;

    NamedWindowKernel(NamedWindowSpec spec, StateProvider state) {
        this.spec = spec;
        String name = SharedState.name("window", spec.name());
        this.window = spec.window().instantiate(state, name);
        this.timers = new WindowTimers(state, name + ".timers");
    }

    /** Inserts a chunk; returns what the window publishes for it (possibly nothing). */
    public List<Event> insert(List<Event> chunk, WindowContext context) {
        List<Event> out = new ArrayList<>(chunk.size() * 2);
        WindowContext windowContext = timers.windowContext(context);
        for (Event event : chunk) {
            window.onEvent(event.withType(EventType.CURRENT), windowContext, out);
        }
        return published(out);
    }

    /** Runs the window's timers due by the clock, in time order, publishing each timer's output as one chunk. */
    public void fireDueTimers(WindowContext context, Consumer<List<Event>> publish) {
        WindowContext windowContext = timers.windowContext(context);
        for (Long time = timers.takeDue(context.currentTime()); time != null;
                time = timers.takeDue(context.currentTime())) {
            List<Event> out = new ArrayList<>();
            window.onTimer(time, windowContext, out);
            List<Event> published = published(out);
            if (!published.isEmpty()) {
                publish.accept(published);
            }
        }
    }

    /** What a join finds in the window: see {@link WindowKernel#contents()}. */
    public List<Event> contents() {
        return window.contents();
    }

    /** As Siddhi's window publisher: RESET markers stay inside, and only the event types of the output clause leave. */
    private List<Event> published(List<Event> out) {
        out.removeIf(event -> event.type() == EventType.RESET
                || event.type() == EventType.CURRENT && !spec.publishesCurrent()
                || event.type() == EventType.EXPIRED && !spec.publishesExpired());
        return out;
    }
}
