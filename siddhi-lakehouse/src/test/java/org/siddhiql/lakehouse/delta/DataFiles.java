package org.siddhiql.lakehouse.delta;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.fs.Path;

/** Data files written as the sink's writers write them, for tests that commit them. */
final class DataFiles {
    private static final AtomicInteger FILES = new AtomicInteger();

    private DataFiles() {
    }

    /** Writes {@code rows} (all attributes of the stream) into a file of the partition of {@code partition}. */
    @SafeVarargs
    static DeltaDataFile write(DeltaSinkSettings settings, List<String> partition, List<Object>... rows)
            throws IOException {
        Path path = new Path("file:" + settings.path() + "/"
                + DeltaPartitions.directory(settings.partitionColumns(), partition)
                + String.format("part-00000-%d.snappy.parquet", FILES.getAndIncrement()));
        ParquetDataFile file = new ParquetDataFile(path, DeltaEngines.hadoopConfiguration(settings.options()),
                settings, partition);
        for (List<Object> row : rows) {
            file.write(row.toArray());
        }
        return file.finish();
    }
}
