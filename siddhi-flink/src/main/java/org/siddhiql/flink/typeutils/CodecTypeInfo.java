package org.siddhiql.flink.typeutils;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.siddhiql.runtime.state.StateCodec;

/** Type information for a record type whose binary form is a {@link StateCodec}: one opaque field, no Kryo. */
abstract class CodecTypeInfo<T> extends TypeInformation<T> {
    private static final long serialVersionUID = 1L;

    private final Class<T> typeClass;

    CodecTypeInfo(Class<T> typeClass) {
        this.typeClass = typeClass;
    }

    /** The codec records are written with; equal type informations must give equal codecs. */
    abstract StateCodec<T> codec();

    @Override
    public final TypeSerializer<T> createSerializer(ExecutionConfig config) {
        return new CodecSerializer<>(codec());
    }

    @Override
    public final boolean isBasicType() {
        return false;
    }

    @Override
    public final boolean isTupleType() {
        return false;
    }

    @Override
    public final int getArity() {
        return 1;
    }

    @Override
    public final int getTotalFields() {
        return 1;
    }

    @Override
    public final Class<T> getTypeClass() {
        return typeClass;
    }

    @Override
    public final boolean isKeyType() {
        return false;
    }

    @Override
    public final boolean canEqual(Object obj) {
        return obj != null && obj.getClass() == getClass();
    }
}
