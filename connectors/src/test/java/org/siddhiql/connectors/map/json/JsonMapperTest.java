package org.siddhiql.connectors.map.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.connector.MapSpec;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.MappingException;
import org.siddhiql.runtime.event.Event;

class JsonMapperTest {
    private static final StreamSchema TRADES = new StreamSchema("Trades",
            List.of("symbol", "price", "volume", "count", "ratio", "open"),
            List.of(AttributeType.STRING, AttributeType.DOUBLE, AttributeType.LONG, AttributeType.INT,
                    AttributeType.FLOAT, AttributeType.BOOL));
    private static final JsonSourceMapper READER = new JsonSourceMapper(TRADES, new MapSpec("json", Map.of()));

    private static List<Object[]> read(JsonSourceMapper reader, String json) throws MappingException {
        return reader.map(json.getBytes(UTF_8));
    }

    private static String failure(String json) {
        return assertThrows(MappingException.class, () -> read(READER, json)).getMessage();
    }

    @Test
    void readsSiddhisDefaultFormatWithOrWithoutTheEventWrapperAndArrays() throws Exception {
        Object[] expected = {"IBM", 75.5, 100L, 3, 0.5f, true};
        String attributes = "{\"volume\":100,\"symbol\":\"IBM\",\"price\":75.5,\"count\":3,\"ratio\":0.5,"
                + "\"open\":true,\"ignored\":[1]}";
        assertArrayEquals(expected, read(READER, "{\"event\":" + attributes + "}").get(0));
        assertArrayEquals(expected, read(READER, attributes).get(0));
        List<Object[]> two = read(READER, "[{\"event\":" + attributes + "}," + attributes + "]");
        assertEquals(2, two.size());
        assertArrayEquals(expected, two.get(1));
    }

    @Test
    void jsonNullIsNullAndMissingAttributesFailUnlessAllowed() throws Exception {
        assertArrayEquals(new Object[] {null, 1.0, 2L, 3, 4.0f, false}, read(READER,
                "{\"event\":{\"symbol\":null,\"price\":1,\"volume\":2,\"count\":3,\"ratio\":4,\"open\":false}}")
                .get(0));
        String partial = "{\"event\":{\"symbol\":\"A\",\"price\":1.0}}";
        assertEquals("attribute 'volume' is missing", failure(partial));
        JsonSourceMapper lenient = new JsonSourceMapper(TRADES,
                new MapSpec("json", Map.of("fail.on.missing.attribute", "false")));
        assertArrayEquals(new Object[] {"A", 1.0, null, null, null, null}, read(lenient, partial).get(0));
    }

    @Test
    void recordsThatDoNotMapSayWhy() {
        assertEquals("not JSON at column 23: Unexpected end-of-input: expected close marker for Object",
                failure("{\"event\":{\"symbol\":\"A\""));
        assertEquals("not JSON at column 2: Unexpected character ('n' (code 110)): was expecting double-quote "
                + "to start field name", failure("{not json}"));
        assertEquals("attribute 'volume' is long but the record has 1.5", failure(
                "{\"symbol\":\"A\",\"price\":1,\"volume\":1.5,\"count\":3,\"ratio\":4,\"open\":false}"));
        assertEquals("attribute 'count' is int but the record has 3000000000", failure(
                "{\"symbol\":\"A\",\"price\":1,\"volume\":1,\"count\":3000000000,\"ratio\":4,\"open\":false}"));
        assertEquals("attribute 'symbol' is string but the record has 7", failure(
                "{\"symbol\":7,\"price\":1,\"volume\":1,\"count\":3,\"ratio\":4,\"open\":false}"));
        assertEquals("expected a JSON object of attributes, found STRING", failure("\"IBM\""));
    }

    @Test
    void writesSiddhisDefaultFormatInSchemaOrder() {
        JsonSinkMapper writer = new JsonSinkMapper(TRADES, new MapSpec("json", Map.of()));
        assertEquals("{\"event\":{\"symbol\":\"IBM\",\"price\":75.5,\"volume\":100,\"count\":3,\"ratio\":0.5,"
                + "\"open\":true}}", write(writer, "IBM", 75.5, 100L, 3, 0.5f, true));
        assertEquals("{\"event\":{\"symbol\":null,\"price\":null,\"volume\":null,\"count\":null,\"ratio\":null,"
                + "\"open\":null}}", write(writer, new Object[6]));
    }

