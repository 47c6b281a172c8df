package org.siddhiql.runtime.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * The runtime-neutral binary form of one kind of state value. Kernels declare their state with codecs; each backend
 * adapts a codec once (a Flink TypeSerializer, a Beam Coder), so kernels never see a backend's serializer API.
 */
public interface StateCodec<T> extends Serializable {

    void encode(T value, DataOutput out) throws IOException;

    T decode(DataInput in) throws IOException;

    /** A copy that shares nothing mutable with the value; by default through the binary form. */
    default T copy(T value) {
        if (value == null) {
            return null;
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            encode(value, new DataOutputStream(bytes));
            return decode(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when values are immutable, so copy can return its argument. */
    default boolean immutableValues() {
        return false;
    }
}
