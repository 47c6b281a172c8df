package org.siddhiql.lakehouse.iceberg;

import java.util.UUID;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.OutputFile;

/** Commits to Iceberg tables with Iceberg's own API, as a writer other than this project would. */
final class TableCommits {
    private TableCommits() {
    }

    /** Appends the rows as one data file (all rows in one partition), with {@code summary} as key, value pairs. */
    static long append(Table table, Object[][] rows, String... summary) throws Exception {
        AppendFiles append = table.newAppend().appendFile(dataFile(table, rows));
        for (int i = 0; i < summary.length; i += 2) {
            append.set(summary[i], summary[i + 1]);
        }
        append.commit();
        // snapshot timestamps are in milliseconds: the next commit must be in a later one
        Thread.sleep(5);
        return table.currentSnapshot().snapshotId();
    }

    static DataFile dataFile(Table table, Object[][] rows) throws Exception {
        Record first = record(table, rows[0]);
        PartitionKey partition = null;
        if (!table.spec().isUnpartitioned()) {
            partition = new PartitionKey(table.spec(), table.schema());
            partition.partition(new InternalRecordWrapper(table.schema().asStruct()).wrap(first));
        }
        OutputFile out = table.io().newOutputFile(table.location() + "/data/" + UUID.randomUUID() + ".parquet");
        DataWriter<Record> writer = new GenericAppenderFactory(table.schema(), table.spec())
                .newDataWriter(table.encryption().encrypt(out), FileFormat.PARQUET, partition);
        try (writer) {
            for (Object[] values : rows) {
                writer.write(record(table, values));
            }
        }
        return writer.toDataFile();
    }

    private static Record record(Table table, Object[] values) {
        Record record = GenericRecord.create(table.schema());
        for (int i = 0; i < values.length; i++) {
            record.set(i, values[i]);
        }
        return record;
    }
}
