package org.siddhiql.connectors.map.text;

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

class TextMapperTest {
    private static final StreamSchema TRADES = new StreamSchema("Trades",
            List.of("symbol", "price", "volume", "count", "ratio", "open"),
            List.of(AttributeType.STRING, AttributeType.DOUBLE, AttributeType.LONG, AttributeType.INT,
                    AttributeType.FLOAT, AttributeType.BOOL));
    private static final TextSourceMapper DEFAULT = new TextSourceMapper(TRADES, new MapSpec("text", Map.of()));
    private static final StreamSchema QUOTES = new StreamSchema("Quotes", List.of("symbol", "price"),
            List.of(AttributeType.STRING, AttributeType.DOUBLE));

    private static Object[] read(TextSourceMapper mapper, String text) throws MappingException {
        List<Object[]> events = mapper.map(text);
        assertEquals(1, events.size());
        return events.get(0);
    }

    private static String failure(TextSourceMapper mapper, String text) {
        return assertThrows(MappingException.class, () -> mapper.map(text)).getMessage();
    }

    private static TextSourceMapper regex(Map<String, String> options) {
        return new TextSourceMapper(QUOTES, new MapSpec("text", options,
                Map.of("symbol", "A[1]", "price", "A[2]"), null, Map.of()));
    }

    @Test
    void readsSiddhisDefaultFormatOfANameAndValuePerLine() throws Exception {
        assertArrayEquals(new Object[] {"IBM, Inc.", 75.5, 100L, 3, 0.5f, true}, read(DEFAULT,
                "symbol:\"IBM, Inc.\",\nprice:75.5,\r\nvolume:100,\ncount:3,\nratio:0.5,\nopen:true\n"));
        assertArrayEquals(new Object[] {null, 1.0, 2L, 3, 4.0f, false}, read(DEFAULT,
                "open:false,\nratio:4,\ncount:3,\nvolume:2,\nprice:1,\nsymbol:null,\nother:x"));
    }

    @Test
    void defaultFormatRecordsThatDoNotMapSayWhy() throws Exception {
        assertEquals("attribute 'open' is missing",
                failure(DEFAULT, "symbol:\"A\",\nprice:1,\nvolume:2,\ncount:3,\nratio:4"));
        assertEquals("attribute 'volume' is long but the record has '\"2\"'",
                failure(DEFAULT, "symbol:\"A\",\nprice:1,\nvolume:\"2\",\ncount:3,\nratio:4,\nopen:true"));
        assertEquals("the line 'nonsense' is not name:value", failure(DEFAULT, "symbol:\"A\",\nnonsense"));
        TextSourceMapper lenient = new TextSourceMapper(TRADES,
                new MapSpec("text", Map.of("fail.on.missing.attribute", "false")));
        assertArrayEquals(new Object[] {"A", null, null, 7, null, null}, read(lenient, "symbol:A,\ncount:7"));
    }

    @Test
    void regularExpressionGroupsAreTheAttributes() throws Exception {
        TextSourceMapper mapper = regex(Map.of("regex.A", "(\\w+) traded at ([0-9.]+)"));
        assertArrayEquals(new Object[] {"IBM", 75.5}, read(mapper, "today IBM traded at 75.5 and more"));
        assertEquals("attribute 'symbol' is missing: regex.A does not match the record",
                failure(mapper, "nothing here"));
        assertEquals("attribute 'price' is double but the record has '1.2.3'",
                failure(mapper, "IBM traded at 1.2.3"));
        assertArrayEquals(new Object[] {null, null},
                read(regex(Map.of("regex.A", "(\\w+) traded at ([0-9.]+)", "fail.on.missing.attribute", "false")),
                        "nothing here"));
    }

    @Test
    void writesSiddhisDefaultFormatOrAPayloadTemplate() {
        TextSinkMapper mapper = new TextSinkMapper(TRADES, new MapSpec("text", Map.of()));
        assertEquals("symbol:\"IBM\",\nprice:75.5,\nvolume:100,\ncount:3,\nratio:0.5,\nopen:true",
                mapper.toObject(new Event(0, new Object[] {"IBM", 75.5, 100L, 3, 0.5f, true})));
        assertEquals("symbol:null,\nprice:null,\nvolume:null,\ncount:null,\nratio:null,\nopen:null",
                mapper.toObject(new Event(0, new Object[6])));

        TextSinkMapper template = new TextSinkMapper(QUOTES,
                new MapSpec("text", Map.of(), Map.of(), "{{symbol}} at {{price}} ({{symbol}})", Map.of()));
        assertEquals("IBM at 75.5 (IBM)", template.toObject(new Event(0, new Object[] {"IBM", 75.5})));
        assertEquals("null at null (null)", template.toObject(new Event(0, new Object[2])));
    }

    @Test
    void theDefaultFormatReadsBackWhatItWrites() throws Exception {
        Object[] data = {"IBM", 75.5, 100L, null, 0.5f, false};
        TextSinkMapper writer = new TextSinkMapper(TRADES, new MapSpec("text", Map.of()));
        assertArrayEquals(data, read(DEFAULT, (String) writer.toObject(new Event(0, data))));
    }
}
