package org.siddhiql.runtime.ratelimit;

import java.io.Serializable;
import org.siddhiql.runtime.state.StateProvider;

/** A query's validated output rate: the compile-time object that creates a {@link RateLimiterKernel}. */
public interface RateLimitSpec extends Serializable {
    /** As written, e.g. {@code last every 5 events}, for explain output. */
    String describe();

    RateLimiterKernel instantiate(StateProvider state, String stateName);
}
