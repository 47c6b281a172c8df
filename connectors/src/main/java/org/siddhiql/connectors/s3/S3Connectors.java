package org.siddhiql.connectors.s3;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.connector.ConnectorSpec;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.compiler.connector.SourceSpec;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.file.FileConnectors;
import org.siddhiql.connectors.map.RecordMapping;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.runtime.event.Event;

/**
 * {@code @source/@sink(type='s3')}: the file connector ({@link FileConnectors}: a record a line, with its json, csv
 * and keyvalue mappers) on the directory {@code s3://<bucket.name>/<object.path>}, through Flink's S3 file system
 * (flink-s3-fs-hadoop), so with the file connector's guarantees: the source's progress over the objects is in
 * checkpoints, and the sink's part files are multipart uploads completed, and so made visible, when a checkpoint
 * completes: exactly once.
 *
 * <p>Flink configures its file systems once per process, from the cluster's configuration, not per job. So the
 * annotation's {@code endpoint}, {@code path.style.access}, {@code aws.region}, {@code aws.access.key} and
 * {@code aws.secret.key} become per-bucket options of that configuration ({@link #fileSystemConfiguration}):
 * {@code bin/siddhi run} applies them to its embedded cluster; a standalone cluster must carry them (or its own
 * {@code s3.*} options) in its configuration.
 */
public final class S3Connectors {
    private S3Connectors() {
    }

    public static DataStream<TaggedEvent> source(StreamExecutionEnvironment env, SourceSpec spec,
            RecordMapping mapping, TypeInformation<TaggedEvent> type, String uid) {
        return FileConnectors.source(env, spec, path(spec), mapping, type, uid);
    }

    public static FileSink<Event> sink(SinkSpec spec, StreamSchema schema) {
        return FileConnectors.sink(spec, path(spec), schema);
    }

    /** {@code s3://bucket/object.path}. */
    static Path path(ConnectorSpec spec) {
        String prefix = spec.option("object.path");
        return new Path("s3://" + spec.option("bucket.name") + "/" + (prefix == null ? "" : prefix));
    }

    /**
     * The Flink options that give each bucket of the connectors its endpoint, addressing and credentials: Flink's
     * S3 file system hands {@code s3.*} options to Hadoop's S3A as {@code fs.s3a.*}, and S3A applies
     * {@code fs.s3a.bucket.<bucket>.*} to that bucket alone, so apps' buckets do not share credentials.
     *
     * @throws CompileException when two connectors give one bucket different settings
     */
    public static Configuration fileSystemConfiguration(List<? extends ConnectorSpec> specs) {
        Map<String, String> options = new LinkedHashMap<>();
        for (ConnectorSpec spec : specs) {
            if (!spec.type().equals("s3")) {
                continue;
            }
            String bucket = "s3.bucket." + spec.option("bucket.name") + ".";
            put(options, bucket + "endpoint", "endpoint", spec);
            put(options, bucket + "endpoint.region", "aws.region", spec);
            put(options, bucket + "path.style.access", "path.style.access", spec);
            put(options, bucket + "access.key", "aws.access.key", spec);
            put(options, bucket + "secret.key", "aws.secret.key", spec);
        }
        return Configuration.fromMap(options);
    }

    private static void put(Map<String, String> options, String key, String option, ConnectorSpec spec) {
        String value = spec.option(option);
        if (value == null) {
            return;
        }
        String earlier = options.putIfAbsent(key, value);
        if (earlier != null && !earlier.equals(value)) {
            throw new CompileException(spec.line(), spec.column(), "the s3 connector of stream '" + spec.stream()
                    + "' gives bucket '" + spec.option("bucket.name") + "' another " + option + " than an earlier"
                    + " s3 connector does");
        }
    }
}
