package org.siddhiql.flink.typeutils;

import java.util.Arrays;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.state.EventCodec;
import org.siddhiql.runtime.state.StateCodec;

/** Flink type information for the events of one stream: serialized by schema, never by Kryo. */
public final class EventTypeInfo extends CodecTypeInfo<Event> {
    private static final long serialVersionUID = 1L;

    private final AttributeType[] types;

    public EventTypeInfo(AttributeType[] types) {
        super(Event.class);
        this.types = types.clone();
    }

    public static EventTypeInfo of(StreamSchema schema) {
        return new EventTypeInfo(schema.typeArray());
    }

    @Override
    StateCodec<Event> codec() {
        return new EventCodec(types);
    }

    @Override
    public String toString() {
        return "Event" + Arrays.toString(types);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof EventTypeInfo && Arrays.equals(((EventTypeInfo) obj).types, types);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(types);
    }
}