    private static String write(JsonSinkMapper writer, Object... data) {
        return new String(writer.toBytes(new Event(0, data)), UTF_8);
    }

    private static final StreamSchema QUOTES = new StreamSchema("Quotes", List.of("symbol", "price"),
            List.of(AttributeType.STRING, AttributeType.DOUBLE));

    private static JsonSourceMapper custom(Map<String, String> options, String symbolPath, String pricePath) {
        return new JsonSourceMapper(QUOTES, new MapSpec("json", options,
                Map.of("symbol", symbolPath, "price", pricePath), null, Map.of()));
    }

    @Test
    void attributesAreFoundByTheirJsonPaths() throws Exception {
        JsonSourceMapper mapper = custom(Map.of(), "$.stock.name", "$.stock.quote[1]");
        assertArrayEquals(new Object[] {"IBM", 76.0},
                read(mapper, "{\"stock\":{\"name\":\"IBM\",\"quote\":[75.5,76]}}").get(0));
        List<Object[]> two = read(mapper, "[{\"stock\":{\"name\":\"A\",\"quote\":[1,2]}},"
                + "{\"stock\":{\"name\":null,\"quote\":[3,4.5]}}]");
        assertArrayEquals(new Object[] {"A", 2.0}, two.get(0));
        assertArrayEquals(new Object[] {null, 4.5}, two.get(1));
        assertEquals("attribute 'price' is missing at $.stock.quote[1]", assertThrows(MappingException.class,
                () -> read(mapper, "{\"stock\":{\"name\":\"IBM\"}}")).getMessage());
        JsonSourceMapper lenient = custom(Map.of("fail.on.missing.attribute", "false"), "$.stock.name",
                "$.stock.quote[1]");
        assertArrayEquals(new Object[] {"IBM", null}, read(lenient, "{\"stock\":{\"name\":\"IBM\"}}").get(0));
    }

    @Test
    void theEnclosingElementHoldsTheEvents() throws Exception {
        JsonSourceMapper mapper = custom(Map.of("enclosing.element", "$.portfolio.stocks"), "$.s", "$.p");
        List<Object[]> events = read(mapper,
                "{\"portfolio\":{\"stocks\":[{\"s\":\"A\",\"p\":1.5},{\"s\":\"B\",\"p\":2}]}}");
        assertEquals(2, events.size());
        assertArrayEquals(new Object[] {"A", 1.5}, events.get(0));
        assertArrayEquals(new Object[] {"B", 2.0}, events.get(1));
        assertEquals("the record has no enclosing element $.portfolio.stocks",
                assertThrows(MappingException.class, () -> read(mapper, "{\"portfolio\":{}}")).getMessage());

        JsonSourceMapper defaults = new JsonSourceMapper(QUOTES,
                new MapSpec("json", Map.of("enclosing.element", "$.batch")));
        assertArrayEquals(new Object[] {"C", 3.0}, read(defaults,
                "{\"batch\":[{\"event\":{\"symbol\":\"C\",\"price\":3}}]}").get(0));
    }

    @Test
    void anInvalidJsonPathIsRejectedWhenTheMapperIsBuilt() {
        assertEquals("'$.stock.' is not a JSONPath: Path must not end with a '.' or '..'",
                assertThrows(IllegalArgumentException.class, () -> custom(Map.of(), "$.stock.", "$.p")).getMessage());
    }

    @Test
    void aPayloadTemplateTakesTheAttributesEscapedForJson() {
        JsonSinkMapper mapper = new JsonSinkMapper(QUOTES, new MapSpec("json", Map.of(), Map.of(),
                "{\"quote\":{\"name\":\"{{symbol}}\",\"value\":{{ price }}}}", Map.of()));
        assertEquals("{\"quote\":{\"name\":\"Big \\\"Blue\\\"\",\"value\":75.5}}",
                write(mapper, "Big \"Blue\"", 75.5));
        assertEquals("{\"quote\":{\"name\":\"null\",\"value\":null}}", write(mapper, null, null));
    }
}
