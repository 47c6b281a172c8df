package org.siddhiql.connectors.map;

import static java.nio.charset.StandardCharsets.UTF_8;

import org.siddhiql.runtime.event.Event;

/** A sink mapper whose records are text: a {@link String} in the JVM, its UTF-8 bytes elsewhere. */
public abstract class TextRecordSinkMapper implements SinkMapper {
    private static final long serialVersionUID = 1L;

    /** The event's record. */
    protected abstract String text(Object[] data);

    @Override
    public final Object toObject(Event event) {
        return text(event.data());
    }

    @Override
    public final byte[] toBytes(Event event) {
        return text(event.data()).getBytes(UTF_8);
    }
}
