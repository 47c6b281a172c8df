package org.siddhiql.runtime.table;

import java.util.HashMap;
import java.util.Map;
import org.siddhiql.runtime.state.MapCell;
import org.siddhiql.runtime.state.StateCodec;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;
import org.siddhiql.runtime.window.NamedWindowSpec;

/**
 * A table (and a named window) is global state that several queries of one operator read and write, while a backend
 * expects each state name declared once: this provider hands every declaration of a table's or a named window's
 * state the cell made first, and passes all other declarations through.
 */
public final class SharedTableState implements StateProvider {
    /** State names under this prefix are shared by every query of one operator: tables and aggregations. */
    public static final String PREFIX = "table:";

    private final StateProvider backend;
    private final Map<String, Object> tableCells = new HashMap<>();

    public SharedTableState(StateProvider backend) {
        this.backend = backend;
    }

    private static boolean isShared(String name) {
        return name.startsWith(PREFIX) || name.startsWith(NamedWindowSpec.STATE_PREFIX);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> ValueCell<T> value(String name, StateCodec<T> codec) {
        if (!isShared(name)) {
            return backend.value(name, codec);
        }
        return (ValueCell<T>) tableCells.computeIfAbsent(name, n -> backend.value(n, codec));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> MapCell<K, V> map(String name, StateCodec<K> keyCodec, StateCodec<V> valueCodec) {
        if (!isShared(name)) {
            return backend.map(name, keyCodec, valueCodec);
        }
        return (MapCell<K, V>) tableCells.computeIfAbsent(name, n -> backend.map(n, keyCodec, valueCodec));
    }
}
