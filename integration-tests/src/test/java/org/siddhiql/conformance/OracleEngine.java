package org.siddhiql.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.siddhi.core.SiddhiAppRuntime;
import io.siddhi.core.SiddhiManager;
import io.siddhi.core.event.Event;
import io.siddhi.core.query.QueryRuntime;
import io.siddhi.core.query.QueryRuntimeImpl;
import io.siddhi.core.query.output.ratelimit.snapshot.WrappedSnapshotOutputRateLimiter;
import io.siddhi.core.util.Scheduler;
import io.siddhi.core.util.snapshot.state.State;
import io.siddhi.core.util.snapshot.state.StateHolder;
import io.siddhi.core.stream.input.InputHandler;
import io.siddhi.core.stream.output.StreamCallback;
import io.siddhi.query.api.SiddhiApp;
import io.siddhi.query.api.annotation.Annotation;
import io.siddhi.query.api.definition.Attribute;
import io.siddhi.query.api.definition.StreamDefinition;
import io.siddhi.query.api.execution.ExecutionElement;
import io.siddhi.query.api.execution.partition.Partition;
import io.siddhi.query.api.execution.query.Query;
import io.siddhi.query.api.execution.query.output.stream.InsertIntoStream;
import io.siddhi.query.api.execution.query.output.stream.OutputStream;
import io.siddhi.query.compiler.SiddhiCompiler;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The reference: io.siddhi:siddhi-core 5.1.21 in playback mode, driven one event at a time from the events file.
 * Writes {@code OUTDIR/<Stream>.jsonl} exactly as the {@code bin/siddhi run} contract says.
 */
public final class OracleEngine implements ConformanceEngine {

    @Override
    public String name() {
        return "oracle";
    }

    /** Parallelism is meaningless for the oracle and is ignored. */
    @Override
    public void run(Path app, Path events, Path outDir, int parallelism) throws Exception {
        String appText = Files.readString(app, StandardCharsets.UTF_8);
        List<InputEvent> input = readEvents(events);
        Map<String, List<String>> output = run(appText, input);
        Files.createDirectories(outDir);
        for (Map.Entry<String, List<String>> e : output.entrySet()) {
            try (BufferedWriter w = Files.newBufferedWriter(outDir.resolve(e.getKey() + ".jsonl"),
                    StandardCharsets.UTF_8)) {
                for (String line : e.getValue()) {
                    w.write(line);
                    w.write('\n');
                }
            }
        }
    }

    /**
     * Validates the app the way siddhi-core does (parse, build the runtime, start, shut down) without sending
     * events; throws on a rejected app. The text is used as is, so reported positions match the file.
     */
    public static void validate(String appText) {
        SiddhiManager manager = new SiddhiManager();
        try {
            manager.validateSiddhiApp(appText);
        } finally {
            manager.shutdown();
        }
    }

    /** One line of the events file, before conversion to the stream's attribute types. */
    public record InputEvent(int lineNo, String stream, long ts, JsonNode data) {
    }

    static List<InputEvent> readEvents(Path events) throws IOException {
        List<InputEvent> result = new ArrayList<>();
        List<String> lines = Files.readAllLines(events, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node = Json.MAPPER.readTree(line);
            JsonNode stream = node.get("stream");
            JsonNode ts = node.get("ts");
            JsonNode data = node.get("data");
            if (stream == null || !stream.isTextual() || ts == null || !ts.isIntegralNumber()
                    || data == null || !data.isArray()) {
                throw new IllegalArgumentException(events + ":" + (i + 1)
                        + ": expected {\"stream\":..,\"ts\":..,\"data\":[..]} but got " + line);
            }
            result.add(new InputEvent(i + 1, stream.asText(), ts.asLong(), data));
        }
        return result;
    }

    /**
     * Runs the app over the events and returns, per output stream in a stable order, the JSON lines emitted.
     */
    public static Map<String, List<String>> run(String appText, List<InputEvent> events) {
        return run(appText, events, runtime -> { });
    }

