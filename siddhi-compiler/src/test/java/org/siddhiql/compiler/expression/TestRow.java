package org.siddhiql.compiler.expression;

import org.siddhiql.runtime.event.EventType;

/** A one-stream row for tests, with an event type and aggregator states for select-clause evaluation. */
public final class TestRow implements AggregationRow {
    private final Object[] data;
    private final long timestamp;
    private final EventType type;
    private final Object[] states;

    public TestRow(Object[] data, long timestamp, EventType type, Object[] states) {
        this.data = data;
        this.timestamp = timestamp;
        this.type = type;
        this.states = states;
    }

    public TestRow withType(EventType newType) {
        return new TestRow(data, timestamp, newType, states);
    }

    public TestRow withTimestamp(long newTimestamp) {
        return new TestRow(data, newTimestamp, type, states);
    }

    /** The same row reading aggregator states from the given array (one Object[] state per slot). */
    public TestRow withStates(Object[] newStates) {
        return new TestRow(data, timestamp, type, newStates);
    }

    @Override
    public EventType eventType() {
        return type;
    }

    @Override
    public Object[] aggregatorState(int slot) {
        return (Object[]) states[slot];
    }

    @Override
    public Object get(int streamIndex, int attributeIndex) {
        return data[attributeIndex];
    }

    @Override
    public long timestamp(int streamIndex) {
        return timestamp;
    }

    @Override
    public long timestamp() {
        return timestamp;
    }
}
