package org.siddhiql.lakehouse.delta;

import io.delta.kernel.types.StructType;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.siddhiql.compiler.schema.StreamSchema;

/**
 * What the writers and the committer of one {@code @sink(type='delta')} share: where the table lies (with the storage
 * options, their {@code ${NAME}} references resolved), the stream it takes, how it is partitioned, and the
 * application id its transactions carry.
 *
 * @param appId the app's name and the sink's uid: stable across restarts, so a restarted job recognizes the commits
 *     of the job it continues
 */
public record DeltaSinkSettings(String path, Map<String, String> options, StreamSchema stream,
        List<String> partitionColumns, String appId) implements Serializable {
    public DeltaSinkSettings {
        options = new TreeMap<>(options);
        partitionColumns = new ArrayList<>(partitionColumns);
    }

    /** The table's columns: every attribute of the stream, partition columns included. */
    public StructType tableSchema() {
        return DeltaSchemas.toDelta(stream);
    }

    /** The positions of the partition columns among the stream's attributes, in partition order. */
    int[] partitionIndexes() {
        return partitionColumns.stream().mapToInt(stream::indexOf).toArray();
    }

    /** The positions of the attributes written to the data files: all but the partition columns. */
    int[] dataIndexes() {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < stream.size(); i++) {
            if (!partitionColumns.contains(stream.attributeName(i))) {
                indexes.add(i);
            }
        }
        return indexes.stream().mapToInt(Integer::intValue).toArray();
    }
}