    /**
     * As {@link #run(String, List)}, and hands the runtime, once every event went through, to {@code afterEvents}
     * before it shuts down: to ask it on-demand queries ({@link SiddhiAppRuntime#query}) over the final state.
     */
    public static Map<String, List<String>> run(String appText, List<InputEvent> events,
            Consumer<SiddhiAppRuntime> afterEvents) {
        PlaybackTriggers triggers = PlaybackTriggers.of(appText);
        String playbackApp = withPlayback(triggers.app());
        SiddhiApp parsed = SiddhiCompiler.parse(playbackApp);

        Set<String> fedStreams = new LinkedHashSet<>();
        for (InputEvent e : events) {
            fedStreams.add(e.stream());
        }
        Set<String> outputStreams = new LinkedHashSet<>();
        for (String s : insertedStreams(parsed)) {
            if (!fedStreams.contains(s)) {
                outputStreams.add(s);
            }
        }

        SiddhiManager manager = new SiddhiManager();
        SiddhiAppRuntime runtime = null;
        Map<String, List<String>> output = new LinkedHashMap<>();
        try {
            runtime = manager.createSiddhiAppRuntime(playbackApp);
            writeAggregationTablesSynchronously(runtime);
            // A failure while processing an event is the app's business, as in siddhi-core: its stream junction
            // logs and drops the event, or sends it to the stream's fault stream (@OnError). The oracle goes on.
            runtime.handleRuntimeExceptionWith(failure -> { });
            Map<String, StreamDefinition> definitions = runtime.getStreamDefinitionMap();
            for (String stream : outputStreams) {
                if (!definitions.containsKey(stream)) {
                    continue; // a table or a named window, not a stream
                }
                List<String> lines = Collections.synchronizedList(new ArrayList<>());
                output.put(stream, lines);
                runtime.addCallback(stream, new StreamCallback() {
                    @Override
                    public void receive(Event[] received) {
                        for (Event event : received) {
                            lines.add(toJsonLine(event));
                        }
                    }
                });
            }
            runtime.start();
            if (!events.isEmpty()) {
                reanchorTimeBasedRateLimiters(runtime, 0L);
            }
            Map<String, InputHandler> handlers = new LinkedHashMap<>();
            for (InputEvent e : events) {
                StreamDefinition def = definitions.get(e.stream());
                if (def == null) {
                    throw new IllegalArgumentException("events line " + e.lineNo() + ": stream '" + e.stream()
                            + "' is not defined in the app");
                }
                InputHandler handler = handlers.computeIfAbsent(e.stream(), runtime::getInputHandler);
                Object[] data = convert(def, e);
                triggers.fireUpTo(e.ts(), runtime);
                handler.send(new Event(e.ts(), data));
            }
            afterEvents.accept(runtime);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (runtime != null) {
                runtime.shutdown();
            }
            manager.shutdown();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        output.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        return copy;
    }

    /**
     * siddhi-core 5.1.21 writes each finished bucket of an incremental aggregation into its table on a background
     * thread (one per duration), while the bucket is cleared at once: a read arriving before the write is done
     * misses the bucket, so results depend on thread timing. The oracle runs those writes in the calling thread,
     * as if they were instantaneous, which makes the results deterministic (and leaves no threads behind). Purging
     * (by the wall clock) is left to the apps, which disable it with {@code @purge(enable='false')}.
     */
    static void writeAggregationTablesSynchronously(SiddhiAppRuntime runtime) {
        Map<?, ?> aggregations = (Map<?, ?>) readField(runtime, "aggregationMap");
        for (Object aggregation : aggregations.values()) {
            Map<?, ?> executors = (Map<?, ?>) readField(aggregation, "incrementalExecutorMap");
            for (Object executor : executors.values()) {
                if (executor instanceof io.siddhi.core.aggregation.IncrementalExecutor) {
                    ((java.util.concurrent.ExecutorService) readField(executor, "executorService")).shutdown();
                    try {
                        field(executor, "executorService").set(executor, new CallerRunsExecutorService());
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
    }

    /** Runs each task in the thread that submits it. */
    private static final class CallerRunsExecutorService extends java.util.concurrent.AbstractExecutorService {
        private volatile boolean shutdown;

        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, java.util.concurrent.TimeUnit unit) {
            return true;
        }
    }

    /**
     * siddhi-core 5.1.21 starts the schedule of {@code output [all|last] every <time>} and
     * {@code output snapshot every <time>} from {@code System.currentTimeMillis()} even in playback mode, so with
     * event timestamps from the past they would never fire. The contract (FORMAT.md) says time-based output rate
     * limits run on the events' clock; so, after start and before the first event, the oracle moves each such
     * limiter's schedule to {@code anchor + period}, where the anchor is the playback clock's start (0, as for every
     * other scheduler in playback: a leading absence, for instance, is measured from 0), and leaves everything else
     * alone. {@code output first every <time>} needs no help: it already reads the playback clock. Queries inside
     * partitions are not handled yet: their limiters are created per partition key, when the key first appears.
     */
    static void reanchorTimeBasedRateLimiters(SiddhiAppRuntime runtime, long anchor) {
        for (QueryRuntime query : runtime.getQueries()) {
            if (!(query instanceof QueryRuntimeImpl impl)) {
                continue;
            }
            Object limiter = impl.getOutputRateManager();
            if (limiter instanceof WrappedSnapshotOutputRateLimiter) {
                limiter = readField(limiter, "outputRateLimiter");
            }
            Object scheduler = findFieldOfType(limiter, Scheduler.class);
            if (scheduler == null) {
                continue;
            }
            long period = (Long) readField(limiter, "value");
            long first = anchor + period;
            StateHolder<?> limiterStates = (StateHolder<?>) readField(limiter, "stateHolder");
            setScheduledTime(limiterStates, first);
            StateHolder<?> schedulerStates = (StateHolder<?>) readField(scheduler, "stateHolder");
            clearNotifyQueue(schedulerStates);
            ((Scheduler) scheduler).notifyAt(first);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void setScheduledTime(StateHolder holder, long time) {
        State state = holder.getState();
        try {
            writeField(state, "scheduledTime", time);
        } finally {
            holder.returnState(state);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void clearNotifyQueue(StateHolder holder) {
        State state = holder.getState();
        try {
            ((java.util.Collection<?>) readField(state, "toNotifyQueue")).clear();
        } finally {
            holder.returnState(state);
        }
    }

    private static java.lang.reflect.Field field(Object target, String name) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                java.lang.reflect.Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f;
            } catch (NoSuchFieldException e) {
                // keep looking in the superclass
            }
        }
        throw new IllegalStateException("siddhi-core internals changed: no field '" + name + "' in "
                + target.getClass().getName());
    }

    private static Object readField(Object target, String name) {
        try {
            return field(target, name).get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeField(Object target, String name, Object value) {
        try {
            field(target, name).set(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object findFieldOfType(Object target, Class<?> type) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            for (java.lang.reflect.Field f : c.getDeclaredFields()) {
                if (type.isAssignableFrom(f.getType())) {
                    f.setAccessible(true);
                    try {
                        return f.get(target);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return null;
    }

    /** The app text with {@code @app:playback} in front (on the same line, so positions are unchanged). */
    static String withPlayback(String appText) {
        SiddhiApp parsed = SiddhiCompiler.parse(appText);
        for (Annotation a : parsed.getAnnotations()) {
            if (a.getName().equalsIgnoreCase("playback")) {
                return appText;
            }
        }
        return "@app:playback " + appText;
    }

    /**
     * Streams that some query (also inside partitions) inserts into, excluding inner ({@code #}) and fault
     * ({@code !}) streams, in the order of the queries.
     */
    static Set<String> insertedStreams(SiddhiApp app) {
        Set<String> result = new LinkedHashSet<>();
        for (ExecutionElement element : app.getExecutionElementList()) {
            if (element instanceof Query query) {
                addInsertTarget(query, result);
            } else if (element instanceof Partition partition) {
                for (Query query : partition.getQueryList()) {
                    addInsertTarget(query, result);
                }
            }
        }
        return result;
    }

    private static void addInsertTarget(Query query, Set<String> result) {
        OutputStream out = query.getOutputStream();
        if (out instanceof InsertIntoStream insert && !insert.isInnerStream() && !insert.isFaultStream()) {
            result.add(insert.getId());
        }
    }

    static Object[] convert(StreamDefinition def, InputEvent e) {
        List<Attribute> attributes = def.getAttributeList();
        JsonNode data = e.data();
        if (data.size() != attributes.size()) {
            throw new IllegalArgumentException("events line " + e.lineNo() + ": stream '" + def.getId()
                    + "' has " + attributes.size() + " attributes but the event has " + data.size() + " values");
        }
        Object[] values = new Object[attributes.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = convert(attributes.get(i), data.get(i), e);
        }
        return values;
    }

    private static Object convert(Attribute attribute, JsonNode v, InputEvent e) {
        if (v == null || v.isNull()) {
            return null;
        }
        Attribute.Type type = attribute.getType();
        try {
            switch (type) {
                case STRING:
                    if (v.isTextual()) {
                        return v.asText();
                    }
                    break;
                case BOOL:
                    if (v.isBoolean()) {
                        return v.booleanValue();
                    }
                    break;
                case INT:
                    if (v.isNumber()) {
                        return new BigDecimal(v.numberValue().toString()).intValueExact();
                    }
                    break;
                case LONG:
                    if (v.isNumber()) {
                        return new BigDecimal(v.numberValue().toString()).longValueExact();
                    }
                    break;
                case FLOAT:
                    if (v.isNumber()) {
                        return v.floatValue(); // as Java reads it, so -0.0 stays -0.0
                    }
                    break;
                case DOUBLE:
                    if (v.isNumber()) {
                        return v.doubleValue();
                    }
                    break;
                default:
                    break;
            }
        } catch (ArithmeticException ex) {
            throw new IllegalArgumentException("events line " + e.lineNo() + ": value " + v + " of attribute '"
                    + attribute.getName() + "' does not fit " + type, ex);
        }
        throw new IllegalArgumentException("events line " + e.lineNo() + ": value " + v + " is not valid for "
                + "attribute '" + attribute.getName() + "' of type " + type);
    }

    static String toJsonLine(Event event) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("ts", event.getTimestamp());
        ArrayNode data = node.putArray("data");
        for (Object value : event.getData()) {
            if (value instanceof Throwable failure) {
                data.addObject().put("error", String.valueOf(failure.getMessage())); // a fault stream's _error
            } else {
                data.addPOJO(value);
            }
        }
        try {
            return Json.MAPPER.writeValueAsString(node);
        } catch (IOException ex) {
            throw new IllegalStateException("cannot write " + event, ex);
        }
    }
}
