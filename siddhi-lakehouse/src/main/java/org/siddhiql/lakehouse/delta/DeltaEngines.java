package org.siddhiql.lakehouse.delta;

import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The Delta Kernel engine that reads and writes a table where the connector options say it lies: Kernel's default
 * engine, on Hadoop's file systems. Local paths need nothing; {@code s3://} (as users write it) and {@code s3a://}
 * tables go through Hadoop's S3A file system, which runs on the AWS SDK v2 modules and is the file system Kernel's
 * default log store for S3 expects. The S3 options are those of {@code type='s3'}: {@code endpoint} (an S3-compatible
 * service), {@code path.style.access}, {@code aws.access.key} and {@code aws.secret.key} (without them S3A's default
 * credential chain: environment, profile, instance role), {@code aws.region}.
 *
 * <p>Hadoop caches a file system per scheme and bucket in the JVM, not per setting: tables of one bucket share the
 * endpoint and credentials of the first engine that opened it.
 */
public final class DeltaEngines {
    private static final List<String> STORAGE = List.of("endpoint", "path.style.access", "aws.access.key",
            "aws.secret.key", "aws.region");
    private static final String S3A = "org.apache.hadoop.fs.s3a.S3AFileSystem";

    private DeltaEngines() {
    }

    /** @param options connector options with their {@code ${NAME}} references resolved */
    public static Engine create(Map<String, String> options) {
        return DefaultEngine.create(hadoopConfiguration(options));
    }

    /** Hadoop settings for the storage options; serializable as a map, for engines built in tasks. */
    /** The storage options among {@code options} (those of {@code type='s3'}): what an engine is built from. */
    static HashMap<String, String> storageOptions(Map<String, String> options) {
        HashMap<String, String> storage = new HashMap<>();
        for (String name : STORAGE) {
            if (options.get(name) != null) {
                storage.put(name, options.get(name));
            }
        }
        return storage;
    }

    static Configuration hadoopConfiguration(Map<String, String> options) {
        Configuration conf = new Configuration();
        conf.set("fs.s3.impl", S3A);
        conf.set("fs.s3a.impl", S3A);
        String endpoint = options.get("endpoint");
        if (endpoint != null) {
            conf.set("fs.s3a.endpoint", endpoint);
            conf.setBoolean("fs.s3a.connection.ssl.enabled", endpoint.startsWith("https://"));
            // an S3-compatible service has no region, but the SDK must sign for one
            conf.set("fs.s3a.endpoint.region", options.getOrDefault("aws.region", "us-east-1"));
        } else if (options.containsKey("aws.region")) {
            conf.set("fs.s3a.endpoint.region", options.get("aws.region"));
        }
        if (options.containsKey("path.style.access")) {
            conf.set("fs.s3a.path.style.access", options.get("path.style.access"));
        }
        if (options.containsKey("aws.access.key")) {
            conf.set("fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
            conf.set("fs.s3a.access.key", options.get("aws.access.key"));
            conf.set("fs.s3a.secret.key", options.get("aws.secret.key"));
        }
        return conf;
    }
}
