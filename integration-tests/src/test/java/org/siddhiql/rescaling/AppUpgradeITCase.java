package org.siddhiql.rescaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.siddhiql.rescaling.SavepointRuns.byStreamAndKey;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.flink.translate.RestoreFailures;
import org.siddhiql.rescaling.SavepointRuns.Input;

/**
 * An app edited between a savepoint and its restore: queries keep their state by name, so adding queries or streams
 * leaves the others' state in place, and an edit that leaves state the new app cannot take fails with one message
 * saying what to do.
 */
class AppUpgradeITCase {
    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(
            new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(4)
                    .build());

    private static final String APP = SavepointRescalingITCase.MIXED_APP;
    private static final Set<String> OLD_OUTPUTS = Set.of("Volumes", "Costs", "Rises", "Totals");

    /** Two queries added before the others: one joins the sequential operator, one runs in its own. */
    private static final String WITH_QUERIES = APP.replace("@info(name='volumes')",
            "@info(name='heavy')\n"
            + "from Trades[qty > 1]#window.length(4) select sym, sum(qty) as heavy insert into Heavy;\n"
            + "@info(name='tops')\n"
            + "from Trades select sym, max(price) as top group by sym insert into Tops;\n"
            + "@info(name='volumes')");

    /** A stream defined before the others, and a query reading it. */
    private static final String WITH_STREAM = APP
            .replace("define stream Trades", "define stream Alerts (sym string, level int);\ndefine stream Trades")
            + "\n@info(name='loud')\nfrom Alerts[level > 1] select sym, level insert into Loud;";

    @TempDir
    Path savepoints;
    private SavepointRuns runs;

    @BeforeEach
    void runs() {
        runs = new SavepointRuns(savepoints);
    }

    @Test
    void addedQueriesStartEmptyAndTheOthersContinue() throws Exception {
        AppPlan edited = new AppCompiler().compile(WITH_QUERIES);
        List<Input> events = SavepointRescalingITCase.mixedEvents(edited);
        assertUpgrade(edited, events, Set.of("Heavy", "Tops"));
    }

    @Test
    void anAddedStreamLeavesTheOthersStateInPlace() throws Exception {
        AppPlan edited = new AppCompiler().compile(WITH_STREAM);
        List<Input> events = new ArrayList<>();
        for (Input trade : SavepointRescalingITCase.mixedEvents(edited)) {
            events.add(trade);
            if (trade.timestamp() % 600 == 0) {
                int level = (int) (trade.timestamp() / 600 % 4);
                events.add(Input.of(edited, "Alerts", trade.timestamp(), trade.data()[0], level));
            }
        }
        assertUpgrade(edited, events, Set.of("Loud"));
    }

    @Test
    void aRemovedQueryOfItsOwnOperatorFailsTheRestoreUntilItsStateMayBeDropped() throws Exception {
        AppPlan old = new AppCompiler().compile(APP);
        AppPlan edited = new AppCompiler().compile(APP.replaceAll(
                "@info\\(name='volumes'\\)\nfrom Trades#window[^;]*;\n", ""));
        List<Input> events = SavepointRescalingITCase.mixedEvents(old);
        List<String> firstHalf = new ArrayList<>();
        String savepoint = stopAfterFirstHalf(old, events, firstHalf);

        Exception failure = assertThrows(Exception.class,
                () -> runs.runToEnd(edited, secondHalf(events), 2, savepoint));
        String message = RestoreFailures.explain(failure).orElseThrow(() -> new AssertionError(failure));
        assertTrue(message.startsWith("the savepoint holds state of an operator this app no longer has (operator id "),
                message);
        assertTrue(message.endsWith("Rerun with --allow-non-restored-state to drop that state, or undo the edit"),
                message);

        firstHalf.addAll(runs.allowNonRestoredState().runToEnd(edited, secondHalf(events), 2, savepoint));
        assertEquals(byStreamAndKey(runs.runToEnd(old, events, 1, null), Set.of("Volumes")),
                byStreamAndKey(firstHalf, Set.of("Volumes")));
    }

