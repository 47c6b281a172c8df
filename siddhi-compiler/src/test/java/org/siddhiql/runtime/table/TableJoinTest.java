package org.siddhiql.runtime.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.siddhiql.runtime.query.PlaybackDriver;

/** Tables written by {@code insert into} and read by stream–table joins, all queries sharing the table's rows. */
class TableJoinTest {
    private static final String APP = "define stream Reg (sym string, name string);\n"
            + "define stream Trades (sym string, qty int);\n";

    @Test
    void aJoinFindsEveryInsertedRowAndKeepsDuplicatesWithoutAPrimaryKey() {
        PlaybackDriver app = new PlaybackDriver(APP + "define table Names (sym string, name string);\n"
                + "from Reg insert into Names;\n"
                + "from Trades join Names on Trades.sym == Names.sym "
                + "select Trades.sym as sym, Names.name as name, qty insert into Named;", "Named", "Names");
        app.send("Trades", 1000, "IBM", 1);
        assertEquals(List.of(), app.takeOutputs());
        app.send("Reg", 1100, "IBM", "Intl").send("Reg", 1200, "IBM", "Big Blue").send("Reg", 1300, "WSO2", "W");
        // The table's rows are no stream output, even when asked for by name.
        assertEquals(List.of(), app.takeOutputs());
        app.send("Trades", 1400, "IBM", 2);
        assertEquals(List.of("Named 1400 [IBM, Intl, 2]", "Named 1400 [IBM, Big Blue, 2]"), app.takeOutputs());
    }

    @Test
    void aPrimaryKeyDropsASecondRowWithTheSameKeyAndALeftOuterJoinKeepsMisses() {
        PlaybackDriver app = new PlaybackDriver(APP + "@primaryKey('sym')\n"
                + "define table Names (sym string, name string);\n"
                + "from Reg insert into Names;\n"
                + "from Trades left outer join Names on Trades.sym == Names.sym "
                + "select Trades.sym as sym, Names.name as name, qty insert into Named;", "Named");
        app.send("Reg", 1000, "IBM", "Intl").send("Reg", 1100, "IBM", "Big Blue");
        app.send("Trades", 1200, "IBM", 2).send("Trades", 1300, "ORCL", 3);
        assertEquals(List.of("Named 1200 [IBM, Intl, 2]", "Named 1300 [ORCL, null, 3]"), app.takeOutputs());
    }
}
