package org.siddhiql.flink.operator;

import org.siddhiql.runtime.state.MapCell;
import org.siddhiql.runtime.state.StateCodec;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.state.ValueCell;

/** The state provider of stateless operators: asking it for state is a planner bug. */
enum NoState implements StateProvider {
    INSTANCE;

    @Override
    public <T> ValueCell<T> value(String name, StateCodec<T> codec) {
        throw new IllegalStateException("a stateless query asked for state '" + name + "'");
    }

    @Override
    public <K, V> MapCell<K, V> map(String name, StateCodec<K> keyCodec, StateCodec<V> valueCodec) {
        throw new IllegalStateException("a stateless query asked for state '" + name + "'");
    }
}
