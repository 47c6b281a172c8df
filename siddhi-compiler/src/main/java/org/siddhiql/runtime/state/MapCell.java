package org.siddhiql.runtime.state;

import java.util.Map;

/** A map of managed state, scoped to the current key by the backend. */
public interface MapCell<K, V> {
    V get(K key);

    void put(K key, V value);

    void remove(K key);

    boolean isEmpty();

    /** The entries in no particular order. */
    Iterable<Map.Entry<K, V>> entries();

    void clear();
}
