package org.siddhiql.lakehouse.delta;

import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The Delta Kernel engine that reads and writes a table where the connector options say it lies: Kernel's default
 * engine, on Hadoop's file systems.
 */
public final class DeltaEngines {
    private DeltaEngines() {
    }

    /** @param options connector options with their {@code ${NAME}} references resolved */
    public static Engine create(Map<String, String> options) {
        return DefaultEngine.create(hadoopConfiguration(options));
    }

    /** Hadoop settings for the storage options; serializable as a map, for engines built in tasks. */
    static Configuration hadoopConfiguration(Map<String, String> options) {
        Configuration conf = new Configuration();
        return conf;
    }
}
