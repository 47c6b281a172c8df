package org.siddhiql.connectors.file;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.compiler.connector.SourceSpec;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.map.Mappers;
import org.siddhiql.connectors.map.RecordMapping;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.runtime.event.Event;

/**
 * {@code @source/@sink(type='file')} as Flink's {@link FileSource} and {@link FileSink}, with siddhi-io-file's option
 * names; each line is a record of the connector's mapper (json, csv or keyvalue).
 *
 * <p>The source reads the lines of {@code file.uri}, or of every file under {@code dir.uri} (recursively, skipping
 * hidden files whose names start with {@code .} or {@code _}); which files and how far were read is in Flink's
 * checkpoints. It is bounded unless {@code dir.polling.interval} is given: then the directory is watched for new
 * files, which must be complete when they appear there (move them in), since a file is read once. Unlike Siddhi, files
 * are never deleted or moved after reading.
 *
 * <p>The sink writes part files directly into the directory {@code file.uri} (Siddhi writes one file there). A part
 * file is committed, made visible under its final name, only when a checkpoint completes, and then never written
 * again: the output is exactly-once across failures, and without checkpoints nothing is committed until the input
 * ends.
 */
public final class FileConnectors {
    private FileConnectors() {
    }

    /** The source's lines as events of its stream; {@code uid} is that of the reader, its mapper gets a suffix. */
    public static DataStream<TaggedEvent> source(StreamExecutionEnvironment env, SourceSpec spec,
            RecordMapping mapping, TypeInformation<TaggedEvent> type, String uid) {
        boolean directory = spec.option("dir.uri") != null;
        return source(env, spec, new Path(directory ? spec.option("dir.uri") : spec.option("file.uri")), mapping,
                type, uid);
    }

    /**
     * The lines of the file or of the files under the directory {@code path}, on any of Flink's file systems, as
     * events of the spec's stream; watched for new files every {@code dir.polling.interval} ms when the spec has it.
     */
    public static DataStream<TaggedEvent> source(StreamExecutionEnvironment env, SourceSpec spec, Path path,
            RecordMapping mapping, TypeInformation<TaggedEvent> type, String uid) {
        FileSource.FileSourceBuilder<String> builder = FileSource.forRecordStreamFormat(new TextLineInputFormat(),
                path);
        String interval = spec.option("dir.polling.interval");
        if (interval != null) {
            builder.monitorContinuously(Duration.ofMillis(Long.parseLong(interval)));
        }
        return env.fromSource(builder.build(), WatermarkStrategy.noWatermarks(), spec.type() + " source "
                        + spec.stream())
                .setParallelism(1)
                .uid(uid)
                .flatMap(new LineMapper(mapping))
                .returns(type)
                .name(spec.map().type() + " mapping " + spec.stream())
                .setParallelism(1)
                .uid(uid + "-map");
    }

    public static FileSink<Event> sink(SinkSpec spec, StreamSchema schema) {
        return sink(spec, new Path(spec.option("file.uri")), schema);
    }

    /**
     * Part files in the directory {@code path}, on any of Flink's file systems that can recover a write, named
     * {@code part-<uuid>-<n>.<mapper type>}, such as {@code .csv}.
     */
    public static FileSink<Event> sink(SinkSpec spec, Path path, StreamSchema schema) {
        return FileSink.forRowFormat(path, new LineEncoder(Mappers.sink(spec, schema)))
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(OutputFileConfig.builder().withPartSuffix("." + spec.map().type()).build())
                .build();
    }
}
