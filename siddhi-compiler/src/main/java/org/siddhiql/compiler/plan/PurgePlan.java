package org.siddhiql.compiler.plan;

import java.io.Serializable;

/**
 * A partition's {@code @purge(enable='true', interval=..., idle.period=...)}: every {@code interval} of app time,
 * counted from the app clock's start, the partition keys that have had no event for more than {@code idle.period}
 * lose all their state, as if they had never been seen.
 */
public record PurgePlan(long interval, long idlePeriod) implements Serializable {
}
