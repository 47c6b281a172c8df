package org.siddhiql.connectors.json;

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

class JsonEventMappingTest {
    private static final StreamSchema TRADES = new StreamSchema("Trades",
            List.of("symbol", "price", "volume", "count", "ratio", "open"),
            List.of(AttributeType.STRING, AttributeType.DOUBLE, AttributeType.LONG, AttributeType.INT,
                    AttributeType.FLOAT, AttributeType.BOOL));
    private static final JsonEventReader READER = new JsonEventReader(TRADES, new MapSpec("json", Map.of()));

    private static List<Object[]> read(JsonEventReader reader, String json) throws MappingException {
        return reader.read(json.getBytes(UTF_8));
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
        JsonEventReader lenient = new JsonEventReader(TRADES,
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
        JsonEventWriter writer = new JsonEventWriter(TRADES);
        assertEquals("{\"event\":{\"symbol\":\"IBM\",\"price\":75.5,\"volume\":100,\"count\":3,\"ratio\":0.5,"
                + "\"open\":true}}", new String(writer.write(new Object[] {"IBM", 75.5, 100L, 3, 0.5f, true}), UTF_8));
        assertEquals("{\"event\":{\"symbol\":null,\"price\":null,\"volume\":null,\"count\":null,\"ratio\":null,"
                + "\"open\":null}}", new String(writer.write(new Object[6]), UTF_8));
    }
}
