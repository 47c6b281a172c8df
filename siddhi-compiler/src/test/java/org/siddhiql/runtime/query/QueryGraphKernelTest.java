package org.siddhiql.runtime.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Queries fused in one graph see chunks and order exactly as Siddhi's junctions hand them on. */
class QueryGraphKernelTest {

    @Test
    void aChunkOfExpiredEventsReachesTheNextQueryWhole() {
        // The time window expires C, D and E in one step; the length window downstream gets them as one chunk, and
        // its aggregating selector outputs only the chunk's last row (Siddhi: [2, 9], not [2,5], [2,7], [2,9]).
        PlaybackDriver graph = new PlaybackDriver("define stream In (sym string, vol int);\n"
                + "from In#window.time(1 sec) select sym, vol insert expired events into Left;\n"
                + "from Left#window.length(2) select count() as n, sum(vol) as total insert into Stats;", "Stats");
        graph.send("In", 1800, "C", 3).send("In", 2100, "D", 4).send("In", 2300, "E", 5);
        assertEquals(List.of(), graph.takeOutputs());
        graph.send("In", 3500, "F", 6);
        assertEquals(List.of("Stats 3500 [2, 9]"), graph.takeOutputs());
    }

    @Test
    void queriesFeedingOneStreamInterleaveInDefinitionOrderDepthFirst() {
        PlaybackDriver graph = new PlaybackDriver("define stream In (sym string, vol int);\n"
                + "from In select sym, vol * 10 as vol insert into Mid;\n"
                + "from Mid select sym, vol + 1 as vol insert into Out;\n"
                + "from In select sym, vol insert into Out;", "Out");
        graph.send("In", 1000, "A", 1).send("In", 1001, "B", 2);
        assertEquals(List.of("Out 1000 [A, 11]", "Out 1000 [A, 1]", "Out 1001 [B, 21]", "Out 1001 [B, 2]"),
                graph.takeOutputs());
    }
}
