package org.siddhiql.beam.io;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.TextIO;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Watch;
import org.apache.beam.sdk.transforms.windowing.AfterProcessingTime;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Repeatedly;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.joda.time.Duration;
import org.siddhiql.beam.runtime.SequencedEvent;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.connector.ConnectorSpec;
import org.siddhiql.compiler.connector.SinkSpec;
import org.siddhiql.compiler.connector.SourceSpec;

/**
 * {@code @source/@sink(type='file')} as Beam's {@link FileIO} and {@link TextIO}, with the option names of the Flink
 * backend's file connector; each line is a record of the connector's mapper.
 *
 * <p>The source reads the lines of {@code file.uri}, or of every file under {@code dir.uri} (recursively, skipping
 * files whose names start with {@code .} or {@code _}). It is bounded unless {@code dir.polling.interval} is given:
 * then the directory is watched for new files every that many milliseconds, and a file is read once, so it must be
 * complete when it appears there. Paths are those of Beam's file systems: local paths and {@code file:} URIs here.
 *
 * <p>The sink writes files into the directory {@code file.uri} named {@code part-<pane>-<shard>-of-1.<mapper type>}:
 * the events that arrived are written about every {@value #FLUSH_SECONDS} second into a new file, which appears once
 * complete ({@link FileIO#write}). Unlike the Flink backend's file sink it is not tied to checkpoints: after a
 * failure, events replayed since the last checkpoint may be written again.
 */
final class FileTransforms {
    /** How long a file sink collects events before it writes them as a new file. */
    static final int FLUSH_SECONDS = 1;

    private FileTransforms() {
    }

    static PCollection<SequencedEvent> read(PBegin begin, SourceSpec spec, RecordEvents mapping, String name) {
        boolean directory = spec.option("dir.uri") != null;
        String path = pathOf(spec, directory ? "dir.uri" : "file.uri", directory);
        FileIO.Match match = FileIO.match().filepattern(directory ? path.replaceAll("/+$", "") + "/**" : path);
        String interval = spec.option("dir.polling.interval");
        if (interval != null) {
            match = match.continuously(Duration.millis(Long.parseLong(interval)), Watch.Growth.never());
        }
        return begin
                .apply(name, match)
                .apply(name + " visible files", Filter.by(FileTransforms::visible))
                .apply(name + " open", FileIO.readMatches())
                .apply(name + " lines", TextIO.readFiles())
                .apply(name + " mapping", ParDo.of(new MapLines(mapping)));
    }

    private static boolean visible(MatchResult.Metadata file) {
        String name = file.resourceId().getFilename();
        return name != null && !name.startsWith(".") && !name.startsWith("_");
    }

    /**
     * Writes records, one a line, into files in the spec's directory: what arrived is written about every
     * {@value #FLUSH_SECONDS} second into a new file, and, when the input ends, the rest.
     */
    static PTransform<PCollection<byte[]>, PDone> write(SinkSpec spec) {
        return new PTransform<>() {
            @Override
            public PDone expand(PCollection<byte[]> records) {
                records.apply("Every " + FLUSH_SECONDS + " s", Window.<byte[]>into(new GlobalWindows())
                                .triggering(Repeatedly.forever(AfterProcessingTime.pastFirstElementInPane()
                                        .plusDelayOf(Duration.standardSeconds(FLUSH_SECONDS))))
                                .withAllowedLateness(Duration.ZERO)
                                .discardingFiredPanes())
                        .apply("Files", FileIO.<byte[]>write()
                                .via(new LineSink())
                                .to(pathOf(spec, "file.uri", true))
                                .withPrefix("part")
                                .withSuffix("." + spec.map().type())
                                .withNumShards(1));
                return PDone.in(records.getPipeline());
            }
        };
    }

    /**
     * The path an option names, checked to be on one of the pipeline's file systems (Beam's registry is set up when
     * the pipeline is created, so this is checked when the pipeline is built).
     *
     * @throws CompileException at the connector's annotation when no file system of the pipeline has its scheme
     */
    private static String pathOf(ConnectorSpec spec, String option, boolean directory) {
        String path = localPathOf(spec.option(option));
        try {
            FileSystems.matchNewResource(path, directory);
        } catch (IllegalArgumentException e) {
            String annotation = spec instanceof SourceSpec ? "@source" : "@sink";
            throw new CompileException(spec.line(), spec.column(), annotation + " of stream '" + spec.stream()
                    + "': " + option + " '" + spec.options().get(option) + "' is on no file system of this Beam"
                    + " pipeline: " + e.getMessage());
        }
        return path;
    }

    /**
     * A {@code file:} URI as the local path it names, which is how Beam's local file system must be given it (it
     * would take {@code file:///tmp/x} for a relative path); other paths and URIs as they are.
     */
    static String localPathOf(String pathOrUri) {
        return pathOrUri.startsWith("file:") ? Path.of(URI.create(pathOrUri)).toString() : pathOrUri;
    }

    /** Lines to events; an unmapped line is named by its first characters, as the Flink backend names it. */
    private static final class MapLines extends DoFn<String, SequencedEvent> {
        private static final long serialVersionUID = 1L;
        private static final int NAMED_CHARS = 100;
        private final RecordEvents mapping;

        MapLines(RecordEvents mapping) {
            this.mapping = mapping;
        }

        @ProcessElement
        public void process(@Element String line, OutputReceiver<SequencedEvent> out) {
            mapping.map(line, () -> "the line '" + (line.length() > NAMED_CHARS
                    ? line.substring(0, NAMED_CHARS) + "..." : line) + "'", out);
        }
    }

    /** Each record as a line: its bytes, then {@code \n}. */
    private static final class LineSink implements FileIO.Sink<byte[]> {
        private static final long serialVersionUID = 1L;
        private transient OutputStream out;

        @Override
        public void open(WritableByteChannel channel) {
            out = Channels.newOutputStream(channel);
        }

        @Override
        public void write(byte[] record) throws IOException {
            out.write(record);
            out.write('\n');
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
