package org.siddhiql.lakehouse.delta;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The one split of a Delta source: the table, and how far the reader got in it. A version is read either whole (the
 * first one: every file of its snapshot) or as the files its commit added; within it, the files in path order and
 * rows of the current file already emitted. The reader checkpoints it, so a restored job resumes at the next row.
 *
 * @param version the version being read, or {@link #UNRESOLVED} before the reader resolved the version to start at
 * @param whole whether the version is read whole rather than as what its commit added
 * @param file index of the file the next row comes from
 * @param rowsEmitted rows of that file already emitted
 */
record DeltaSplit(long version, boolean whole, int file, long rowsEmitted) implements SourceSplit {
    static final long UNRESOLVED = -1;
    static final DeltaSplit START = new DeltaSplit(UNRESOLVED, true, 0, 0);

    @Override
    public String splitId() {
        return "delta-table";
    }

    /** The start of the version after this one: the files its commit added. */
    DeltaSplit nextVersion() {
        return new DeltaSplit(version + 1, false, 0, 0);
    }

    static final class Serializer implements SimpleVersionedSerializer<DeltaSplit> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(DeltaSplit split) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeLong(split.version);
                out.writeBoolean(split.whole);
                out.writeInt(split.file);
                out.writeLong(split.rowsEmitted);
            }
            return bytes.toByteArray();
        }

        @Override
        public DeltaSplit deserialize(int version, byte[] serialized) throws IOException {
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
                return new DeltaSplit(in.readLong(), in.readBoolean(), in.readInt(), in.readLong());
            }
        }
    }
}
