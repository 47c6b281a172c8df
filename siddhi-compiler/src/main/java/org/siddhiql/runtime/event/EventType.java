package org.siddhiql.runtime.event;

/**
 * The role of an event inside a query, as in Siddhi: windows emit CURRENT events as they arrive, EXPIRED events as
 * they leave, and RESET markers that tell aggregators a batch is over.
 */
public enum EventType {
    CURRENT,
    EXPIRED,
    RESET
}
