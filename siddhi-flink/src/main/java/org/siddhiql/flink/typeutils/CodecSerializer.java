package org.siddhiql.flink.typeutils;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.siddhiql.runtime.state.StateCodec;

/**
 * A Flink serializer for any kernel state value, through the value's runtime-neutral {@link StateCodec}. This is the
 * one place where kernel state meets Flink's type system, so no kernel state ever falls back to Kryo.
 */
public final class CodecSerializer<T> extends TypeSerializer<T> {
    private static final long serialVersionUID = 1L;

    private final StateCodec<T> codec;

    public CodecSerializer(StateCodec<T> codec) {
        this.codec = codec;
    }

    StateCodec<T> codec() {
        return codec;
    }

    @Override
    public boolean isImmutableType() {
        return codec.immutableValues();
    }

    @Override
    public TypeSerializer<T> duplicate() {
        return this; // stateless: the codec holds configuration only
    }

    @Override
    public T createInstance() {
        return null;
    }

    @Override
    public T copy(T from) {
        return codec.immutableValues() ? from : codec.copy(from);
    }

    @Override
    public T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(T record, DataOutputView target) throws IOException {
        codec.encode(record, target);
    }

    @Override
    public T deserialize(DataInputView source) throws IOException {
        return codec.decode(source);
    }

    @Override
    public T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof CodecSerializer && ((CodecSerializer<?>) obj).codec.equals(codec);
    }

    @Override
    public int hashCode() {
        return codec.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<T> snapshotConfiguration() {
        return new CodecSerializerSnapshot<>(this);
    }
}
