package org.siddhiql.compiler.function;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.siddhiql.runtime.aggregate.AggregatorFactory;
import org.siddhiql.runtime.aggregate.BuiltInAggregators;

/**
 * The functions an app can call: scalar functions and aggregators, by namespace and name. Names are case-sensitive,
 * as in Siddhi ({@code UUID()} but {@code currentTimeMillis()}); a name without namespace is a built-in or
 * user-defined function, {@code str:concat} is name {@code concat} in namespace {@code str}. A name is either a
 * scalar function or an aggregator, never both. Registries are mutable and used at compile time only: start from
 * {@link #builtIns()} and register more.
 */
public final class FunctionRegistry {
    private final Map<String, ScalarFunctionFactory> functions = new HashMap<>();
    private final Map<String, AggregatorFactory> aggregators = new HashMap<>();

    /** An empty registry. */
    public FunctionRegistry() {
    }

    /** A new registry with Siddhi 5.1's built-in functions and aggregators. */
    public static FunctionRegistry builtIns() {
        FunctionRegistry registry = new FunctionRegistry();
        BuiltInFunctions.registerAll(registry);
        registry.registerAggregator("", "sum", BuiltInAggregators.SUM);
        registry.registerAggregator("", "count", BuiltInAggregators.COUNT);
        registry.registerAggregator("", "avg", BuiltInAggregators.AVG);
        registry.registerAggregator("", "min", BuiltInAggregators.MIN);
        registry.registerAggregator("", "max", BuiltInAggregators.MAX);
        registry.registerAggregator("", "distinctCount", BuiltInAggregators.DISTINCT_COUNT);
        registry.registerAggregator("", "stdDev", BuiltInAggregators.STD_DEV);
        registry.registerAggregator("", "minForever", BuiltInAggregators.MIN_FOREVER);
        registry.registerAggregator("", "maxForever", BuiltInAggregators.MAX_FOREVER);
        registry.registerAggregator("", "and", BuiltInAggregators.AND);
        registry.registerAggregator("", "or", BuiltInAggregators.OR);
        registry.registerAggregator("", "unionSet", BuiltInAggregators.UNION_SET);
        return registry;
    }

    /** A copy that can be extended without changing this registry. */
    public FunctionRegistry copy() {
        FunctionRegistry copy = new FunctionRegistry();
        copy.functions.putAll(functions);
        copy.aggregators.putAll(aggregators);
        return copy;
    }

    /**
     * Registers a scalar function.
     *
     * @param namespace the namespace, or "" (or null) for none
     * @throws IllegalArgumentException when the name is taken
     */
    public FunctionRegistry registerFunction(String namespace, String name, ScalarFunctionFactory factory) {
        String key = key(namespace, name);
        checkFree(key);
        functions.put(key, Objects.requireNonNull(factory));
        return this;
    }

    /** Registers a scalar function by qualified name: {@code "name"} or {@code "namespace:name"}. */
    public FunctionRegistry registerFunction(String qualifiedName, ScalarFunctionFactory factory) {
        String[] parts = split(qualifiedName);
        return registerFunction(parts[0], parts[1], factory);
    }

    /**
     * Registers an aggregator.
     *
     * @param namespace the namespace, or "" (or null) for none
     * @throws IllegalArgumentException when the name is taken
     */
    public FunctionRegistry registerAggregator(String namespace, String name, AggregatorFactory factory) {
        String key = key(namespace, name);
        checkFree(key);
        aggregators.put(key, Objects.requireNonNull(factory));
        return this;
    }

    /** Registers an aggregator by qualified name: {@code "name"} or {@code "namespace:name"}. */
    public FunctionRegistry registerAggregator(String qualifiedName, AggregatorFactory factory) {
        String[] parts = split(qualifiedName);
        return registerAggregator(parts[0], parts[1], factory);
    }

    /** The scalar function, or null. */
    public ScalarFunctionFactory function(String namespace, String name) {
        return functions.get(key(namespace, name));
    }

    /** The aggregator, or null. */
    public AggregatorFactory aggregator(String namespace, String name) {
        return aggregators.get(key(namespace, name));
    }

    public boolean isAggregator(String namespace, String name) {
        return aggregators.containsKey(key(namespace, name));
    }

    public boolean contains(String namespace, String name) {
        String key = key(namespace, name);
        return functions.containsKey(key) || aggregators.containsKey(key);
    }

    /** The qualified names of all registered functions and aggregators, sorted. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>(functions.keySet());
        names.addAll(aggregators.keySet());
        return Collections.unmodifiableSet(names);
    }

    /** {@code name} or {@code namespace:name}, as written in an app and in messages. */
    public static String qualifiedName(String namespace, String name) {
        return key(namespace, name);
    }

    private void checkFree(String key) {
        if (functions.containsKey(key) || aggregators.containsKey(key)) {
            throw new IllegalArgumentException("function '" + key + "' is already registered");
        }
    }

    private static String key(String namespace, String name) {
        Objects.requireNonNull(name, "name");
        return namespace == null || namespace.isEmpty() ? name : namespace + ":" + name;
    }

    private static String[] split(String qualifiedName) {
        int colon = qualifiedName.indexOf(':');
        return colon < 0 ? new String[] {"", qualifiedName}
                : new String[] {qualifiedName.substring(0, colon), qualifiedName.substring(colon + 1)};
    }
}
