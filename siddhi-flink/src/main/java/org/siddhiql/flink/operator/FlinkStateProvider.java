package org.siddhiql.flink.operator;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.flink.api.common.state.KeyedStateStore;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.util.ExceptionUtils;
import org.apache.flink.util.StateMigrationException;
import org.siddhiql.flink.typeutils.CodecSerializer;
import org.siddhiql.runtime.fault.EngineFailure;
import org.siddhiql.runtime.state.MapCell;
import org.siddhiql.runtime.state.StateCodec;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;

/**
 * Binds kernel state to Flink keyed state: every cell a kernel declares is a ValueState or MapState of the operator,
 * so it lives in the configured state backend (RocksDB in production), is snapshotted with checkpoint barriers and is
 * redistributed by key group on rescaling.
 */
final class FlinkStateProvider implements StateProvider {
    private final KeyedStateStore store;

    FlinkStateProvider(KeyedStateStore store) {
        this.store = store;
    }

    @Override
    public <T> ValueCell<T> value(String name, StateCodec<T> codec) {
        ValueState<T> state = declare(name,
                () -> store.getState(new ValueStateDescriptor<>(name, new CodecSerializer<>(codec))));
        return new ValueCell<>() {
            @Override
            public T get() {
                return rethrow(state::value);
            }

            @Override
            public void set(T value) {
                rethrow(() -> {
                    state.update(value);
                    return null;
                });
            }

            @Override
            public void clear() {
                state.clear();
            }
        };
    }

    @Override
    public <K, V> MapCell<K, V> map(String name, StateCodec<K> keyCodec, StateCodec<V> valueCodec) {
        MapState<K, V> state = declare(name, () -> store.getMapState(
                new MapStateDescriptor<>(name, new CodecSerializer<>(keyCodec), new CodecSerializer<>(valueCodec))));
        return new MapCell<>() {
            @Override
            public V get(K key) {
                return rethrow(() -> state.get(key));
            }

            @Override
            public void put(K key, V value) {
                rethrow(() -> {
                    state.put(key, value);
                    return null;
                });
            }

            @Override
            public void remove(K key) {
                rethrow(() -> {
                    state.remove(key);
                    return null;
                });
            }

            @Override
            public boolean isEmpty() {
                return rethrow(state::isEmpty);
            }

            @Override
            public Iterable<Map.Entry<K, V>> entries() {
                return rethrow(state::entries);
            }

            @Override
            public void clear() {
                state.clear();
            }
        };
    }

    /**
     * Declares a state, which Flink checks against the restored state of that name: a codec that changed (an edited
     * app) makes the backend throw a {@link StateMigrationException}, reported as what the user changed.
     */
    private static <S> S declare(String name, Supplier<S> declaration) {
        try {
            return declaration.get();
        } catch (RuntimeException e) {
            if (ExceptionUtils.findThrowable(e, StateMigrationException.class).isPresent()) {
                throw new IncompatibleStateException(name, e);
            }
            throw e;
        }
    }

    /**
     * A state backend failure fails the task, as it would in Flink: it is an {@link EngineFailure}, which the query
     * graph never takes for a failure of the app's processing (a fault stream's business).
     */
    private static <T> T rethrow(StateCall<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new EngineFailure("state backend failure", e);
        }
    }

    @FunctionalInterface
    private interface StateCall<T> {
        T call() throws Exception;
    }
}
