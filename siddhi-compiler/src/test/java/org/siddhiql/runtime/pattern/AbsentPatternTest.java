package org.siddhiql.runtime.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.siddhiql.runtime.pattern.PatternKernelTest.Run;

/**
 * Absent steps ({@code not B[cond] for t}) give Siddhi 5.1.21's outputs: an absence that held is reported when the
 * clock passes its deadline, stamped with the deadline, before the event that moved the clock. Every event also
 * round-trips the pattern state, pending wake-ups included, through its codec.
 */
class AbsentPatternTest {

    @Test
    void anAbsenceAtTheEndIsReportedAtItsDeadlineUnlessAMatchingEventCameFirst() {
        Run run = new Run("from every e1=A[v > 10] -> not B[id == e1.id] for 2 sec "
                + "select e1.id as id, e1.v as v insert into Out;");
        run.send("A", 1000, "o1", 25).send("A", 1200, "o2", 5).send("A", 1500, "o3", 99).send("B", 2000, "o1", 0)
                .send("A", 3000, "o4", 12).send("B", 4000, "o4", 0).send("A", 6000, "o5", 40)
                .send("A", 9000, "o6", 41);
        assertEquals(List.of("3500 [o3, 99]", "8000 [o5, 40]"), run.outputs);
    }

    @Test
    void anEventExactlyAtTheDeadlineComesAfterTheAbsenceWasReported() {
        Run run = new Run("from every e1=A -> not B[id == e1.id] for 1 sec select e1.id as id insert into Out;");
        run.send("A", 1000, "k1", 1).send("B", 2000, "k1", 0).send("A", 3000, "k2", 2).send("C", 4000, "c1", 0)
                .send("A", 5000, "k3", 3).send("B", 5999, "k3", 0).send("C", 6000, "c2", 0);
        assertEquals(List.of("2000 [k1]", "4000 [k2]"), run.outputs);
    }

    @Test
    void aConditionOnNullDoesNotBreakTheAbsence() {
        Run run = new Run("from every e1=A -> not B[id == e1.id] for 1 sec select e1.id as id, e1.v as v "
                + "insert into Out;");
        run.send("A", 1000, null, 1).send("B", 1500, null, 0).send("A", 3000, "k1", 2).send("B", 3500, null, 0)
                .send("A", 5000, "k2", 3).send("B", 5500, "k2", 0).send("C", 7000, "c1", 0);
        assertEquals(List.of("2000 [null, 1]", "4000 [k1, 2]"), run.outputs);
    }

    @Test
    void anAbsenceInTheMiddleLetsTheNextStepWaitFromItsDeadline() {
        Run run = new Run("from every e1=A -> not B[id == e1.id] for 1 sec -> e3=C[id == e1.id] "
                + "select e1.id as id, e3.v as cv insert into Out;");
        run.send("A", 1000, "k1", 1).send("A", 1100, "k2", 2).send("B", 1500, "k1", 0).send("C", 1800, "k2", 20)
                .send("C", 2200, "k2", 21).send("C", 2300, "k1", 10).send("A", 3000, "k3", 3)
                .send("C", 4500, "k3", 30);
        assertEquals(List.of("2200 [k2, 21]", "4500 [k3, 30]"), run.outputs);
    }

    @Test
    void everyOverAChainWithAnAbsenceDoesNotRestartOnceTheAbsenceBroke() {
        Run run = new Run("from every (e1=A -> not B for 1 sec) -> e3=C select e1.id as aid, e3.id as cid "
                + "insert into Out;");
        run.send("A", 1000, "a1", 1).send("A", 1200, "a2", 2).send("C", 2500, "c1", 1).send("A", 3000, "a3", 3)
                .send("B", 3100, "b1", 1).send("C", 3200, "c2", 2).send("A", 4200, "a4", 4)
                .send("C", 6000, "c3", 3);
        assertEquals(List.of("2500 [a1, c1]"), run.outputs);
    }

