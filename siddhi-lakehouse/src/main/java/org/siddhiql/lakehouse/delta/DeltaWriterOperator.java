package org.siddhiql.lakehouse.delta;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.siddhiql.runtime.event.Event;

/**
 * Writes a stream's events into Parquet files, one open file per partition, and hands each finished file to the
 * committer: all open files are finished just before each checkpoint's barrier leaves this operator (and at the end
 * of input), so the committer has every file of a checkpoint when it takes its own snapshot. It keeps no state: the
 * events of files not yet handed over are replayed after a failure, and the half-written files stay outside the
 * table's log.
 */
final class DeltaWriterOperator extends AbstractStreamOperator<DeltaDataFile>
        implements OneInputStreamOperator<Event, DeltaDataFile>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    /** Files roll over at this size even between checkpoints, so one file never grows without bound. */
    static final long TARGET_FILE_SIZE = 128L << 20;

    private final DeltaSinkSettings settings;
    private transient int[] partitionIndexes;
    private transient Configuration conf;
    private transient Path tableRoot;
    private transient Map<List<String>, ParquetDataFile> openFiles;

    DeltaWriterOperator(DeltaSinkSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open() throws Exception {
        super.open();
        partitionIndexes = settings.partitionIndexes();
        conf = DeltaEngines.hadoopConfiguration(settings.options());
        Path path = new Path(settings.path());
        tableRoot = path.getFileSystem(conf).makeQualified(path); // as Kernel qualifies the table's root
        openFiles = new HashMap<>();
    }

    @Override
    public void processElement(StreamRecord<Event> record) throws Exception {
        Object[] values = record.getValue().data();
        List<String> partition = partitionValues(values);
        ParquetDataFile file = openFiles.get(partition);
        if (file == null) {
            file = newFile(partition);
            openFiles.put(partition, file);
        }
        file.write(values);
        if (file.dataSize() >= TARGET_FILE_SIZE) {
            output.collect(new StreamRecord<>(openFiles.remove(partition).finish()));
        }
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        finishOpenFiles();
    }

    @Override
    public void endInput() throws Exception {
        finishOpenFiles();
    }

    @Override
    public void close() throws Exception {
        try {
            if (openFiles != null) {
                for (ParquetDataFile file : openFiles.values()) {
                    file.abort(); // failing or cancelled: their events will be written again
                }
                openFiles.clear();
            }
        } finally {
            super.close();
        }
    }

    private void finishOpenFiles() throws IOException {
        for (ParquetDataFile file : openFiles.values()) {
            output.collect(new StreamRecord<>(file.finish()));
        }
        openFiles.clear();
    }

    private List<String> partitionValues(Object[] values) {
        List<String> partition = new ArrayList<>(partitionIndexes.length);
        for (int index : partitionIndexes) {
            partition.add(values[index] == null ? null : String.valueOf(values[index]));
        }
        return partition;
    }

    /** {@code <table>/<a=1/>part-<subtask>-<uuid>.snappy.parquet}: unique across subtasks, attempts and restarts. */
    private ParquetDataFile newFile(List<String> partition) throws IOException {
        String name = String.format("%spart-%05d-%s.snappy.parquet",
                DeltaPartitions.directory(settings.partitionColumns(), partition),
                getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(), UUID.randomUUID());
        return new ParquetDataFile(new Path(tableRoot, name), conf, settings, partition);
    }
}
