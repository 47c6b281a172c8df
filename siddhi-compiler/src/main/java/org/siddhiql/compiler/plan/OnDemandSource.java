package org.siddhiql.compiler.plan;

import java.io.Serializable;
import java.util.List;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.state.StateProvider;

/**
 * What an on-demand query reads: a table's rows, or the rows an incremental aggregation answers for a
 * {@code within ... per ...} retrieval. A backend reads them out of a snapshot of its state in two steps, as its
 * state readers require: {@link #declare} the state once, then {@link Rows#read} it per key of the snapshot.
 */
public interface OnDemandSource extends Serializable {

    /** The name of the table or aggregation, for messages. */
    String name();

    /** The attributes of each row. */
    StreamSchema schema();

    /** Declares the source's state on {@code state}, under the very names the app's job gives it. */
    Rows declare(StateProvider state);

    /** The rows held under the state's current key. */
    @FunctionalInterface
    interface Rows {
        List<Event> read();
    }
}
