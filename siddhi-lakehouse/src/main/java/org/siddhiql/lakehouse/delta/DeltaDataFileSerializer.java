package org.siddhiql.lakehouse.delta;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * The bytes of a {@link DeltaDataFile}, between the writers and the committer and in the committer's checkpointed
 * state; versioned, as files written before an upgrade must still commit after it.
 */
public final class DeltaDataFileSerializer implements SimpleVersionedSerializer<DeltaDataFile> {
    private static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(DeltaDataFile file) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(file.path());
            out.writeLong(file.size());
            out.writeLong(file.modificationTime());
            out.writeInt(file.partitionValues().size());
            for (String value : file.partitionValues()) {
                writeNullable(out, value);
            }
            writeNullable(out, file.statistics());
        }
        return bytes.toByteArray();
    }

    @Override
    public DeltaDataFile deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("unknown version " + version + " of a Delta data file; this build reads version "
                    + VERSION);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            String path = in.readUTF();
            long size = in.readLong();
            long modificationTime = in.readLong();
            int partitions = in.readInt();
            List<String> partitionValues = new ArrayList<>(partitions);
            for (int i = 0; i < partitions; i++) {
                partitionValues.add(readNullable(in));
            }
            return new DeltaDataFile(path, size, modificationTime, partitionValues, readNullable(in));
        }
    }

    /** Strings of any length: statistics of long strings can exceed writeUTF's 64 KB. */
    private static void writeNullable(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        byte[] utf8 = new byte[in.readInt()];
        in.readFully(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
