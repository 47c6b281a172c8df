package org.siddhiql.flink.typeutils;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.runtime.state.EventCodec;
import org.siddhiql.runtime.state.StateCodec;

/** Type information for events of several streams in one Flink stream, each serialized by its stream's schema. */
public final class TaggedEventTypeInfo extends CodecTypeInfo<TaggedEvent> {
    private static final long serialVersionUID = 1L;

    private final AttributeType[][] schemas;

    public TaggedEventTypeInfo(List<StreamSchema> streams) {
        super(TaggedEvent.class);
        this.schemas = streams.stream().map(StreamSchema::typeArray).toArray(AttributeType[][]::new);
    }

    @Override
    StateCodec<TaggedEvent> codec() {
        return new TaggedEventCodec(schemas);
    }

    @Override
    public String toString() {
        return "TaggedEvent" + Arrays.deepToString(schemas);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof TaggedEventTypeInfo && Arrays.deepEquals(((TaggedEventTypeInfo) obj).schemas, schemas);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(schemas);
    }

    private static final class TaggedEventCodec implements StateCodec<TaggedEvent> {
        private static final long serialVersionUID = 1L;

        private final EventCodec[] codecs;

        TaggedEventCodec(AttributeType[][] schemas) {
            this.codecs = Arrays.stream(schemas).map(EventCodec::new).toArray(EventCodec[]::new);
        }

        @Override
        public void encode(TaggedEvent value, DataOutput out) throws IOException {
            out.writeShort(value.stream());
            codecs[value.stream()].encode(value.event(), out);
            out.writeBoolean(value.key() != null);
            if (value.key() != null) {
                out.writeUTF(value.key());
            }
        }

        @Override
        public TaggedEvent decode(DataInput in) throws IOException {
            int stream = in.readShort();
            org.siddhiql.runtime.event.Event event = codecs[stream].decode(in);
            return new TaggedEvent(stream, event, in.readBoolean() ? in.readUTF() : null);
        }

        @Override
        public boolean immutableValues() {
            return true;
        }
    }
}
