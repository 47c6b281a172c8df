package org.siddhiql.connectors.map.csv;

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

class CsvMapperTest {
    private static final StreamSchema TRADES = new StreamSchema("Trades",
            List.of("symbol", "price", "volume", "count", "ratio", "open"),
            List.of(AttributeType.STRING, AttributeType.DOUBLE, AttributeType.LONG, AttributeType.INT,
                    AttributeType.FLOAT, AttributeType.BOOL));
    private static final CsvSourceMapper READER = new CsvSourceMapper(TRADES, new MapSpec("csv", Map.of()));
    private static final CsvSourceMapper LENIENT = new CsvSourceMapper(TRADES,
            new MapSpec("csv", Map.of("fail.on.unknown.attribute", "false")));
    private static final CsvSinkMapper WRITER = new CsvSinkMapper(new MapSpec("csv", Map.of()));

    private static Object[] read(CsvSourceMapper mapper, String line) throws MappingException {
        List<Object[]> events = mapper.map(line);
        assertEquals(1, events.size());
        return events.get(0);
    }

    private static String write(CsvSinkMapper mapper, Object[] data) {
        return (String) mapper.toObject(new Event(0, data));
    }

    private static String failure(String line) {
        return assertThrows(MappingException.class, () -> READER.map(line)).getMessage();
    }

    @Test
    void readsOneEventPerLineInSchemaOrder() throws Exception {
        assertArrayEquals(new Object[] {"IBM", 75.5, 100L, 3, 0.5f, true}, read(READER, "IBM,75.5,100,3,0.5,TRUE"));
    }

    @Test
    void quotedFieldsHoldDelimitersAndDoubledQuotes() throws Exception {
        assertArrayEquals(new Object[] {"Big, \"Blue\"", 1.0, 2L, 3, 4.0f, false},
                read(READER, "\"Big, \"\"Blue\"\"\",1.0,\"2\",3,4,false"));
    }

    @Test
    void emptyFieldsAreNullButAQuotedEmptyStringIsEmpty() throws Exception {
        assertArrayEquals(new Object[] {null, null, null, null, null, null}, read(READER, ",,,,,"));
        assertArrayEquals(new Object[] {"", 1.0, null, null, null, null}, read(READER, "\"\",1,,,,"));
    }

    @Test
    void anotherDelimiterSplitsTheLine() throws Exception {
        CsvSourceMapper semicolons = new CsvSourceMapper(TRADES, new MapSpec("csv", Map.of("delimiter", ";")));
        assertArrayEquals(new Object[] {"A,B", 1.5, 2L, 3, 4.0f, true}, read(semicolons, "A,B;1.5;2;3;4;true"));
    }

    @Test
    void badQuotingDoesNotMap() {
        assertEquals("the quote at column 1 is not closed", failure("\"IBM,75.5,100,3,0.5,true"));
        assertEquals("unexpected 'x' after the closing quote at column 6", failure("\"IBM\"x,75.5,100,3,0.5,true"));
        assertEquals("a quote inside the unquoted field at column 3", failure("IB\"M,75.5,100,3,0.5,true"));
    }

    @Test
    void valuesOfTheWrongTypeDoNotMapUnlessLenient() throws Exception {
        assertEquals("attribute 'volume' is long but the record has '100.5'", failure("IBM,75.5,100.5,3,0.5,true"));
        assertEquals("attribute 'count' is int but the record has '3000000000'",
                failure("IBM,75.5,100,3000000000,0.5,true"));
        assertEquals("attribute 'open' is bool but the record has 'yes'", failure("IBM,75.5,100,3,0.5,yes"));
        assertArrayEquals(new Object[] {"IBM", 75.5, null, 3, 0.5f, null}, read(LENIENT, "IBM,75.5,100.5,3,0.5,yes"));
    }

    @Test
    void missingFieldsDoNotMapUnlessLenientAndSurplusFieldsNever() throws Exception {
        assertEquals("attribute 'count' is missing: the line has 3 fields", failure("IBM,75.5,100"));
        assertArrayEquals(new Object[] {"IBM", 75.5, 100L, null, null, null}, read(LENIENT, "IBM,75.5,100"));
        assertEquals("the line has 7 fields but the stream has 6 attributes", failure("IBM,75.5,100,3,0.5,true,x"));
        assertThrows(MappingException.class, () -> LENIENT.map("IBM,75.5,100,3,0.5,true,x"));
        assertEquals("the line is empty", failure(""));
    }

    @Test
    void attributesPickFieldsByIndexAndIgnoreTheOthers() throws Exception {
        StreamSchema quotes = new StreamSchema("Quotes", List.of("symbol", "price"),
                List.of(AttributeType.STRING, AttributeType.DOUBLE));
        CsvSourceMapper byIndex = new CsvSourceMapper(quotes,
                new MapSpec("csv", Map.of(), Map.of("symbol", "2", "price", "0"), null, Map.of()));
        assertArrayEquals(new Object[] {"IBM", 75.5}, read(byIndex, "75.5,ignored,IBM,more"));
        assertEquals("attribute 'symbol' is missing: the line has 2 fields",
                assertThrows(MappingException.class, () -> byIndex.map("75.5,x")).getMessage());
    }

    @Test
    void bytesAreReadAsUtf8Text() throws Exception {
        assertArrayEquals(new Object[] {"Zürich", 1.0, 2L, 3, 4.0f, true},
                READER.map("Zürich,1,2,3,4,true".getBytes(java.nio.charset.StandardCharsets.UTF_8)).get(0));
        assertEquals("the record is not UTF-8 text",
                assertThrows(MappingException.class, () -> READER.map(new byte[] {(byte) 0xC3, '('})).getMessage());
    }

    @Test
    void writesOneLineThatReadsBackToTheSameValues() throws Exception {
        Object[] data = {"Big, \"Blue\"", 75.5, 100L, null, 0.5f, true};
        String line = write(WRITER, data);
        assertEquals("\"Big, \"\"Blue\"\"\",75.5,100,,0.5,true", line);
        assertArrayEquals(data, read(READER, line));
        assertEquals("\"\",,,,,", write(WRITER, new Object[] {"", null, null, null, null, null}));
    }

    @Test
    void writesWithAnotherDelimiter() {
        CsvSinkMapper pipes = new CsvSinkMapper(new MapSpec("csv", Map.of("delimiter", "|")));
        assertEquals("a,b|1|\"x|y\"", write(pipes, new Object[] {"a,b", 1, "x|y"}));
    }
}
