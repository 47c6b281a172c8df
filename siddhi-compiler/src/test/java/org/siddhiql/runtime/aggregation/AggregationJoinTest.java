package org.siddhiql.runtime.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.siddhiql.runtime.query.PlaybackDriver;

/** An aggregation fed and read by a join in one query graph, sharing the buckets' state. */
class AggregationJoinTest {
    private static final String APP = "define stream Trades (sym string, qty long);\n"
            + "define stream Ask (sym string, gran string);\n"
            + "define aggregation Vol from Trades select sym, sum(qty) as total, count() as n group by sym\n"
            + "aggregate every sec ... min;\n"
            + "from Ask join Vol on Ask.sym == Vol.sym within 0L, 600000L per Ask.gran\n"
            + "select Ask.gran as gran, AGG_TIMESTAMP, total, n insert into Out;";

    @Test
    void eachAskReadsTheBucketsOfItsPerValueAsTheClockRollsThemOver() {
        PlaybackDriver app = new PlaybackDriver(APP, "Out");
        app.send("Trades", 1000, "A", 1L).send("Trades", 1500, "A", 2L).send("Trades", 1700, "B", 9L);
        app.send("Ask", 1800, "A", "seconds");
        assertEquals(List.of("Out 1800 [seconds, 1000, 3, 2]"), app.takeOutputs());
        // The timer at 2000 rolled second 1 into the minute: a finished second now, and part of the running minute,
        // which arrival time stamps with the start of the minute's latest bucket.
        app.send("Trades", 2500, "A", 4L).send("Ask", 2600, "A", "seconds").send("Ask", 2600, "A", "minutes");
        assertEquals(List.of("Out 2600 [seconds, 1000, 3, 2]", "Out 2600 [seconds, 2000, 4, 1]",
                "Out 2600 [minutes, 0, 7, 3]"), app.takeOutputs());
    }
}
