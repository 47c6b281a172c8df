package org.siddhiql.runtime.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.siddhiql.runtime.query.PlaybackDriver;

/** Delete, update, update or insert and {@code in}, run by the graph kernel against the table's rows in state. */
class TableWriteTest {
    private static final String STREAMS = "define stream Put (sym string, qty int);\n"
            + "define stream Drop (sym string);\n"
            + "define stream Q (sym string);\n";
    private static final String ANSWER = "from Q join T on Q.sym == T.sym select T.sym as sym, qty insert into A;\n";

    @Test
    void deleteRemovesEveryMatchingRowAndNothingElse() {
        PlaybackDriver app = new PlaybackDriver(STREAMS + "define table T (sym string, qty int);\n"
                + "from Put insert into T;\n"
                + "from Drop delete T on T.sym == sym;\n" + ANSWER, "A");
        app.send("Put", 1000, "IBM", 1).send("Put", 1000, "IBM", 2).send("Put", 1000, "XOM", 3);
        app.send("Drop", 1100, "IBM").send("Q", 1200, "IBM").send("Q", 1200, "XOM");
        assertEquals(List.of("A 1200 [XOM, 3]"), app.takeOutputs());
    }

    @Test
    void updateAssignsInAttributeOrderEachSeeingTheOnesBefore() {
        PlaybackDriver app = new PlaybackDriver("define stream Put (a int, b int, k string);\n"
                + "define stream Swap (k string);\n"
                + "define stream Q (k string);\n"
                + "define table T (a int, b int, k string);\n"
                + "from Put insert into T;\n"
                // written b first, applied a first: a takes b, then b takes the new a
                + "from Swap update T set T.b = T.a, T.a = T.b on T.k == k;\n"
                + "from Q join T on Q.k == T.k select a, b insert into A;", "A");
        app.send("Put", 1000, 1, 2, "x").send("Swap", 1100, "x").send("Q", 1200, "x");
        assertEquals(List.of("A 1200 [2, 2]"), app.takeOutputs());
    }

    @Test
    void updateWithoutSetAssignsEveryOutputAttributeByName() {
        PlaybackDriver app = new PlaybackDriver(STREAMS + "define table T (sym string, qty int);\n"
                + "from Put[qty < 0] select sym, 0 - qty as qty insert into T;\n"
                + "from Put[qty >= 0] update T on T.sym == sym;\n" + ANSWER, "A");
        app.send("Put", 1000, "IBM", -5).send("Put", 1100, "IBM", 7).send("Put", 1100, "XOM", 9);
        app.send("Q", 1200, "IBM").send("Q", 1200, "XOM");
        assertEquals(List.of("A 1200 [IBM, 7]"), app.takeOutputs());
    }

    @Test
    void updateOrInsertWithoutAKeyAddsAChunksUnmatchedEventsAfterTheChunk() {
        PlaybackDriver app = new PlaybackDriver(STREAMS + "define table T (sym string, qty int);\n"
                + "from Put#window.lengthBatch(3) select sym, qty "
                + "update or insert into T set T.qty = T.qty + qty on T.sym == sym;\n" + ANSWER, "A");
        app.send("Put", 1000, "IBM", 1).send("Put", 1000, "XOM", 2).send("Put", 1000, "IBM", 3);
        app.send("Q", 1100, "IBM").send("Q", 1100, "XOM");
        assertEquals(List.of("A 1100 [IBM, 4]", "A 1100 [XOM, 2]"), app.takeOutputs());
    }

    @Test
    void updateOrInsertOnThePrimaryKeyOverwritesTheRowAndIgnoresSet() {
        PlaybackDriver app = new PlaybackDriver(STREAMS + "@primaryKey('sym')\n"
                + "define table T (sym string, qty int);\n"
                + "from Put update or insert into T set T.qty = T.qty + qty on T.sym == sym;\n" + ANSWER, "A");
        app.send("Put", 1000, "IBM", 1).send("Put", 1100, "IBM", 3).send("Q", 1200, "IBM");
        assertEquals(List.of("A 1200 [IBM, 3]"), app.takeOutputs());
    }

    @Test
    void anIndexedTablesUpdateReadsTheRowsAttributesAsNull() {
        PlaybackDriver app = new PlaybackDriver(STREAMS + "@index('qty')\n"
                + "define table T (sym string, qty int);\n"
                + "from Put[qty > 0] insert into T;\n"
                + "from Put[qty < 0] update T set T.qty = T.qty + qty, T.sym = sym on T.sym == sym;\n"
                + ANSWER, "A");
        app.send("Put", 1000, "IBM", 5).send("Put", 1100, "IBM", -1).send("Q", 1200, "IBM");
        assertEquals(List.of("A 1200 [IBM, null]"), app.takeOutputs());
    }

    @Test
    void inIsTrueWhenSomeRowSatisfiesTheCondition() {
        PlaybackDriver app = new PlaybackDriver(STREAMS + "define table T (sym string, qty int);\n"
                + "from Put insert into T;\n"
                + "from Q[(T.sym == sym and T.qty > 1) in T] select sym insert into Big;\n"
                + "from Q[not (T.sym == sym in T)] select sym insert into Unknown;", "Big", "Unknown");
        app.send("Put", 1000, "IBM", 1).send("Put", 1000, "IBM", 2).send("Put", 1000, "XOM", 1);
        app.send("Q", 1100, "IBM").send("Q", 1100, "XOM").send("Q", 1100, "GE");
        assertEquals(List.of("Big 1100 [IBM]", "Unknown 1100 [GE]"), app.takeOutputs());
    }
}
