package org.siddhiql.compiler.expression;

/**
 * What an expression reads from: the events of the streams a query refers to. A single-stream query reads one event
 * (stream index 0); joins and patterns read several.
 */
public interface Row {
    Object get(int streamIndex, int attributeIndex);

    /** The timestamp of one of the row's events. */
    long timestamp(int streamIndex);

    /** The timestamp of the event being processed. */
    long timestamp();
}
