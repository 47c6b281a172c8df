package org.siddhiql.lakehouse.delta;

import org.apache.flink.api.common.ExecutionConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.io.SimpleVersionedSerializerTypeSerializerProxy;

/** The type of the stream from the writers to the committer: {@link DeltaDataFileSerializer}'s bytes, never Kryo. */
public final class DeltaDataFileTypeInfo extends TypeInformation<DeltaDataFile> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<DeltaDataFile> getTypeClass() {
        return DeltaDataFile.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<DeltaDataFile> createSerializer(ExecutionConfig config) {
        return new SimpleVersionedSerializerTypeSerializerProxy<>(DeltaDataFileSerializer::new);
    }

    @Override
    public String toString() {
        return "DeltaDataFile";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeltaDataFileTypeInfo;
    }

    @Override
    public int hashCode() {
        return DeltaDataFileTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof DeltaDataFileTypeInfo;
    }
}
