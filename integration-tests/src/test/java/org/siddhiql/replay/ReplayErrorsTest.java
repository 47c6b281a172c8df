package org.siddhiql.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code bin/siddhi replay} reports, before any job runs, when a --from does not fit the app. */
class ReplayErrorsTest {
    @TempDir
    Path work;

    private String location;

    @BeforeEach
    void land() throws Exception {
        TradesTable.land(work.resolve("warehouse"));
        location = "warehouse=" + work.resolve("warehouse");
    }

    @Test
    void anUnknownStream() throws Exception {
        assertError("error: --from 'Quotes=iceberg:db.trades': stream 'Quotes' is not defined in the app",
                TradesTable.APP, "Quotes=iceberg:db.trades");
    }

    @Test
    void aBadAddress() throws Exception {
        assertError("error: 'hive:db.trades' is not a table address: it takes iceberg:NAMESPACE.TABLE or "
                + "delta:PATH, optionally followed by @VERSION, @TIMESTAMP or (Iceberg) @TAG",
                TradesTable.APP, "Trades=hive:db.trades");
    }

    @Test
    void anUnknownSnapshot() throws Exception {
        assertError("error: iceberg:db.trades has no snapshot 42", TradesTable.APP, "Trades=iceberg:db.trades@42");
    }

    @Test
    void anUnknownTable() throws Exception {
        assertError("error: Iceberg table 'db.quotes' does not exist in catalog siddhi", TradesTable.APP,
                "Trades=iceberg:db.quotes");
    }

    @Test
    void aMissingColumn() throws Exception {
        assertError("error: iceberg:db.trades has no column 'venue' for attribute 'venue' of stream Trades",
                "define stream Trades (symbol string, venue string, ts long);", "Trades=iceberg:db.trades");
    }

    @Test
    void aColumnOfAnotherType() throws Exception {
        assertError("error: column 'volume' of iceberg:db.trades reads as long, attribute 'volume' of stream Trades "
                + "is int", "define stream Trades (symbol string, volume int, ts long);", "Trades=iceberg:db.trades");
    }

    @Test
    void noEventTimeAttribute() throws Exception {
        assertError("error: stream Trades has no long attribute 'ts' to give its events' time (--event-time)",
                "define stream Trades (symbol string, price double);", "Trades=iceberg:db.trades");
    }

    private void assertError(String expected, String app, String from) throws Exception {
        Path file = Files.writeString(work.resolve("app.siddhi"), app);
        CliCall call = CliCall.of("replay", file.toString(), "--from", from, "--event-time", "ts",
                "--option", location, "--out", work.resolve("out").toString());
        assertEquals(1, call.exitCode());
        assertEquals(expected + "\n", call.err());
    }
}
