package org.siddhiql.runtime.state;

/**
 * Creates the managed state a kernel declares. Names are unique within one operator; a backend binds them to its own
 * keyed state (Flink keyed state, Beam state cells), so the state checkpoints, restores and rescales with the job.
 */
public interface StateProvider {
    <T> ValueCell<T> value(String name, StateCodec<T> codec);

    <K, V> MapCell<K, V> map(String name, StateCodec<K> keyCodec, StateCodec<V> valueCodec);
}
