package org.siddhiql.compiler.expression;

import org.siddhiql.runtime.event.EventType;

/**
 * The row a select clause evaluates: an event plus the aggregator states of its group. Aggregating evaluators add
 * CURRENT events to their state and remove EXPIRED ones, as Siddhi's aggregators do.
 */
public interface AggregationRow extends Row {
    EventType eventType();

    /** The mutable state of the aggregator in the given slot, for the current group. */
    Object[] aggregatorState(int slot);
}
