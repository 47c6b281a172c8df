package org.siddhiql.runtime.pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.siddhiql.runtime.pattern.PatternKernelTest.Run;

/**
 * Sequences ({@code ,}) give Siddhi 5.1.21's outputs: strict contiguity among the events of the sequence's own
 * streams, and the quirks of its counted steps.
 */
class SequenceTest {

    @Test
    void eachStepMustTakeTheNextEventOfTheSequencesStreamsAndANewerStartReplacesAPendingOne() {
        Run run = new Run("from every e1=A, e2=B select e1.id as aid, e2.id as bid insert into Out;");
        run.send("A", 1000, "a1", 1).send("B", 1100, "b1", 1).send("A", 1200, "a2", 2).send("A", 1300, "a3", 3)
                .send("B", 1400, "b2", 2).send("A", 1500, "a4", 4).send("C", 1600, "c1", 1)
                .send("B", 1700, "b3", 3).send("B", 1800, "b4", 4);
        assertEquals(List.of("1100 [a1, b1]", "1400 [a3, b2]", "1700 [a4, b3]"), run.outputs);
    }

    @Test
    void withoutEveryOnlyTheFirstEventMayStartTheSequence() {
        Run run = new Run("from e1=A, e2=B select e1.id as aid, e2.id as bid insert into Out;");
        run.send("A", 1000, "a1", 1).send("B", 1100, "b1", 1).send("A", 1200, "a2", 2).send("B", 1300, "b2", 2);
        assertEquals(List.of("1100 [a1, b1]"), run.outputs);
        Run late = new Run("from e1=A, e2=B select e1.id as aid, e2.id as bid insert into Out;");
        late.send("B", 900, "b0", 0).send("A", 1000, "a1", 1).send("B", 1100, "b1", 1);
        assertEquals(List.of(), late.outputs);
    }

    @Test
    void aCountedStepCollectsUpToItsMaximumAndOneMoreBreaksTheSequence() {
        Run run = new Run("from every e1=A, e2=B<1:2>, e3=C select e1.id as aid, e2[0].id as b0, e2[1].id as b1, "
                + "e3.id as cid insert into Out;");
        run.send("A", 1000, "a1", 1).send("B", 1100, "b1", 1).send("C", 1200, "c1", 1).send("A", 1300, "a2", 2)
                .send("B", 1400, "b2", 2).send("B", 1500, "b3", 3).send("C", 1600, "c2", 2)
                .send("A", 1700, "a3", 3).send("B", 1800, "b4", 4).send("B", 1900, "b5", 5)
                .send("B", 2000, "b6", 6).send("C", 2100, "c3", 3);
        assertEquals(List.of("1200 [a1, b1, null, c1]", "1600 [a2, b2, b3, c2]"), run.outputs);
    }

    @Test
    void aStarStepAtTheEndCompletesAtOnceWithNoEvents() {
        Run run = new Run("from every e1=A, e2=B* select e1.id as aid, e2[0].id as b0 insert into Out;");
        run.send("A", 1000, "a1", 1).send("B", 1100, "b1", 1).send("A", 1300, "a2", 2);
        assertEquals(List.of("1000 [a1, null]", "1300 [a2, null]"), run.outputs);
    }

    @Test
    void aPlusStepAtTheEndNeverCompletesButBeforeAnotherStepItDoes() {
        Run open = new Run("from every e1=A, e2=B+ select e1.id as aid insert into Out;");
        open.send("A", 1000, "a1", 1).send("B", 1100, "b1", 1).send("B", 1200, "b2", 2);
        assertEquals(List.of(), open.outputs);
        Run closed = new Run("from every e1=A, e2=B+, e3=C select e1.id as aid, e2[0].id as b0, "
                + "e2[last].id as bl, e3.id as cid insert into Out;");
        closed.send("A", 1000, "a1", 1).send("B", 1100, "b1", 1).send("B", 1200, "b2", 2).send("C", 1300, "c1", 1);
        assertEquals(List.of("1300 [a1, b1, b2, c1]"), closed.outputs);
    }

    @Test
    void anAbsenceInsideEveryIsNotBrokenByItsStreamButTheNextStepMustFollowTheDeadline() {
        Run run = new Run("from every e1=A, not B for 1 sec, e3=C select e1.id as aid, e3.id as cid "
                + "insert into Out;");
        run.send("A", 1000, "a1", 1).send("B", 1200, "b1", 1).send("C", 2500, "c1", 1).send("A", 3000, "a2", 2)
                .send("C", 3500, "c2", 2).send("C", 4500, "c3", 3);
        assertEquals(List.of("2500 [a1, c1]", "4500 [a2, c3]"), run.outputs);
    }
}
