package org.siddhiql.lakehouse.delta;

import io.delta.kernel.types.StructType;
import java.io.IOException;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * One Parquet data file being written: the events of one partition since the last checkpoint (or since the previous
 * file reached its target size). Finished, it is a {@link DeltaDataFile} for the committer; until the committer adds
 * it to the log, no reader sees it.
 */
final class ParquetDataFile {
    private final Path path;
    private final Configuration conf;
    private final DeltaSinkSettings settings;
    private final List<String> partitionValues;
    private final ColumnStatistics statistics;
    private final ParquetWriter<Object[]> writer;

    ParquetDataFile(Path path, Configuration conf, DeltaSinkSettings settings, List<String> partitionValues)
            throws IOException {
        this.path = path;
        this.conf = conf;
        this.settings = settings;
        this.partitionValues = partitionValues;
        int[] dataIndexes = settings.dataIndexes();
        this.statistics = new ColumnStatistics(settings.stream(), dataIndexes);
        this.writer = new Builder(HadoopOutputFile.fromPath(path, conf),
                new ParquetRows(settings.stream(), dataIndexes))
                .withConf(conf)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .build();
    }

    /** Writes the data columns of an event's attribute values. */
    void write(Object[] values) throws IOException {
        writer.write(values);
        statistics.add(values);
    }

    /** What was written so far, compressed, as the file's size will be near it. */
    long dataSize() {
        return writer.getDataSize();
    }

    /** Closes the file; its size and time are what the file system says they are. */
    DeltaDataFile finish() throws IOException {
        writer.close();
        FileStatus status = path.getFileSystem(conf).getFileStatus(path);
        StructType tableSchema = settings.tableSchema();
        return new DeltaDataFile(path.toString(), status.getLen(), status.getModificationTime(), partitionValues,
                statistics.toJson(tableSchema));
    }

    /** Closes and deletes the file, which no transaction will ever reference. */
    void abort() throws IOException {
        try {
            writer.close();
        } finally {
            FileSystem fs = path.getFileSystem(conf);
            fs.delete(path, false);
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final ParquetRows rows;

        Builder(OutputFile file, ParquetRows rows) {
            super(file);
            this.rows = rows;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected ParquetRows getWriteSupport(Configuration conf) {
            return rows;
        }
    }
}
