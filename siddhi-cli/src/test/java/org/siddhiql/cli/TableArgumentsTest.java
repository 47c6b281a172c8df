package org.siddhiql.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.siddhiql.lakehouse.TableAddress;

/** How replay and table commands read their arguments: event-time attributes, table names, expiry cut-offs. */
class TableArgumentsTest {
    @Test
    void anEventTimeForAllStreamsOrForOne() {
        TableInputs.EventTimes times = new TableInputs.EventTimes(List.of("ts", "Payments.paid"));
        assertEquals("ts", times.of("Orders"));
        assertEquals("paid", times.of("Payments"));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new TableInputs.EventTimes(List.of("Payments.paid")).of("Orders"));
        assertEquals("no event-time attribute for stream Orders: give --event-time ATTR or --event-time Orders.ATTR",
                none.getMessage());
    }

    @Test
    void aQueryNamesTheTableByTheLastPartOfItsName() {
        assertEquals("trades", TableCommand.Query.defaultName(TableAddress.parse("iceberg:db.trades@42")));
        assertEquals("trades", TableCommand.Query.defaultName(TableAddress.parse("delta:/data/trades/")));
        UserError notAName = assertThrows(UserError.class,
                () -> TableCommand.Query.defaultName(TableAddress.parse("delta:s3://bucket/my-trades")));
        assertEquals("error: 'my-trades' is not a name a query can use; name the table with --as",
                notAName.getMessage());
    }

    @Test
    void expiryCutOffIsAnInstantOrADurationBeforeNow() {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        assertEquals(Instant.parse("2026-11-21T12:00:00Z"), TableCommand.Expire.cutOff("7d", now));
        assertEquals(Instant.parse("2026-11-28T11:30:00Z"), TableCommand.Expire.cutOff("30min", now));
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), TableCommand.Expire.cutOff("2026-11-01T00:00:00Z", now));
        UserError neither = assertThrows(UserError.class, () -> TableCommand.Expire.cutOff("last week", now));
        assertEquals("error: --older-than 'last week' is neither a duration such as 7d or 12h nor an ISO-8601 instant",
                neither.getMessage());
    }
}
