package org.siddhiql.runtime.state;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * State of one short-lived evaluation, in plain Java maps of a single key: for kernels run once over data that was
 * read from a snapshot (an on-demand query), where nothing is checkpointed. Never use it for a running app's state.
 */
public final class HeapStateProvider implements StateProvider {
    private final Map<String, Object> values = new HashMap<>();
    private final Map<String, Map<Object, Object>> maps = new HashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <T> ValueCell<T> value(String name, StateCodec<T> codec) {
        return new ValueCell<>() {
            @Override
            public T get() {
                return (T) values.get(name);
            }

            @Override
            public void set(T value) {
                values.put(name, value);
            }

            @Override
            public void clear() {
                values.remove(name);
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> MapCell<K, V> map(String name, StateCodec<K> keyCodec, StateCodec<V> valueCodec) {
        Map<K, V> map = (Map<K, V>) (Map<?, ?>) maps.computeIfAbsent(name, n -> new LinkedHashMap<>());
        return new MapCell<>() {
            @Override
            public V get(K key) {
                return map.get(key);
            }

            @Override
            public void put(K key, V value) {
                map.put(key, value);
            }

            @Override
            public void remove(K key) {
                map.remove(key);
            }

            @Override
            public boolean isEmpty() {
                return map.isEmpty();
            }

            @Override
            public Iterable<Map.Entry<K, V>> entries() {
                return map.entrySet();
            }

            @Override
            public void clear() {
                map.clear();
            }
        };
    }
}