    @Test
    void aRemovedQueryOfTheSequentialPartFailsTheRestoreNamingItUntilItsStateMayBeDropped() throws Exception {
        AppPlan old = new AppCompiler().compile(APP);
        AppPlan edited = new AppCompiler().compile(APP.replaceAll("@info\\(name='rises'\\)\n[^;]*;\n", ""));
        List<Input> events = SavepointRescalingITCase.mixedEvents(old);
        List<String> outputs = new ArrayList<>();
        String savepoint = stopAfterFirstHalf(old, events, outputs);

        Exception failure = assertThrows(Exception.class,
                () -> runs.runToEnd(edited, secondHalf(events), 2, savepoint));
        String message = RestoreFailures.explain(failure).orElseThrow(() -> new AssertionError(failure));
        assertEquals("the savepoint holds state of query 'rises', which this app no longer has (removed, or renamed: "
                + "unnamed queries are named by their position). Rerun with --allow-non-restored-state to drop that "
                + "state, or undo the edit", message);

        outputs.addAll(runs.allowNonRestoredState().runToEnd(edited, secondHalf(events), 2, savepoint));
        assertEquals(byStreamAndKey(runs.runToEnd(old, events, 1, null), Set.of("Rises")),
                byStreamAndKey(outputs, Set.of("Rises")));
    }

    @Test
    void aQueryKeepingStateOfAnotherShapeFailsNamingIt() throws Exception {
        AppPlan old = new AppCompiler().compile(APP);
        // its window held Trades events and is now to hold Orders events
        AppPlan edited = new AppCompiler().compile(APP.replace("from Trades#window.time(2 sec)",
                "from Orders#window.time(2 sec)"));
        List<Input> events = SavepointRescalingITCase.mixedEvents(old);
        String savepoint = stopAfterFirstHalf(old, events, new ArrayList<>());

        Exception failure = assertThrows(Exception.class,
                () -> runs.runToEnd(edited, secondHalf(events), 2, savepoint));
        assertEquals("query 'volumes' cannot restore its state 'volumes.window.window.events' from the savepoint: the "
                + "edited app keeps it in another shape (the attributes of a stream it holds events of, its window, "
                + "aggregates or pattern changed). Rename the query to start it empty (with --allow-non-restored-state "
                + "if it ran in an operator of its own), or start the app without the savepoint",
                RestoreFailures.explain(failure).orElseThrow(() -> new AssertionError(failure)));
    }

    /**
     * Runs the original app over the first half at parallelism 2 and stops with a savepoint, resumes the edited app
     * at 2 over the second half, and checks: the original queries' outputs are an uninterrupted run's of the
     * original app; the added ones' are those of the edited app started empty on the second half.
     */
    private void assertUpgrade(AppPlan edited, List<Input> events, Set<String> added) throws Exception {
        AppPlan old = new AppCompiler().compile(APP);
        List<Input> oldEvents = SavepointRescalingITCase.mixedEvents(old);
        List<String> outputs = new ArrayList<>();
        String savepoint = stopAfterFirstHalf(old, oldEvents, outputs);
        outputs.addAll(runs.runToEnd(edited, secondHalf(events), 2, savepoint));

        assertEquals(byStreamAndKey(runs.runToEnd(old, oldEvents, 1, null), added),
                byStreamAndKey(outputs, added), "the original queries continue");
        Map<String, List<String>> addedOutputs = byStreamAndKey(outputs, OLD_OUTPUTS);
        assertEquals(byStreamAndKey(runs.runToEnd(edited, secondHalf(events), 1, null), OLD_OUTPUTS), addedOutputs,
                "the added queries start empty");
        assertEquals(added, addedOutputs.keySet().stream().map(k -> k.split(" ")[0]).collect(Collectors.toSet()));
    }

    private String stopAfterFirstHalf(AppPlan plan, List<Input> events, List<String> received) throws Exception {
        List<Input> firstHalf = events.subList(0, events.size() / 2);
        int outputs = runs.runToEnd(plan, firstHalf, 1, null).size();
        return runs.runAndStop(plan, firstHalf, 2, null, outputs, received);
    }

    /** The events after the first half of the original app's events (30 of them), by time. */
    private static List<Input> secondHalf(List<Input> events) {
        long firstHalfEnd = 1000 + 200L * 29;
        return events.stream().filter(e -> e.timestamp() > firstHalfEnd).toList();
    }
}
