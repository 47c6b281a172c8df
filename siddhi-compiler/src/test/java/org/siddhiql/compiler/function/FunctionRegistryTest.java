package org.siddhiql.compiler.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.expression.ConstantEvaluator;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.runtime.aggregate.BuiltInAggregators;

class FunctionRegistryTest {
    @Test
    void builtInsAreRegistered() {
        FunctionRegistry registry = FunctionRegistry.builtIns();
        for (String name : List.of("cast", "convert", "coalesce", "default", "ifThenElse", "instanceOfBoolean",
                "instanceOfDouble", "instanceOfFloat", "instanceOfInteger", "instanceOfLong", "instanceOfString",
                "maximum", "minimum", "eventTimestamp", "createSet", "sizeOfSet", "UUID", "currentTimeMillis")) {
            assertNotNull(registry.function("", name), name);
            assertFalse(registry.isAggregator("", name), name);
        }
        for (String name : List.of("sum", "count", "avg", "min", "max", "distinctCount", "stdDev", "minForever",
                "maxForever", "and", "or", "unionSet")) {
            assertNotNull(registry.aggregator(null, name), name);
            assertTrue(registry.isAggregator("", name), name);
            assertNull(registry.function("", name), name);
        }
        assertNull(registry.function("", "uuid"));
        assertEquals(30, registry.names().size());
    }

    @Test
    void namespacesAndCopies() {
        FunctionRegistry registry = FunctionRegistry.builtIns();
        FunctionRegistry copy = registry.copy();
        copy.registerFunction("str", "one", args -> new ConstantEvaluator(1, AttributeType.INT));
        copy.registerAggregator("math:total", BuiltInAggregators.SUM);
        assertNotNull(copy.function("str", "one"));
        assertNull(copy.function("", "one"));
        assertTrue(copy.isAggregator("math", "total"));
        assertTrue(copy.contains("math", "total"));
        assertNull(registry.function("str", "one"));
        assertEquals("str:one", FunctionRegistry.qualifiedName("str", "one"));
        assertEquals("one", FunctionRegistry.qualifiedName("", "one"));
        assertTrue(copy.names().contains("str:one"));
    }

    @Test
    void namesCannotBeRegisteredTwice() {
        FunctionRegistry registry = FunctionRegistry.builtIns();
        assertEquals("function 'sum' is already registered", assertThrows(IllegalArgumentException.class,
                () -> registry.registerFunction("sum", args -> args.get(0))).getMessage());
        assertEquals("function 'cast' is already registered", assertThrows(IllegalArgumentException.class,
                () -> registry.registerAggregator("", "cast", BuiltInAggregators.COUNT)).getMessage());
    }
}
