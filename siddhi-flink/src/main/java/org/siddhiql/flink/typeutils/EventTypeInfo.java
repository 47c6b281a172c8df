package org.siddhiql.flink.typeutils;

import java.util.Arrays;
import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.state.EventCodec;

/** Flink type information for the events of one stream: serialized by schema, never by Kryo. */
public final class EventTypeInfo extends TypeInformation<Event> {
    private static final long serialVersionUID = 1L;

    private final AttributeType[] types;

    public EventTypeInfo(AttributeType[] types) {
        this.types = types.clone();
    }

    public static EventTypeInfo of(StreamSchema schema) {
        return new EventTypeInfo(schema.typeArray());
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<Event> getTypeClass() {
        return Event.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<Event> createSerializer(ExecutionConfig config) {
        return new CodecSerializer<>(new EventCodec(types));
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

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof EventTypeInfo;
    }
}
