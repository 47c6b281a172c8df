package org.siddhiql.lakehouse.iceberg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.ExpireSnapshots;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.RewriteFiles;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotRef;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericDeleteFilter;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.formats.FormatModelRegistry;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.PropertyUtil;
import org.apache.iceberg.util.StructLikeWrapper;
import org.siddhiql.lakehouse.Compaction;
import org.siddhiql.lakehouse.Expiry;

/**
 * Compaction and snapshot expiry of an Iceberg table, done in this process with Iceberg's core API: no Flink job, so
 * the CLI's {@code table compact} and {@code table expire} need no cluster.
 */
final class IcebergMaintenance {
    /** The snapshot summary keys Iceberg's Flink sink commits with, naming the job and sink operator. */
    static final String FLINK_JOB_ID = "flink.job-id";
    static final String FLINK_OPERATOR_ID = "flink.operator-id";

    private IcebergMaintenance() {
    }

    /**
     * Rewrites, in each partition, the current snapshot's data files smaller than the table's target file size
     * ({@code write.target-file-size-bytes}) into one file, with the rows the snapshot reads from them (its delete
     * files applied), and commits that as one rewrite: a snapshot with the same rows in fewer files. A partition
     * with a single small file is left as it is.
     *
     * @return the files rewritten and written, and the new snapshot's id; no snapshot when nothing was rewritten
     */
    static Compaction compact(Table table) {
        Snapshot current = table.currentSnapshot();
        if (current == null) {
            return new Compaction(0, 0, null);
        }
        long target = PropertyUtil.propertyAsLong(table.properties(), TableProperties.WRITE_TARGET_FILE_SIZE_BYTES,
                TableProperties.WRITE_TARGET_FILE_SIZE_BYTES_DEFAULT);
        Map<List<Object>, List<FileScanTask>> smallFilesByPartition = new LinkedHashMap<>();
        try (CloseableIterable<FileScanTask> tasks = table.newScan().useSnapshot(current.snapshotId()).planFiles()) {
            for (FileScanTask task : tasks) {
                if (task.file().fileSizeInBytes() < target) {
                    PartitionSpec spec = table.specs().get(task.file().specId());
                    StructLikeWrapper partition = StructLikeWrapper.forType(spec.partitionType())
                            .set(task.file().partition());
                    smallFilesByPartition.computeIfAbsent(List.of(spec.specId(), partition), k -> new ArrayList<>())
                            .add(task);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // one writer in one process: partition and task id 0, the operation id keeps the file names unique
        OutputFileFactory files = OutputFileFactory.builderFor(table, 0, 0)
                .operationId("compact-" + UUID.randomUUID()).format(writeFormat(table)).build();
        RewriteFiles rewrite = table.newRewrite().validateFromSnapshot(current.snapshotId());
        int rewritten = 0;
        int written = 0;
        for (List<FileScanTask> group : smallFilesByPartition.values()) {
            if (group.size() < 2) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            for (FileScanTask task : group) {
                // a large file may be planned as several tasks; it is one file to replace
                if (seen.add(task.file().location())) {
                    rewrite.deleteFile(task.file());
                    rewritten++;
                }
            }
            rewrite.addFile(writeRows(table, group, files));
            written++;
        }
        if (written == 0) {
            return new Compaction(0, 0, null);
        }
        rewrite.commit();
        table.refresh();
        return new Compaction(rewritten, written, IcebergTable.version(table.currentSnapshot()));
    }

    /** One data file with the rows the tasks read, in the tasks' partition. */
    private static DataFile writeRows(Table table, List<FileScanTask> tasks, OutputFileFactory files) {
        Schema schema = table.schema();
        DataFile first = tasks.get(0).file();
        PartitionSpec spec = table.specs().get(first.specId());
        StructLike partition = spec.isUnpartitioned() ? null : first.partition();
        FileFormat format = writeFormat(table);
        DataWriter<Record> writer = new GenericAppenderFactory(schema, spec)
                .newDataWriter(files.newOutputFile(spec, partition), format, partition);
        try (writer) {
            for (FileScanTask task : tasks) {
                try (CloseableIterable<Record> rows = rows(table, task)) {
                    for (Record row : rows) {
                        writer.write(project(row, schema));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return writer.toDataFile();
    }

    /** The rows of the task's file that its delete files leave, with the columns the deletes need. */
    private static CloseableIterable<Record> rows(Table table, FileScanTask task) {
        GenericDeleteFilter deletes = new GenericDeleteFilter(table.io(), task, table.schema(), table.schema());
        CloseableIterable<Record> rows = FormatModelRegistry.<Record, Object>readBuilder(task.file().format(),
                        Record.class, table.io().newInputFile(task.file().location()))
                .project(deletes.requiredSchema())
                .split(task.start(), task.length())
                .build();
        return deletes.filter(rows);
    }

    /** The row with exactly the table's columns, without those only the delete filter read. */
    private static Record project(Record row, Schema schema) {
        if (row.struct().fields().size() == schema.columns().size()) {
            return row;
        }
        Record projected = GenericRecord.create(schema);
        for (Types.NestedField column : schema.columns()) {
            projected.setField(column.name(), row.getField(column.name()));
        }
        return projected;
    }

    private static FileFormat writeFormat(Table table) {
        return FileFormat.fromString(table.properties().getOrDefault(TableProperties.DEFAULT_FILE_FORMAT,
                TableProperties.DEFAULT_FILE_FORMAT_DEFAULT));
    }

    /**
     * Expires the snapshots committed before {@code olderThan}, except the current one, those a tag or branch
     * names, and the last one each Flink sink committed (by job and operator id in the snapshot summary): a sink
     * that restores from a checkpoint finds in it the last checkpoint id it committed, and so does not commit it
     * twice. Files only expired snapshots use are deleted.
     */
    static Expiry expire(Table table, Instant olderThan) {
        Snapshot current = table.currentSnapshot();
        if (current == null) {
            return new Expiry(List.of(), List.of());
        }
        Set<Long> referenced = new HashSet<>();
        for (SnapshotRef ref : table.refs().values()) {
            referenced.add(ref.snapshotId());
        }
        Map<List<String>, Snapshot> lastPerSink = new HashMap<>();
        for (Snapshot snapshot : table.snapshots()) {
            String job = snapshot.summary().get(FLINK_JOB_ID);
            if (job != null) {
                List<String> sink = List.of(job, snapshot.summary().getOrDefault(FLINK_OPERATOR_ID, ""));
                lastPerSink.merge(sink, snapshot,
                        (a, b) -> IcebergTable.COMMIT_ORDER.compare(a, b) >= 0 ? a : b);
            }
        }
        Set<Long> lastOfJobs = new HashSet<>();
        lastPerSink.values().forEach(snapshot -> lastOfJobs.add(snapshot.snapshotId()));
        List<Long> expired = new ArrayList<>();
        List<Long> keptForJobs = new ArrayList<>();
        for (Snapshot snapshot : IcebergTable.oldestFirst(table)) {
            long id = snapshot.snapshotId();
            if (snapshot.timestampMillis() >= olderThan.toEpochMilli() || referenced.contains(id)) {
                continue;
            }
            (lastOfJobs.contains(id) ? keptForJobs : expired).add(id);
        }
        if (!expired.isEmpty()) {
            // no age cut-off of its own: exactly the snapshots chosen above go
            ExpireSnapshots expiry = table.expireSnapshots().expireOlderThan(0L);
            expired.forEach(expiry::expireSnapshotId);
            expiry.commit();
            table.refresh();
        }
        return new Expiry(expired, keptForJobs);
    }
}
