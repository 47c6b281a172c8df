package org.siddhiql.connectors.map.avro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.connector.MapSpec;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.MappingException;
import org.siddhiql.runtime.event.Event;

class AvroMapperTest {
    private static final StreamSchema TRADES = new StreamSchema("Trades",
            List.of("symbol", "price", "volume", "count", "ratio", "open"),
            List.of(AttributeType.STRING, AttributeType.DOUBLE, AttributeType.LONG, AttributeType.INT,
                    AttributeType.FLOAT, AttributeType.BOOL));
    /** Fields in another order than the stream's attributes, one nullable, and one the stream does not have. */
    static final String SCHEMA = "{\"type\":\"record\",\"name\":\"Trade\",\"fields\":["
            + "{\"name\":\"open\",\"type\":\"boolean\"},"
            + "{\"name\":\"symbol\",\"type\":[\"null\",\"string\"]},"
            + "{\"name\":\"price\",\"type\":\"double\"},"
            + "{\"name\":\"volume\",\"type\":\"long\"},"
            + "{\"name\":\"count\",\"type\":\"int\"},"
            + "{\"name\":\"ratio\",\"type\":\"float\"}]}";
    private static final AvroSourceMapper READER = new AvroSourceMapper(TRADES,
            new MapSpec("avro", Map.of("schema.def", SCHEMA)));
    private static final AvroSinkMapper WRITER = new AvroSinkMapper(TRADES,
            new MapSpec("avro", Map.of("schema.def", SCHEMA)));

    private static Object[] read(AvroSourceMapper mapper, byte[] record) throws MappingException {
        List<Object[]> events = mapper.map(record);
        assertEquals(1, events.size());
        return events.get(0);
    }

    private static String failure(byte[] record) {
        return assertThrows(MappingException.class, () -> READER.map(record)).getMessage();
    }

    @Test
    void readsBackWhatTheSinkMapperWritesWithNulls() throws Exception {
        Object[] data = {"IBM", 75.5, 100L, 3, 0.5f, true};
        byte[] bytes = WRITER.toBytes(new Event(0, data));
        assertEquals(1 + 1 + 1 + 3 + 8 + 2 + 1 + 4, bytes.length); // bool, branch, "IBM", double, long, int, float
        assertArrayEquals(data, read(READER, bytes));
        Object[] noSymbol = {null, 1.0, 2L, 3, 4.0f, false};
        assertArrayEquals(noSymbol, read(READER, WRITER.toBytes(new Event(0, noSymbol))));
    }

    @Test
    void withoutASchemaTheSinkWritesANullableFieldPerAttribute() throws Exception {
        AvroSinkMapper derived = new AvroSinkMapper(TRADES, new MapSpec("avro", Map.of()));
        Object[] data = {"IBM", null, 100L, 3, null, true};
        byte[] bytes = derived.toBytes(new Event(0, data));
        String schema = "{\"type\":\"record\",\"name\":\"Trades\",\"fields\":["
                + "{\"name\":\"symbol\",\"type\":[\"null\",\"string\"]},"
                + "{\"name\":\"price\",\"type\":[\"null\",\"double\"]},"
                + "{\"name\":\"volume\",\"type\":[\"null\",\"long\"]},"
                + "{\"name\":\"count\",\"type\":[\"null\",\"int\"]},"
                + "{\"name\":\"ratio\",\"type\":[\"null\",\"float\"]},"
                + "{\"name\":\"open\",\"type\":[\"null\",\"boolean\"]}]}";
        assertArrayEquals(data, read(new AvroSourceMapper(TRADES, new MapSpec("avro", Map.of("schema.def", schema))),
                bytes));
    }

    @Test
    void bytesThatAreNotARecordOfTheSchemaDoNotMap() {
        byte[] good = WRITER.toBytes(new Event(0, new Object[] {"IBM", 75.5, 100L, 3, 0.5f, true}));
        assertEquals("not an Avro record of schema.def: the bytes end within the record",
                failure(Arrays.copyOf(good, good.length - 2)));
        assertEquals("not an Avro record of schema.def: bytes are left after the record",
                failure(Arrays.copyOf(good, good.length + 1)));
        byte[] badUnion = good.clone();
        badUnion[1] = 8; // union branch 4 of a union of 2
        assertEquals("not an Avro record of schema.def: AvroTypeException: Union branch index out of range: must be"
                + " in [0, 2), but received 4", failure(badUnion));
        assertEquals("expected Avro bytes, found a java.lang.String",
                assertThrows(MappingException.class, () -> READER.map("IBM")).getMessage());
    }

    @Test
    void schemasThatDoNotFitTheStreamAreRejectedWhenTheMapperIsBuilt() {
        assertEquals("schema.def is not an Avro schema: No type: {\"name\":\"x\"}", assertThrows(
                IllegalArgumentException.class, () -> new AvroSourceMapper(TRADES,
                        new MapSpec("avro", Map.of("schema.def", "{\"name\":\"x\"}")))).getMessage());
        String noRatio = SCHEMA.replace(",{\"name\":\"ratio\",\"type\":\"float\"}", "");
        assertEquals("schema.def has no field 'ratio' for attribute 'ratio'", assertThrows(
                IllegalArgumentException.class, () -> new AvroSourceMapper(TRADES,
                        new MapSpec("avro", Map.of("schema.def", noRatio)))).getMessage());
        String longCount = SCHEMA.replace("{\"name\":\"count\",\"type\":\"int\"}", "{\"name\":\"count\",\"type\":"
                + "\"long\"}");
        assertEquals("schema.def has field 'count' of type long, which attribute 'count' of type int cannot be read"
                + " from", assertThrows(IllegalArgumentException.class, () -> new AvroSourceMapper(TRADES,
                        new MapSpec("avro", Map.of("schema.def", longCount)))).getMessage());
        assertEquals("schema.def has field 'count' of type long but attribute 'count' is int", assertThrows(
                IllegalArgumentException.class, () -> new AvroSinkMapper(TRADES,
                        new MapSpec("avro", Map.of("schema.def", longCount)))).getMessage());
    }
}
