package org.siddhiql.runtime.state;

import java.util.HashMap;
import java.util.Map;

/**
 * State that several queries of one operator read and write — a table's rows, a named window's contents, an
 * incremental aggregation's buckets — while a backend expects each state name declared once. Such state is named with
 * {@link #name}; this provider hands every declaration of a shared name the cell made first, and passes all other
 * declarations through.
 */
public final class SharedState implements StateProvider {
    private static final String PREFIX = "shared:";

    private final StateProvider backend;
    private final Map<String, Object> sharedCells = new HashMap<>();

    public SharedState(StateProvider backend) {
        this.backend = backend;
    }

    /** The name under which the {@code kind} (table, window, aggregation) called {@code owner} keeps shared state. */
    public static String name(String kind, String owner) {
        return PREFIX + kind + ":" + owner;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ValueCell<T> value(String name, StateCodec<T> codec) {
        if (!name.startsWith(PREFIX)) {
            return backend.value(name, codec);
        }
        return (ValueCell<T>) sharedCells.computeIfAbsent(name, n -> backend.value(n, codec));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> MapCell<K, V> map(String name, StateCodec<K> keyCodec, StateCodec<V> valueCodec) {
        if (!name.startsWith(PREFIX)) {
            return backend.map(name, keyCodec, valueCodec);
        }
        return (MapCell<K, V>) sharedCells.computeIfAbsent(name, n -> backend.map(n, keyCodec, valueCodec));
    }
}
