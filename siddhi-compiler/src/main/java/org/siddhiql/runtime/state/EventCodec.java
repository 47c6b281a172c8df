package org.siddhiql.runtime.state;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.event.EventType;

/**
 * Events of one schema: timestamp, role, a null mask, then each non-null attribute in its declared type. The schema
 * is known at compile time, so no type tags are written per value.
 */
public final class EventCodec implements StateCodec<Event> {
    private static final long serialVersionUID = 1L;
    private static final EventType[] TYPES = EventType.values();

    private final AttributeType[] types;

    public EventCodec(AttributeType[] types) {
        this.types = types.clone();
    }

    public AttributeType[] types() {
        return types.clone();
    }

    @Override
    public void encode(Event event, DataOutput out) throws IOException {
        out.writeLong(event.timestamp());
        out.writeByte(event.type().ordinal());
        Object[] data = event.data();
        long nullMask = 0;
        for (int i = 0; i < types.length; i++) {
            if (data[i] == null) {
                nullMask |= 1L << (i & 63);
            }
            if ((i & 63) == 63 || i == types.length - 1) {
                out.writeLong(nullMask);
                nullMask = 0;
            }
        }
        for (int i = 0; i < types.length; i++) {
            if (data[i] != null) {
                writeValue(types[i], data[i], out);
            }
        }
    }

    @Override
    public Event decode(DataInput in) throws IOException {
        long timestamp = in.readLong();
        EventType type = TYPES[in.readByte()];
        Object[] data = new Object[types.length];
        long[] masks = new long[(types.length + 63) / 64];
        for (int m = 0; m < masks.length; m++) {
            masks[m] = in.readLong();
        }
        for (int i = 0; i < types.length; i++) {
            if ((masks[i >>> 6] & (1L << (i & 63))) == 0) {
                data[i] = readValue(types[i], in);
            }
        }
        return new Event(timestamp, data, type);
    }

    @Override
    public Event copy(Event value) {
        return value; // events are immutable
    }

    @Override
    public boolean immutableValues() {
        return true;
    }

    static void writeValue(AttributeType type, Object value, DataOutput out) throws IOException {
        switch (type) {
            case STRING: Codecs.writeString((String) value, out); break;
            case INT: out.writeInt((Integer) value); break;
            case LONG: out.writeLong((Long) value); break;
            case FLOAT: out.writeFloat((Float) value); break;
            case DOUBLE: out.writeDouble((Double) value); break;
            case BOOL: out.writeBoolean((Boolean) value); break;
            default: Codecs.writeAny(value, out);
        }
    }

    static Object readValue(AttributeType type, DataInput in) throws IOException {
        switch (type) {
            case STRING: return Codecs.readString(in);
            case INT: return in.readInt();
            case LONG: return in.readLong();
            case FLOAT: return in.readFloat();
            case DOUBLE: return in.readDouble();
            case BOOL: return in.readBoolean();
            default: return Codecs.readAny(in);
        }
    }
}
