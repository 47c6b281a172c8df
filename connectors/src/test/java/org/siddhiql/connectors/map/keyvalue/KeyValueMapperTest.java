package org.siddhiql.connectors.map.keyvalue;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.connector.MapSpec;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.MappingException;
import org.siddhiql.runtime.event.Event;

class KeyValueMapperTest {
    private static final StreamSchema TRADES = new StreamSchema("Trades",
            List.of("symbol", "price", "volume", "count", "ratio", "open"),
            List.of(AttributeType.STRING, AttributeType.DOUBLE, AttributeType.LONG, AttributeType.INT,
                    AttributeType.FLOAT, AttributeType.BOOL));
    private static final KeyValueSourceMapper DEFAULT = new KeyValueSourceMapper(TRADES,
            new MapSpec("keyvalue", Map.of()));

    private static Object[] read(KeyValueSourceMapper mapper, Object record) throws MappingException {
        List<Object[]> events = mapper.map(record);
        assertEquals(1, events.size());
        return events.get(0);
    }

    private static String failure(Object record) {
        return assertThrows(MappingException.class, () -> DEFAULT.map(record)).getMessage();
    }

    private static Map<String, Object> trade(Object symbol, Object price, Object volume, Object count, Object ratio,
            Object open) {
        Map<String, Object> map = new HashMap<>();
        map.put("symbol", symbol);
        map.put("price", price);
        map.put("volume", volume);
        map.put("count", count);
        map.put("ratio", ratio);
        map.put("open", open);
        return map;
    }

    @Test
    void readsAMapByAttributeNamesConvertingNumbersWithoutLoss() throws Exception {
        assertArrayEquals(new Object[] {"IBM", 75.5, 100L, 3, 0.5f, true},
                read(DEFAULT, trade("IBM", 75.5, 100, 3L, 0.5, true)));
        assertArrayEquals(new Object[] {null, 1.0, null, 3, null, false},
                read(DEFAULT, trade(null, 1, null, 3, null, false)));
    }

    @Test
    void valuesOfTheWrongTypeOrMissingKeysDoNotMap() {
        assertEquals("attribute 'volume' is long but the record has 1.5 (Double)",
                failure(trade("IBM", 1.0, 1.5, 3, 0.5f, true)));
        assertEquals("attribute 'count' is int but the record has 3000000000 (Long)",
                failure(trade("IBM", 1.0, 1L, 3_000_000_000L, 0.5f, true)));
        assertEquals("attribute 'symbol' is string but the record has 7 (Integer)",
                failure(trade(7, 1.0, 1L, 3, 0.5f, true)));
        assertEquals("attribute 'open' is bool but the record has 'true'",
                failure(trade("IBM", 1.0, 1L, 3, 0.5f, "true")));
        Map<String, Object> partial = trade("IBM", 1.0, 1L, 3, 0.5f, true);
        partial.remove("ratio");
        assertEquals("attribute 'ratio' is missing: the record has no key 'ratio'", failure(partial));
        KeyValueSourceMapper lenient = new KeyValueSourceMapper(TRADES,
                new MapSpec("keyvalue", Map.of("fail.on.missing.attribute", "false")));
        assertThrows(MappingException.class, () -> lenient.map(trade("IBM", 1.0, 1.5, 3, 0.5f, true)));
    }

    @Test
    void overBytesARecordIsAFlatJsonObject() throws Exception {
        assertArrayEquals(new Object[] {"IBM", 75.5, 100L, 3, 0.5f, true}, read(DEFAULT,
                "{\"symbol\":\"IBM\",\"price\":75.5,\"volume\":100,\"count\":3,\"ratio\":0.5,\"open\":true}"
                        .getBytes(UTF_8)));
        assertEquals("expected a JSON object of keys and values, found ARRAY", failure("[1]".getBytes(UTF_8)));
        assertEquals("expected a flat JSON object of keys and values, found {\"a\":1}",
                failure("{\"symbol\":{\"a\":1}}".getBytes(UTF_8)));
        assertEquals("not a JSON object of keys and values at column 12: Unexpected end-of-input: expected close "
                + "marker for Object", failure("{\"symbol\":1".getBytes(UTF_8)));
        assertEquals("expected text, found a java.lang.Integer", failure(7));
    }

    @Test
    void attributesNameOtherKeys() throws Exception {
        StreamSchema quotes = new StreamSchema("Quotes", List.of("symbol", "price"),
                List.of(AttributeType.STRING, AttributeType.DOUBLE));
        KeyValueSourceMapper mapper = new KeyValueSourceMapper(quotes,
                new MapSpec("keyvalue", Map.of(), Map.of("symbol", "s", "price", "p"), null, Map.of()));
        assertArrayEquals(new Object[] {"IBM", 2.5}, read(mapper, Map.of("s", "IBM", "p", 2.5, "symbol", "x")));
    }

    @Test
    void writesAMapOfAttributesOrOfPayloadKeysAndItsJson() throws Exception {
        StreamSchema quotes = new StreamSchema("Quotes", List.of("symbol", "price"),
                List.of(AttributeType.STRING, AttributeType.DOUBLE));
        Event event = new Event(0, new Object[] {"IBM", null});
        KeyValueSinkMapper byName = new KeyValueSinkMapper(quotes, new MapSpec("keyvalue", Map.of()));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("symbol", "IBM");
        expected.put("price", null);
        assertEquals(expected, byName.toObject(event));
        assertEquals("{\"symbol\":\"IBM\",\"price\":null}", new String(byName.toBytes(event), UTF_8));

        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("p", "price");
        keys.put("s", "symbol");
        KeyValueSinkMapper byKeys = new KeyValueSinkMapper(quotes, new MapSpec("keyvalue", Map.of(), Map.of(), null,
                keys));
        assertEquals("{\"p\":2.5,\"s\":\"IBM\"}", new String(byKeys.toBytes(new Event(0, new Object[] {"IBM", 2.5})),
                UTF_8));
        assertArrayEquals(new Object[] {"IBM", 2.5}, read(new KeyValueSourceMapper(quotes, new MapSpec("keyvalue",
                Map.of(), Map.of("symbol", "s", "price", "p"), null, Map.of())),
                byKeys.toBytes(new Event(0, new Object[] {"IBM", 2.5}))));
    }

    @Test
    void overBytesAnObjectIsWrittenAsItsText() {
        StreamSchema faults = new StreamSchema("Faults", List.of("error"), List.of(AttributeType.OBJECT));
        KeyValueSinkMapper mapper = new KeyValueSinkMapper(faults, new MapSpec("keyvalue", Map.of()));
        Event event = new Event(0, new Object[] {List.of(1, 2)});
        assertEquals(Map.of("error", List.of(1, 2)), mapper.toObject(event));
        assertEquals("{\"error\":\"[1, 2]\"}", new String(mapper.toBytes(event), UTF_8));
    }
}
