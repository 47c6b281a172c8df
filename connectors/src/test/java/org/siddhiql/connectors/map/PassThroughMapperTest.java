package org.siddhiql.connectors.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.MappingException;
import org.siddhiql.runtime.event.Event;

class PassThroughMapperTest {
    private static final StreamSchema TRADES = new StreamSchema("Trades",
            List.of("symbol", "price", "volume", "count", "ratio", "open"),
            List.of(AttributeType.STRING, AttributeType.DOUBLE, AttributeType.LONG, AttributeType.INT,
                    AttributeType.FLOAT, AttributeType.BOOL));
    private static final PassThroughSourceMapper MAPPER = new PassThroughSourceMapper(TRADES);

    private static String failure(Object record) {
        return assertThrows(MappingException.class, () -> MAPPER.map(record)).getMessage();
    }

    @Test
    void takesObjectArraysAndEventsCheckingTypes() throws Exception {
        assertArrayEquals(new Object[] {"IBM", 75.5, 100L, 3, 0.5f, true},
                MAPPER.map(new Object[] {"IBM", 75.5, 100, 3, 0.5f, true}).get(0));
        assertArrayEquals(new Object[] {null, 1.0, 2L, null, 4.0f, false},
                MAPPER.map(new Event(123, new Object[] {null, 1.0, 2L, null, 4.0, false})).get(0));
    }

    @Test
    void othersDoNotMap() {
        assertEquals("expected an Object[] or an Event, found a java.lang.String", failure("IBM,1"));
        assertEquals("expected an Object[] or an Event, found no value", failure(null));
        assertEquals("the record has 2 values but the stream has 6 attributes", failure(new Object[] {"IBM", 1.0}));
        assertEquals("attribute 'volume' is long but the record has '100'",
                failure(new Object[] {"IBM", 75.5, "100", 3, 0.5f, true}));
    }

    @Test
    void theSinkMapperPassesTheEventItself() {
        Event event = new Event(5, new Object[] {"IBM"});
        assertSame(event, new PassThroughSinkMapper().toObject(event));
    }
}