    @Test
    void aLeadingEveryAbsenceRepeatsFromTheClockStartAndRestartsAtEachBreakingEvent() {
        Run run = new Run("from every not A for 1 sec select 'quiet' as msg, eventTimestamp() as ts "
                + "insert into Out;");
        run.send("C", 0, "c0", 0).send("C", 500, "c1", 0).send("A", 1000, "a1", 1).send("C", 1500, "c2", 1)
                .send("C", 2200, "c3", 2).send("A", 2300, "a2", 2).send("C", 3400, "c4", 3)
                .send("C", 5000, "c5", 4).send("C", 5100, "c6", 5);
        assertEquals(List.of("1000 [quiet, 1000]", "2000 [quiet, 2000]", "3300 [quiet, 3300]",
                "4300 [quiet, 4300]"), run.outputs);
    }

    @Test
    void aLeadingAbsenceIsMeasuredFromTheAppsFirstEventNotFromZero() {
        Run run = new Run("from every not A for 1 sec select 'quiet' as msg insert into Out;", 3500);
        run.send("C", 3500, "c1", 1).send("A", 3700, "a1", 1).send("C", 4200, "c2", 2).send("C", 4800, "c3", 3)
                .send("A", 4900, "a2", 2).send("C", 5000, "c4", 4).send("C", 6100, "c5", 5);
        assertEquals(List.of("4700 [quiet]", "5900 [quiet]"), run.outputs);
    }

    @Test
    void aLeadingAbsenceWithoutEveryIsReportedOnce() {
        Run run = new Run("from not A for 1 sec -> e2=B select e2.id as bid insert into Out;");
        run.send("C", 0, "c0", 0).send("A", 500, "a1", 1).send("B", 1000, "b1", 1).send("A", 1300, "a2", 2)
                .send("B", 1500, "b2", 2).send("C", 2000, "c1", 1).send("B", 2300, "b3", 3)
                .send("B", 2400, "b4", 4);
        assertEquals(List.of("2300 [b3]"), run.outputs);
    }

    @Test
    void aAndNotBWithoutForLetsAnAThroughOnlyIfNoBCameSinceTheLastStart() {
        Run run = new Run("from every (e1=A and not B) -> e3=C select e1.id as aid, e3.id as cid insert into Out;");
        run.send("A", 1000, "a1", 1).send("C", 1100, "c1", 1).send("B", 1200, "b1", 1).send("A", 1300, "a2", 2)
                .send("C", 1400, "c2", 2).send("A", 1500, "a3", 3).send("C", 1600, "c3", 3);
        assertEquals(List.of("1100 [a1, c1]", "1600 [a3, c3]"), run.outputs);
    }

    @Test
    void anAbsentSideOfOrCompletesAtItsDeadlineUnlessThePresentSideCameFirst() {
        Run run = new Run("from every e1=A -> not B for 1 sec or e3=C select e1.id as aid, e3.id as cid "
                + "insert into Out;");
        run.send("A", 1000, "a1", 1).send("C", 1200, "c1", 1).send("A", 2000, "a2", 2).send("C", 3500, "c2", 2)
                .send("A", 4000, "a3", 3).send("B", 4200, "b1", 1).send("C", 4300, "c3", 3);
        assertEquals(List.of("1200 [a1, c1]", "3000 [a2, null]", "4300 [a3, c3]"), run.outputs);
    }

    @Test
    void twoAbsentSidesOfAndCompleteWhenBothHeld() {
        Run run = new Run("from every e1=A -> not B for 1 sec and not C for 1 sec select e1.id as aid "
                + "insert into Out;");
        run.send("A", 1000, "a1", 1).send("A", 3000, "a2", 2).send("B", 3500, "b1", 1).send("A", 5000, "a3", 3)
                .send("C", 5800, "c1", 1).send("A", 7000, "a4", 4).send("A", 7500, "a5", 5)
                .send("C", 9000, "c2", 2);
        assertEquals(List.of("2000 [a1]", "8000 [a4]", "8500 [a5]"), run.outputs);
    }
}
