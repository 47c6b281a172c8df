package org.siddhiql.runtime.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Codecs for the values kernels keep in state. */
public final class Codecs {
    private Codecs() {
    }

    public static final StateCodec<Long> LONG = new StateCodec<>() {
        @Override
        public void encode(Long value, DataOutput out) throws IOException {
            out.writeLong(value);
        }

        @Override
        public Long decode(DataInput in) throws IOException {
            return in.readLong();
        }

        @Override
        public boolean immutableValues() {
            return true;
        }
    };

    public static final StateCodec<String> STRING = new StateCodec<>() {
        @Override
        public void encode(String value, DataOutput out) throws IOException {
            writeString(value, out);
        }

        @Override
        public String decode(DataInput in) throws IOException {
            return readString(in);
        }

        @Override
        public boolean immutableValues() {
            return true;
        }
    };

    /**
     * Any attribute value, tagged with its runtime class: the strings, numbers, booleans and sets of SiddhiQL, and
     * Object arrays and maps of them (the shape of aggregator states).
     */
    public static final StateCodec<Object> ANY = new StateCodec<>() {
        @Override
        public void encode(Object value, DataOutput out) throws IOException {
            writeAny(value, out);
        }

        @Override
        public Object decode(DataInput in) throws IOException {
            return readAny(in);
        }
    };

    public static <E> StateCodec<List<E>> listOf(StateCodec<E> element) {
        return new StateCodec<>() {
            @Override
            public void encode(List<E> value, DataOutput out) throws IOException {
                out.writeInt(value.size());
                for (E e : value) {
                    element.encode(e, out);
                }
            }

            @Override
            public List<E> decode(DataInput in) throws IOException {
                int size = in.readInt();
                List<E> list = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    list.add(element.decode(in));
                }
                return list;
            }
        };
    }

    private static final byte NULL = 0;
    private static final byte STRING_TAG = 1;
    private static final byte INT_TAG = 2;
    private static final byte LONG_TAG = 3;
    private static final byte FLOAT_TAG = 4;
    private static final byte DOUBLE_TAG = 5;
    private static final byte BOOL_TAG = 6;
    private static final byte SET_TAG = 7;
    private static final byte MAP_TAG = 8;
    private static final byte SERIALIZED_TAG = 9;
    private static final byte ARRAY_TAG = 10;

    /** UTF-8 with an int length: unlike DataOutput.writeUTF, no 64 KiB limit. */
    public static void writeString(String value, DataOutput out) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    public static String readString(DataInput in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public static void writeAny(Object value, DataOutput out) throws IOException {
        if (value == null) {
            out.writeByte(NULL);
        } else if (value instanceof String) {
            out.writeByte(STRING_TAG);
            writeString((String) value, out);
        } else if (value instanceof Integer) {
            out.writeByte(INT_TAG);
            out.writeInt((Integer) value);
        } else if (value instanceof Long) {
            out.writeByte(LONG_TAG);
            out.writeLong((Long) value);
        } else if (value instanceof Float) {
            out.writeByte(FLOAT_TAG);
            out.writeFloat((Float) value);
        } else if (value instanceof Double) {
            out.writeByte(DOUBLE_TAG);
            out.writeDouble((Double) value);
        } else if (value instanceof Boolean) {
            out.writeByte(BOOL_TAG);
            out.writeBoolean((Boolean) value);
        } else if (value instanceof Set) {
            out.writeByte(SET_TAG);
            Set<?> set = (Set<?>) value;
            out.writeInt(set.size());
            for (Object e : set) {
                writeAny(e, out);
            }
        } else if (value instanceof Map) {
            out.writeByte(MAP_TAG);
            Map<?, ?> map = (Map<?, ?>) value;
            out.writeInt(map.size());
            for (Map.Entry<?, ?> e : map.entrySet()) {
                writeAny(e.getKey(), out);
                writeAny(e.getValue(), out);
            }
        } else if (value instanceof Object[]) {
            out.writeByte(ARRAY_TAG);
            Object[] array = (Object[]) value;
            out.writeInt(array.length);
            for (Object e : array) {
                writeAny(e, out);
            }
        } else {
            // User objects of 'object' attributes: Java serialization is the only contract they offer.
            out.writeByte(SERIALIZED_TAG);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream oos = new ObjectOutputStream(bytes)) {
                oos.writeObject(value);
            }
            out.writeInt(bytes.size());
            out.write(bytes.toByteArray());
        }
    }

    public static Object readAny(DataInput in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case NULL: return null;
            case STRING_TAG: return readString(in);
            case INT_TAG: return in.readInt();
            case LONG_TAG: return in.readLong();
            case FLOAT_TAG: return in.readFloat();
            case DOUBLE_TAG: return in.readDouble();
            case BOOL_TAG: return in.readBoolean();
            case SET_TAG: {
                int size = in.readInt();
                Set<Object> set = new LinkedHashSet<>();
                for (int i = 0; i < size; i++) {
                    set.add(readAny(in));
                }
                return set;
            }
            case MAP_TAG: {
                int size = in.readInt();
                Map<Object, Object> map = new HashMap<>();
                for (int i = 0; i < size; i++) {
                    map.put(readAny(in), readAny(in));
                }
                return map;
            }
            case ARRAY_TAG: {
                Object[] array = new Object[in.readInt()];
                for (int i = 0; i < array.length; i++) {
                    array[i] = readAny(in);
                }
                return array;
            }
            case SERIALIZED_TAG: {
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                try (ObjectInputStream ois = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
                    return ois.readObject();
                } catch (ClassNotFoundException e) {
                    throw new IOException(e);
                }
            }
            default:
                throw new IOException("unknown value tag " + tag);
        }
    }
}
