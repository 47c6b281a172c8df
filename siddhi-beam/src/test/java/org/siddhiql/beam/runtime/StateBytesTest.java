package org.siddhiql.beam.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.siddhiql.runtime.fault.EngineFailure;
import org.siddhiql.runtime.state.Codecs;
import org.siddhiql.runtime.state.StateCodec;

class StateBytesTest {
    /** Every primitive of DataOutput, read back through DataInput. */
    private static final StateCodec<List<Object>> PRIMITIVES = new StateCodec<>() {
        @Override
        public void encode(List<Object> value, DataOutput out) throws IOException {
            out.writeBoolean((Boolean) value.get(0));
            out.writeByte((Byte) value.get(1));
            out.writeShort((Short) value.get(2));
            out.writeChar((Character) value.get(3));
            out.writeInt((Integer) value.get(4));
            out.writeLong((Long) value.get(5));
            out.writeFloat((Float) value.get(6));
            out.writeDouble((Double) value.get(7));
            out.writeUTF((String) value.get(8));
            Codecs.writeString((String) value.get(9), out);
        }

        @Override
        public List<Object> decode(DataInput in) throws IOException {
            return List.of(in.readBoolean(), in.readByte(), in.readShort(), in.readChar(), in.readInt(), in.readLong(),
                    in.readFloat(), in.readDouble(), in.readUTF(), Codecs.readString(in));
        }
    };

    private static final List<Object> VALUE = List.of(true, (byte) -7, (short) -12345, 'é', -123456789,
            Long.MIN_VALUE + 42, -1.5f, Math.PI, "modified UTF-8 ☃", "plain UTF-8 ☃ and \u0000");

    @Test
    void encodesAsDataOutputStreamDoes() throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        PRIMITIVES.encode(VALUE, new DataOutputStream(expected));

        assertArrayEquals(expected.toByteArray(), new StateBytes().encode(PRIMITIVES, VALUE));
    }

    @Test
    void decodesWhatItEncoded() {
        StateBytes bytes = new StateBytes();
        byte[] first = bytes.encode(PRIMITIVES, VALUE);
        byte[] second = bytes.encode(Codecs.LONG, 7L); // the buffer is reused: the first array must stay intact

        assertEquals(VALUE, StateBytes.decode(PRIMITIVES, first));
        assertEquals(7L, StateBytes.decode(Codecs.LONG, second));
    }

    @Test
    void aTruncatedValueFails() {
        byte[] bytes = new StateBytes().encode(Codecs.LONG, 7L);

        assertThrows(EngineFailure.class, () -> StateBytes.decode(Codecs.LONG, Arrays.copyOf(bytes, 5)));
    }
}
