package org.siddhiql.lakehouse.delta;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.flink.core.io.SimpleVersionedSerialization;

/**
 * The committer's state: the files of checkpoints taken but not yet committed, by checkpoint id, and the offset of
 * its transaction versions. A transaction version is {@code base + checkpoint id}; a job started afresh (not
 * restored) takes the table's last transaction version of the app as its base, since its checkpoint ids start again
 * at 1 and must not look committed already.
 */
final class PendingCommits {
    private static final int VERSION = 1;
    private static final DeltaDataFileSerializer FILES = new DeltaDataFileSerializer();

    private final long base;
    private final NavigableMap<Long, List<DeltaDataFile>> byCheckpoint;

    PendingCommits(long base) {
        this(base, new TreeMap<>());
    }

    private PendingCommits(long base, NavigableMap<Long, List<DeltaDataFile>> byCheckpoint) {
        this.base = base;
        this.byCheckpoint = byCheckpoint;
    }

    long transactionVersion(long checkpointId) {
        return base + checkpointId;
    }

    /** Files to commit once checkpoint {@code checkpointId} (or a later one) is complete. */
    void add(long checkpointId, List<DeltaDataFile> files) {
        if (!files.isEmpty()) {
            byCheckpoint.computeIfAbsent(checkpointId, id -> new ArrayList<>()).addAll(files);
        }
    }

    /**
     * The files of checkpoint {@code checkpointId} and of those before it not yet committed, by checkpoint, oldest
     * first: its completion commits each checkpoint's files as one transaction, in this order, so that the table's
     * last transaction version of the app says exactly which checkpoints are committed.
     */
    SortedMap<Long, List<DeltaDataFile>> upTo(long checkpointId) {
        return new TreeMap<>(byCheckpoint.headMap(checkpointId, true));
    }

    /** Forgets a checkpoint's files once committed. */
    void remove(long checkpointId) {
        byCheckpoint.remove(checkpointId);
    }

    byte[] serialize() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            out.writeLong(base);
            out.writeInt(byCheckpoint.size());
            for (Map.Entry<Long, List<DeltaDataFile>> checkpoint : byCheckpoint.entrySet()) {
                out.writeLong(checkpoint.getKey());
                out.writeInt(checkpoint.getValue().size());
                for (DeltaDataFile file : checkpoint.getValue()) {
                    byte[] serialized = SimpleVersionedSerialization.writeVersionAndSerialize(FILES, file);
                    out.writeInt(serialized.length);
                    out.write(serialized);
                }
            }
        }
        return bytes.toByteArray();
    }

    static PendingCommits deserialize(byte[] serialized) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException("unknown version " + version + " of the Delta committer's state");
            }
            long base = in.readLong();
            NavigableMap<Long, List<DeltaDataFile>> byCheckpoint = new TreeMap<>();
            for (int checkpoints = in.readInt(); checkpoints > 0; checkpoints--) {
                long checkpointId = in.readLong();
                List<DeltaDataFile> files = new ArrayList<>();
                for (int count = in.readInt(); count > 0; count--) {
                    byte[] file = new byte[in.readInt()];
                    in.readFully(file);
                    files.add(SimpleVersionedSerialization.readVersionAndDeSerialize(FILES, file));
                }
                byCheckpoint.put(checkpointId, files);
            }
            return new PendingCommits(base, byCheckpoint);
        }
    }
}
