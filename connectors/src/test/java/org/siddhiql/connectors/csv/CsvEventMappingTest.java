package org.siddhiql.connectors.csv;

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

class CsvEventMappingTest {
    private static final StreamSchema TRADES = new StreamSchema("Trades",
            List.of("symbol", "price", "volume", "count", "ratio", "open"),
            List.of(AttributeType.STRING, AttributeType.DOUBLE, AttributeType.LONG, AttributeType.INT,
                    AttributeType.FLOAT, AttributeType.BOOL));
    private static final CsvEventReader READER = new CsvEventReader(TRADES, new MapSpec("csv", Map.of()));
    private static final CsvEventReader LENIENT = new CsvEventReader(TRADES,
            new MapSpec("csv", Map.of("fail.on.unknown.attribute", "false")));
    private static final CsvEventWriter WRITER = new CsvEventWriter(new MapSpec("csv", Map.of()));

    private static String failure(String line) {
        return assertThrows(MappingException.class, () -> READER.read(line)).getMessage();
    }

    @Test
    void readsOneEventPerLineInSchemaOrder() throws Exception {
        assertArrayEquals(new Object[] {"IBM", 75.5, 100L, 3, 0.5f, true}, READER.read("IBM,75.5,100,3,0.5,TRUE"));
    }

    @Test
    void quotedFieldsHoldDelimitersAndDoubledQuotes() throws Exception {
        assertArrayEquals(new Object[] {"Big, \"Blue\"", 1.0, 2L, 3, 4.0f, false},
                READER.read("\"Big, \"\"Blue\"\"\",1.0,\"2\",3,4,false"));
    }

    @Test
    void emptyFieldsAreNullButAQuotedEmptyStringIsEmpty() throws Exception {
        assertArrayEquals(new Object[] {null, null, null, null, null, null}, READER.read(",,,,,"));
        assertArrayEquals(new Object[] {"", 1.0, null, null, null, null}, READER.read("\"\",1,,,,"));
    }

    @Test
    void anotherDelimiterSplitsTheLine() throws Exception {
        CsvEventReader semicolons = new CsvEventReader(TRADES, new MapSpec("csv", Map.of("delimiter", ";")));
        assertArrayEquals(new Object[] {"A,B", 1.5, 2L, 3, 4.0f, true}, semicolons.read("A,B;1.5;2;3;4;true"));
    }

    @Test
    void badQuotingDoesNotMap() {
        assertEquals("the quote at column 1 is not closed", failure("\"IBM,75.5,100,3,0.5,true"));
        assertEquals("unexpected 'x' after the closing quote at column 6", failure("\"IBM\"x,75.5,100,3,0.5,true"));
        assertEquals("a quote inside the unquoted field at column 3", failure("IB\"M,75.5,100,3,0.5,true"));
    }

    @Test
    void valuesOfTheWrongTypeDoNotMapUnlessLenient() throws Exception {
        assertEquals("attribute 'volume' is long but the line has '100.5'", failure("IBM,75.5,100.5,3,0.5,true"));
        assertEquals("attribute 'count' is int but the line has '3000000000'",
                failure("IBM,75.5,100,3000000000,0.5,true"));
        assertEquals("attribute 'open' is bool but the line has 'yes'", failure("IBM,75.5,100,3,0.5,yes"));
        assertArrayEquals(new Object[] {"IBM", 75.5, null, 3, 0.5f, null}, LENIENT.read("IBM,75.5,100.5,3,0.5,yes"));
    }

    @Test
    void missingFieldsDoNotMapUnlessLenientAndSurplusFieldsNever() throws Exception {
        assertEquals("attribute 'count' is missing", failure("IBM,75.5,100"));
        assertArrayEquals(new Object[] {"IBM", 75.5, 100L, null, null, null}, LENIENT.read("IBM,75.5,100"));
        assertEquals("the line has 7 fields but the stream has 6 attributes", failure("IBM,75.5,100,3,0.5,true,x"));
        assertThrows(MappingException.class, () -> LENIENT.read("IBM,75.5,100,3,0.5,true,x"));
        assertEquals("the line is empty", failure(""));
    }

    @Test
    void writesOneLineThatReadsBackToTheSameValues() throws Exception {
        Object[] data = {"Big, \"Blue\"", 75.5, 100L, null, 0.5f, true};
        String line = WRITER.write(data);
        assertEquals("\"Big, \"\"Blue\"\"\",75.5,100,,0.5,true", line);
        assertArrayEquals(data, READER.read(line));
        assertEquals("\"\",,,,,", WRITER.write(new Object[] {"", null, null, null, null, null}));
    }

    @Test
    void writesWithAnotherDelimiter() {
        CsvEventWriter pipes = new CsvEventWriter(new MapSpec("csv", Map.of("delimiter", "|")));
        assertEquals("a,b|1|\"x|y\"", pipes.write(new Object[] {"a,b", 1, "x|y"}));
    }
}
