package org.siddhiql.flink.typeutils;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.siddhiql.runtime.state.StateCodec;

/**
 * Keeps the codec of a state value in checkpoints and savepoints, so a restored job can read its state before the
 * new job's serializers are known. Codecs are small configuration objects, written with Java serialization.
 */
public final class CodecSerializerSnapshot<T> implements TypeSerializerSnapshot<T> {
    private static final int VERSION = 1;

    private StateCodec<T> codec;

    /** For Flink's reflective instantiation on restore. */
    public CodecSerializerSnapshot() {
    }

    CodecSerializerSnapshot(CodecSerializer<T> serializer) {
        this.codec = serializer.codec();
    }

    @Override
    public int getCurrentVersion() {
        return VERSION;
    }

    @Override
    public void writeSnapshot(DataOutputView out) throws IOException {
        byte[] bytes = serialized(codec);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void readSnapshot(int readVersion, DataInputView in, ClassLoader userCodeClassLoader) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        try (ObjectInputStream objects = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws ClassNotFoundException {
                return Class.forName(desc.getName(), false, userCodeClassLoader);
            }
        }) {
            codec = (StateCodec<T>) objects.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException("cannot restore state codec", e);
        }
    }

    @Override
    public TypeSerializer<T> restoreSerializer() {
        return new CodecSerializer<>(codec);
    }

    @Override
    public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> oldSnapshot) {
        if (!(oldSnapshot instanceof CodecSerializerSnapshot)) {
            return TypeSerializerSchemaCompatibility.incompatible();
        }
        // A codec is configuration only: equal serialized forms read and write the same bytes.
        return Arrays.equals(serialized(((CodecSerializerSnapshot<T>) oldSnapshot).codec), serialized(codec))
                ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                : TypeSerializerSchemaCompatibility.incompatible();
    }

    private static byte[] serialized(StateCodec<?> codec) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(bytes)) {
            objects.writeObject(codec);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
