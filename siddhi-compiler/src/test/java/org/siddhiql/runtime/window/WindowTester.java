package org.siddhiql.runtime.window;

import io.siddhi.query.api.execution.query.Query;
import io.siddhi.query.api.execution.query.input.handler.StreamHandler;
import io.siddhi.query.api.execution.query.input.handler.Window;
import io.siddhi.query.api.execution.query.input.stream.SingleInputStream;
import io.siddhi.query.api.expression.Expression;
import io.siddhi.query.compiler.SiddhiCompiler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeSet;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.state.InMemoryStateProvider;

/**
 * Drives one window kernel the way Siddhi's playback mode does: an event at or after the clock moves the clock to its
 * timestamp and fires the timers due by then in time order (timers asked for while firing included), then the event
 * is delivered; an event older than the clock fires nothing. The clock starts at 0. Every non-empty chunk the kernel emits is recorded as text: {@code TYPE timestamp [data]} per event,
 * {@code " | "} between events, timer chunks prefixed with {@code "timer <time>: "}.
 */
final class WindowTester implements WindowContext {
    /** S (sym string, price int, ts long): the default input. */
    static final StreamSchema S = new StreamSchema("S", List.of("sym", "price", "ts"),
            List.of(AttributeType.STRING, AttributeType.INT, AttributeType.LONG));

    final InMemoryStateProvider state = new InMemoryStateProvider();
    final WindowSpec spec;
    final WindowKernel kernel;
    private final TreeSet<Long> timers = new TreeSet<>();
    private final List<String> chunks = new ArrayList<>();
    private long clock = 0; // Siddhi's playback clock starts at 0 and never goes back

    WindowTester(String window) {
        this(window, S, false);
    }

    WindowTester(String window, boolean expectsExpired) {
        this(window, S, expectsExpired);
    }

    WindowTester(String window, StreamSchema input, boolean expectsExpired) {
        this(spec(window, input, expectsExpired));
    }

    WindowTester(WindowSpec spec) {
        this.spec = spec;
        this.kernel = spec.instantiate(state, "w");
    }

    /** Parses {@code name(params)} as written after {@code #window.} and builds its spec. */
    static WindowSpec spec(String window, StreamSchema input, boolean expectsExpired) {
        Window handler = parse(window);
        WindowFactory factory = Windows.builtIns().find(handler.getName());
        if (factory == null) {
            throw new IllegalArgumentException("no window '" + handler.getName() + "'");
        }
        return factory.create(params(window), new TestCompileContext(input, expectsExpired));
    }

    static List<Expression> params(String window) {
        Expression[] params = parse(window).getParameters();
        return params == null ? List.of() : Arrays.asList(params);
    }

    private static Window parse(String window) {
        Query query = SiddhiCompiler.parseQuery("from S#window." + window + " select * insert into O;");
        for (StreamHandler h : ((SingleInputStream) query.getInputStream()).getStreamHandlers()) {
            if (h instanceof Window) {
                return (Window) h;
            }
        }
        throw new IllegalStateException("no window in " + window);
    }

    @Override
    public long currentTime() {
        return clock;
    }

    @Override
    public void scheduleAt(long time) {
        timers.add(time);
    }

    /** An event of the window's input. */
    WindowTester send(long timestamp, Object... data) {
        advance(timestamp);
        List<Event> out = new ArrayList<>();
        kernel.onEvent(new Event(timestamp, data), this, out);
        record("", out);
        return this;
    }

    /**
     * An event of another stream. As in Siddhi's playback, only a timestamp at or after the clock moves it and fires
     * the timers due; an older one changes nothing.
     */
    WindowTester advance(long time) {
        if (time < clock) {
            return this;
        }
        clock = time;
        while (!timers.isEmpty() && timers.first() <= clock) {
            long t = timers.pollFirst();
            List<Event> out = new ArrayList<>();
            kernel.onTimer(t, this, out);
            record("timer " + t + ": ", out);
        }
        return this;
    }

    List<Long> pendingTimers() {
        return new ArrayList<>(timers);
    }

    /** The chunks recorded since the last call. */
    List<String> take() {
        List<String> taken = new ArrayList<>(chunks);
        chunks.clear();
        return taken;
    }

    private void record(String prefix, List<Event> out) {
        if (!out.isEmpty()) {
            chunks.add(prefix + format(out));
        }
    }

    static String format(List<Event> chunk) {
        StringJoiner j = new StringJoiner(" | ");
        for (Event e : chunk) {
            StringJoiner d = new StringJoiner(", ", "[", "]");
            for (Object v : e.data()) {
                d.add(v instanceof Long ? v + "L" : v instanceof Float ? v + "f" : String.valueOf(v));
            }
            j.add(e.type() + " " + e.timestamp() + " " + d);
        }
        return j.toString();
    }
}
