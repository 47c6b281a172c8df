package org.siddhiql.lakehouse.delta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeltaSplitTest {
    @Test
    void theSplitAndTheEnumeratorsStateSurviveSerialization() throws Exception {
        DeltaSplit.Serializer splits = new DeltaSplit.Serializer();
        DeltaSplit split = new DeltaSplit(7, false, 3, 1024);
        assertEquals(split, splits.deserialize(splits.getVersion(), splits.serialize(split)));
        assertEquals(DeltaSplit.START, splits.deserialize(splits.getVersion(), splits.serialize(DeltaSplit.START)));
        assertEquals(new DeltaSplit(8, false, 0, 0), split.nextVersion());

        DeltaSplitEnumerator.StateSerializer states = new DeltaSplitEnumerator.StateSerializer();
        assertEquals(Optional.of(split), states.deserialize(1, states.serialize(Optional.of(split))));
        assertEquals(Optional.empty(), states.deserialize(1, states.serialize(Optional.empty())));
    }
}
