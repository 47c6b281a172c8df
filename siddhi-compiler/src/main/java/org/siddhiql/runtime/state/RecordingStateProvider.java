package org.siddhiql.runtime.state;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link StateProvider} that remembers every cell it hands out, so that all the state of the current key can be
 * cleared at once: what purging an idle partition key needs.
 */
public final class RecordingStateProvider implements StateProvider {
    private final StateProvider delegate;
    private final List<Runnable> clears = new ArrayList<>();

    public RecordingStateProvider(StateProvider delegate) {
        this.delegate = delegate;
    }

    @Override
    public <T> ValueCell<T> value(String name, StateCodec<T> codec) {
        ValueCell<T> cell = delegate.value(name, codec);
        clears.add(cell::clear);
        return cell;
    }

    @Override
    public <K, V> MapCell<K, V> map(String name, StateCodec<K> keyCodec, StateCodec<V> valueCodec) {
        MapCell<K, V> cell = delegate.map(name, keyCodec, valueCodec);
        clears.add(cell::clear);
        return cell;
    }

    /** Clears every cell handed out so far, for the current key. */
    public void clearAll() {
        clears.forEach(Runnable::run);
    }
}
