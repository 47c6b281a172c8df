package org.siddhiql.connectors.map;

import org.siddhiql.runtime.event.Event;

/**
 * Siddhi's {@code passThrough} sink mapping: the record is the event itself. It has no bytes; the compiler lets it
 * only on connectors within the JVM.
 */
final class PassThroughSinkMapper implements SinkMapper {
    private static final long serialVersionUID = 1L;

    @Override
    public Object toObject(Event event) {
        return event;
    }

    @Override
    public byte[] toBytes(Event event) {
        throw new UnsupportedOperationException("passThrough maps events to objects, not to bytes");
    }
}
