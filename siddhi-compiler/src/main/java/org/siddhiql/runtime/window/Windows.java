package org.siddhiql.runtime.window;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The windows a query may use, by name as written after {@code #window.}: built-ins under their Siddhi names
 * ({@code length}, {@code timeBatch}, ...), extensions under {@code namespace:name}. Names are case-sensitive, as in
 * Siddhi.
 */
public final class Windows implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, WindowFactory> factories = new LinkedHashMap<>();

    /** An empty registry. */
    public Windows() {
    }

    /**
     * Siddhi 5.1.21's built-in windows except {@code hopping} and the store-backed ones.
     */
    public static Windows builtIns() {
        return new Windows()
                .register("length", LengthWindow.FACTORY)
                .register("lengthBatch", LengthBatchWindow.FACTORY)
                .register("batch", BatchWindow.FACTORY)
                .register("time", TimeWindow.FACTORY)
                .register("timeBatch", TimeBatchWindow.FACTORY)
                .register("timeLength", TimeLengthWindow.FACTORY)
                .register("externalTime", ExternalTimeWindow.FACTORY)
                .register("externalTimeBatch", ExternalTimeBatchWindow.FACTORY)
                .register("sort", SortWindow.FACTORY)
                .register("expression", ExpressionWindow.FACTORY)
                .register("expressionBatch", ExpressionBatchWindow.FACTORY)
                .register("delay", DelayWindow.FACTORY)
                .register("session", SessionWindow.FACTORY)
                .register("frequent", FrequentWindow.FACTORY)
                .register("lossyFrequent", LossyFrequentWindow.FACTORY)
                .register("cron", CronWindow.FACTORY);
    }

    /** The factory of a window, or null when none has that name. */
    public WindowFactory find(String name) {
        return factories.get(name);
    }

    /**
     * Adds a window, or replaces the one of that name.
     *
     * @param name {@code name} or {@code namespace:name}
     * @return this registry
     */
    public Windows register(String name, WindowFactory factory) {
        factories.put(Objects.requireNonNull(name), Objects.requireNonNull(factory));
        return this;
    }

    /** The registered names, in registration order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(factories.keySet());
    }
}
