package org.siddhiql.connectors.map;

import java.io.Serializable;
import org.siddhiql.runtime.event.Event;

/**
 * A {@code @sink}'s {@code @map}: the record an event becomes. Connectors of bytes and lines ask for bytes, the
 * inMemory sink for the mapper's own object (a string, a key-value map, the event itself). Created by
 * {@link Mappers#sink}.
 */
public interface SinkMapper extends Serializable {
    /** The event's record as an object, for connectors within the JVM. */
    Object toObject(Event event);

    /** The event's record as bytes, for connectors of bytes and lines. */
    byte[] toBytes(Event event);
}
