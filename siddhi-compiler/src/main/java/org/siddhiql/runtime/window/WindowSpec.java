package org.siddhiql.runtime.window;

import java.io.Serializable;
import org.siddhiql.runtime.state.StateProvider;

/** A validated window of a query: the compile-time object that creates a {@link WindowKernel} per operator. */
public interface WindowSpec extends Serializable {
    /** The window as written, e.g. {@code length(2)}, for explain output. */
    String describe();

    /**
     * True when the window treats every event independently of other events' keys (a sliding time window), so a
     * query may split it by group-by key without changing results. Windows whose contents or boundaries depend on
     * all events (length, batches, sort, ...) return false and run on a single key.
     */
    boolean splittableByKey();

    /**
     * Siddhi's processing mode for what follows the window: aggregators such as min, max and unionSet keep removable
     * state only after a SLIDE window (or when the query outputs expired events).
     */
    default ProcessingMode processingMode() {
        return ProcessingMode.SLIDE;
    }

    /**
     * Whether its kernels answer {@link WindowKernel#contents()}, so the window may be a side of a join; a join's
     * windows are compiled as if the query output expired events, so batch windows keep their last batch to find.
     */
    default boolean joinable() {
        return false;
    }

    /** Creates the runtime for one operator; state names start with {@code stateName}. */
    WindowKernel instantiate(StateProvider state, String stateName);

    /** Siddhi's io.siddhi.core.query.processor.ProcessingMode, as far as windows set it. */
    enum ProcessingMode {
        BATCH,
        SLIDE,
        GROUP,
        RESET
    }
}
