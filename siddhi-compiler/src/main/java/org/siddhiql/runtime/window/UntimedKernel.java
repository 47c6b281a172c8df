package org.siddhiql.runtime.window;

import java.util.List;
import org.siddhiql.runtime.event.Event;

/** A kernel that never schedules timers: it acts on arrivals only. */
interface UntimedKernel extends WindowKernel {
    @Override
    default void onTimer(long time, WindowContext context, List<Event> out) {
        // never scheduled
    }
}
