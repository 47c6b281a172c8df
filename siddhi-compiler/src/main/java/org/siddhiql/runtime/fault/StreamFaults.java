package org.siddhiql.runtime.fault;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.siddhiql.runtime.event.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's {@code @OnError} choices, and what a failure on a stream turns into. As in Siddhi's stream junctions, a
 * failure anywhere while a chunk of a stream is being passed to the queries reading it (depth first, down to the next
 * stream) belongs to that stream: with {@link OnErrorAction#STREAM} the chunk goes on to the fault stream {@code !S}
 * with the failure appended to each event; otherwise it is logged and counted as dropped, never dropped silently.
 */
public final class StreamFaults implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(StreamFaults.class);

    /** Siddhi's name of a stream's fault stream: {@code !S}. */
    public static final String FAULT_STREAM_PREFIX = "!";
    /** The attribute a fault stream adds to its stream's attributes. */
    public static final String ERROR_ATTRIBUTE = "_error";

    private static final StreamFaults NONE = new StreamFaults(Map.of());

    private final Map<String, OnErrorAction> actions;

    /** @param actions the streams with an {@code @OnError} annotation and their actions */
    public StreamFaults(Map<String, OnErrorAction> actions) {
        this.actions = new LinkedHashMap<>(actions);
    }

    /** An app without {@code @OnError}: every failure is logged and counted. */
    public static StreamFaults none() {
        return NONE;
    }

    public OnErrorAction action(String stream) {
        return actions.getOrDefault(stream, OnErrorAction.LOG);
    }

    /**
     * Whether the app says what failures on {@code stream} do: then a failing reader keeps the event from the
     * stream's later readers exactly as in Siddhi, which takes all of them into one operator.
     */
    public boolean isAnnotated(String stream) {
        return actions.containsKey(stream);
    }

    /** Whether failures on {@code stream} go on to its fault stream. */
    public boolean isStreamed(String stream) {
        return action(stream) == OnErrorAction.STREAM;
    }

    public static String faultStreamOf(String stream) {
        return FAULT_STREAM_PREFIX + stream;
    }

    public static boolean isFaultStream(String stream) {
        return stream.startsWith(FAULT_STREAM_PREFIX);
    }

    /** The fault events of a failed chunk: each event's timestamp, type and data, then the failure. */
    public static List<Event> faultEvents(List<Event> chunk, RuntimeException failure) {
        ProcessingError error = ProcessingError.of(failure);
        List<Event> faults = new ArrayList<>(chunk.size());
        for (Event event : chunk) {
            Object[] data = event.data();
            Object[] withError = java.util.Arrays.copyOf(data, data.length + 1);
            withError[data.length] = error;
            faults.add(new Event(event.timestamp(), withError, event.type()));
        }
        return faults;
    }

    /** Logs a chunk whose processing failed and that is dropped (the caller counts it). */
    public static void logDropped(String stream, List<Event> chunk, RuntimeException failure) {
        LOG.error("Processing events of stream '{}' failed: {}. Dropping {} event(s): {}", stream,
                failure.getMessage(), chunk.size(), chunk, failure);
    }
}
