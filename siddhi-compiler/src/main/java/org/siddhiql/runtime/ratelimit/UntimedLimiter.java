package org.siddhiql.runtime.ratelimit;

import java.util.List;
import org.siddhiql.runtime.event.Event;

/** A limiter that decides on arrival alone and never schedules a timer, so it has nothing to do when one is due. */
interface UntimedLimiter extends RateLimiterKernel {
    @Override
    default void onTimer(long time, RateLimitContext context, List<Event> out) {
    }
}
