package org.siddhiql.runtime.state;

import java.io.DataOutput;

/**
 * A {@link DataOutput} that keeps nothing and counts the bytes written to it: the encoded size of a value, found by
 * encoding it with its codec, without the cost of storing the bytes (a DataOutputStream on a null stream is several
 * times slower, as it hands most values on byte by byte).
 */
public final class ByteCounter implements DataOutput {
    private long count;

    /** The bytes written so far. */
    public long count() {
        return count;
    }

    @Override
    public void write(int b) {
        count++;
    }

    @Override
    public void write(byte[] b) {
        count += b.length;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        count += len;
    }

    @Override
    public void writeBoolean(boolean v) {
        count++;
    }

    @Override
    public void writeByte(int v) {
        count++;
    }

    @Override
    public void writeShort(int v) {
        count += Short.BYTES;
    }

    @Override
    public void writeChar(int v) {
        count += Character.BYTES;
    }

    @Override
    public void writeInt(int v) {
        count += Integer.BYTES;
    }

    @Override
    public void writeLong(long v) {
        count += Long.BYTES;
    }

    @Override
    public void writeFloat(float v) {
        count += Float.BYTES;
    }

    @Override
    public void writeDouble(double v) {
        count += Double.BYTES;
    }

    @Override
    public void writeBytes(String s) {
        count += s.length();
    }

    @Override
    public void writeChars(String s) {
        count += (long) s.length() * Character.BYTES;
    }

    /** As {@link java.io.DataOutputStream#writeUTF}: a two-byte length, then modified UTF-8. */
    @Override
    public void writeUTF(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bytes += c >= 0x0001 && c <= 0x007F ? 1 : c <= 0x07FF ? 2 : 3;
        }
        count += Short.BYTES + bytes;
    }
}
