package org.siddhiql.rescaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.siddhiql.rescaling.SavepointRuns.byStreamAndKey;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.rescaling.SavepointRuns.Input;

/**
 * An app stopped with a savepoint and resumed at another parallelism continues as if it had never stopped: the
 * outputs of all the runs together are exactly those of an uninterrupted run. Partial pattern matches, per-key
 * windows, group-by aggregates, table rows and pending timers all cross the savepoints.
 */
class SavepointRescalingITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4)
                    .build());

    /**
     * A partition whose keys each hold a pattern's partial matches (with {@code within} deadlines) and a time batch
     * whose flush timer is pending at the savepoint.
     */
    private static final String PATTERN_APP = "@app:name('rising')\n"
            + "define stream S (sym string, price double);\n"
            + "partition with (sym of S)\n"
            + "begin\n"
            + "  from every e1=S[price > 10] -> e2=S[price > e1.price] within 3 sec\n"
            + "  select e1.sym as sym, e1.price as p1, e2.price as p2\n"
            + "  insert into Rise;\n"
            + "  from S#window.timeBatch(2 sec)\n"
            + "  select sym, sum(price) as total, count() as n\n"
            + "  insert into Totals;\n"
            + "end;";

    /**
     * A table written by one stream and joined by another, and a length window over the join's output: all of it
     * state of the sequential part.
     */
    private static final String TABLE_APP = "@app:name('orders')\n"
            + "define stream Prices (sym string, price double);\n"
            + "define stream Orders (sym string, qty int);\n"
            + "@primaryKey('sym')\n"
            + "define table Latest (sym string, price double);\n"
            + "from Prices insert into Latest;\n"
            + "from Orders join Latest on Orders.sym == Latest.sym\n"
            + "select Orders.sym as sym, qty, Latest.price as price, qty * Latest.price as cost\n"
            + "insert into Costs;\n"
            + "from Costs#window.length(3)\n"
            + "select sym, sum(cost) as lastThree\n"
            + "insert into Spend;";

    /**
     * Every kind of placement at once: a windowed group-by over an input stream (its own operator, keyed by the
     * group), a pattern and a table with its join (the sequential operator), and a partition (its own operator,
     * keyed by the partition key).
     */
    static final String MIXED_APP = "@app:name('mixed')\n"
            + "define stream Trades (sym string, price double, qty int);\n"
            + "define stream Orders (sym string, qty int);\n"
            + "@primaryKey('sym')\n"
            + "define table Latest (sym string, price double);\n"
            + "@info(name='volumes')\n"
            + "from Trades#window.time(2 sec) select sym, sum(qty) as volume, count() as n group by sym\n"
            + "insert into Volumes;\n"
            + "@info(name='latest')\n"
            + "from Trades select sym, price insert into Latest;\n"
            + "@info(name='costs')\n"
            + "from Orders join Latest on Orders.sym == Latest.sym\n"
            + "select Orders.sym as sym, Orders.qty * Latest.price as cost insert into Costs;\n"
            + "@info(name='rises')\n"
            + "from every e1=Trades[price > 12] -> e2=Trades[price > e1.price and sym == e1.sym] within 3 sec\n"
            + "select e1.sym as sym, e1.price as p1, e2.price as p2 insert into Rises;\n"
            + "partition with (sym of Trades)\n"
            + "begin\n"
            + "  @info(name='batches')\n"
            + "  from Trades#window.timeBatch(2 sec) select sym, sum(price) as total, count() as n\n"
            + "  insert into Totals;\n"
            + "end;";

    @TempDir
    Path savepoints;
    private SavepointRuns runs;

    @BeforeEach
    void runs() {
        runs = new SavepointRuns(savepoints);
    }

    @Test
    void patternsInAPartitionContinueFromOneToFourAndFromFourToTwo() throws Exception {
        AppPlan plan = new AppCompiler().compile(PATTERN_APP);
        List<Input> events = new ArrayList<>();
        String[] syms = {"IBM", "WSO2", "ORCL", "MSFT", "GOOG"};
        for (int i = 0; i < 40; i++) {
            String sym = syms[(i * 7 + i / 5) % syms.length];
            double price = 8 + (i * 13 % 11);
            events.add(new Input(0, 1000 + 250L * i, new Object[] {sym, price}));
        }
        assertContinuesAcross(plan, events, 1, 4);
        assertContinuesAcross(plan, events, 4, 2);
    }

    @Test
    void tablesAndJoinsContinueFromOneToFourAndFromFourToTwo() throws Exception {
        AppPlan plan = new AppCompiler().compile(TABLE_APP);
        List<Input> events = new ArrayList<>();
        String[] syms = {"IBM", "WSO2", "ORCL"};
        for (int i = 0; i < 30; i++) {
            events.add(i % 3 == 0
                    ? new Input(0, 1000 + 100L * i, new Object[] {syms[i / 3 % syms.length], 10.0 + i})
                    : new Input(1, 1000 + 100L * i, new Object[] {syms[i / 2 % syms.length], i % 4 + 1}));
        }
        assertContinuesAcross(plan, events, 1, 4);
        assertContinuesAcross(plan, events, 4, 2);
    }

    /** The acceptance: stopped at parallelism 2, resumed at 4, stopped again and resumed at 1. */
    @Test
    void everyPlacementContinuesFromTwoToFourToOne() throws Exception {
        AppPlan plan = new AppCompiler().compile(MIXED_APP);
        assertContinuesAcross(plan, mixedEvents(plan), 2, 4, 1);
    }

    static List<Input> mixedEvents(AppPlan plan) {
        List<Input> events = new ArrayList<>();
        String[] syms = {"IBM", "WSO2", "ORCL", "MSFT"};
        for (int i = 0; i < 60; i++) {
            String sym = syms[(i * 5 + i / 4) % syms.length];
            long ts = 1000 + 200L * i;
            events.add(i % 4 == 3
                    ? Input.of(plan, "Orders", ts, sym, i % 5 + 1)
                    : Input.of(plan, "Trades", ts, sym, 8.0 + i * 7 % 9, i % 3 + 1));
        }
        return events;
    }

    /**
     * Runs {@code events} in as many equal parts as parallelisms are given, the first at the first parallelism, each
     * later one from the savepoint the previous run stopped with once the sink had all of its outputs, and compares
     * the union of their outputs with an uninterrupted run's.
     */
    private void assertContinuesAcross(AppPlan plan, List<Input> events, int... parallelisms) throws Exception {
        List<String> uninterrupted = runs.runToEnd(plan, events, 1, null);
        List<String> union = new ArrayList<>();
        List<Integer> outputsPerRun = new ArrayList<>();
        String savepoint = null;
        int parts = parallelisms.length;
        for (int i = 0; i < parts; i++) {
            List<Input> part = events.subList(events.size() * i / parts, events.size() * (i + 1) / parts);
            int before = union.size();
            if (i == parts - 1) {
                union.addAll(runs.runToEnd(plan, part, parallelisms[i], savepoint));
            } else {
                // as many outputs as an uninterrupted run has by the end of this part
                int outputs = runs.runToEnd(plan, events.subList(0, events.size() * (i + 1) / parts), 1, null).size();
                savepoint = runs.runAndStop(plan, part, parallelisms[i], savepoint, outputs - before, union);
            }
            outputsPerRun.add(union.size() - before);
        }
        assertEquals(byStreamAndKey(uninterrupted), byStreamAndKey(union),
                "outputs across savepoints at " + Arrays.toString(parallelisms));
        assertTrue(outputsPerRun.stream().allMatch(n -> n > 0), "every run has outputs: " + outputsPerRun);
    }
}
