package org.siddhiql.beam.runtime;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import org.siddhiql.runtime.fault.EngineFailure;
import org.siddhiql.runtime.state.StateCodec;

/**
 * Encodes and decodes state values with their codecs, on every state access of {@link BeamStateProvider}. The JDK's
 * byte-array streams are synchronized per byte read or written, which made them the costliest part of a state
 * access; these work on the arrays directly. One instance per provider: a DoFn instance runs on one thread.
 */
final class StateBytes {
    private final Buffer buffer = new Buffer();
    private final DataOutputStream out = new DataOutputStream(buffer);

    <T> byte[] encode(StateCodec<T> codec, T value) {
        buffer.reset();
        try {
            codec.encode(value, out);
            out.flush();
        } catch (IOException e) {
            throw new EngineFailure("cannot encode state", e);
        }
        return buffer.toByteArray();
    }

    static <T> T decode(StateCodec<T> codec, byte[] bytes) {
        try {
            return codec.decode(new Input(bytes));
        } catch (IOException e) {
            throw new EngineFailure("cannot decode state", e);
        }
    }

    /** A growable byte array that, unlike ByteArrayOutputStream, takes no lock per write. */
    private static final class Buffer extends OutputStream {
        private byte[] bytes = new byte[256];
        private int size;

        void reset() {
            size = 0;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }
    }

    /** DataInput over one array, read in place. */
    static final class Input implements DataInput {
        private final byte[] bytes;
        private int pos;

        Input(byte[] bytes) {
            this.bytes = bytes;
        }

        private int take(int n) throws EOFException {
            if (n > bytes.length - pos) {
                throw new EOFException("state value ends after " + bytes.length + " bytes");
            }
            int at = pos;
            pos += n;
            return at;
        }

        @Override
        public void readFully(byte[] b) throws IOException {
            readFully(b, 0, b.length);
        }

        @Override
        public void readFully(byte[] b, int off, int len) throws IOException {
            System.arraycopy(bytes, take(len), b, off, len);
        }

        @Override
        public int skipBytes(int n) {
            int skipped = Math.max(0, Math.min(n, bytes.length - pos));
            pos += skipped;
            return skipped;
        }

        @Override
        public boolean readBoolean() throws IOException {
            return bytes[take(1)] != 0;
        }

        @Override
        public byte readByte() throws IOException {
            return bytes[take(1)];
        }

        @Override
        public int readUnsignedByte() throws IOException {
            return bytes[take(1)] & 0xFF;
        }

        @Override
        public short readShort() throws IOException {
            int at = take(2);
            return (short) ((bytes[at] << 8) | (bytes[at + 1] & 0xFF));
        }

        @Override
        public int readUnsignedShort() throws IOException {
            return readShort() & 0xFFFF;
        }

        @Override
        public char readChar() throws IOException {
            return (char) readShort();
        }

        @Override
        public int readInt() throws IOException {
            int at = take(4);
            return (bytes[at] << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
                    | (bytes[at + 3] & 0xFF);
        }

        @Override
        public long readLong() throws IOException {
            return ((long) readInt() << 32) | (readInt() & 0xFFFFFFFFL);
        }

        @Override
        public float readFloat() throws IOException {
            return Float.intBitsToFloat(readInt());
        }

        @Override
        public double readDouble() throws IOException {
            return Double.longBitsToDouble(readLong());
        }

        /** No codec writes lines; DataInputStream's own readLine is deprecated as broken. */
        @Override
        public String readLine() {
            throw new UnsupportedOperationException("state values hold no lines");
        }

        @Override
        public String readUTF() throws IOException {
            return DataInputStream.readUTF(this);
        }
    }
}
