package org.siddhiql.runtime.fault;

/**
 * What happens to events whose processing fails on a stream: Siddhi's {@code @OnError(action='...')}. A stream without
 * the annotation behaves as {@link #LOG}.
 */
public enum OnErrorAction {
    /** Log the failure and the events, count them as dropped, and carry on with the next events. */
    LOG,
    /** Send the events, each with the failure as its {@code _error} attribute, to the fault stream {@code !S}. */
    STREAM
}
