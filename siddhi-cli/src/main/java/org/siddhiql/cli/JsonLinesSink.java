package org.siddhiql.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.siddhiql.runtime.event.Event;

/**
 * Writes one output stream as JSON lines, in arrival order: to {@code OUTDIR/<Stream>.jsonl}, or to standard output
 * prefixed with the stream name. Runs at parallelism 1 in the embedded cluster of {@code bin/siddhi run}.
 */
final class JsonLinesSink implements Sink<Event> {
    private static final long serialVersionUID = 1L;

    private final String stream;
    private final String file; // null: standard output

    private JsonLinesSink(String stream, String file) {
        this.stream = stream;
        this.file = file;
    }

    static JsonLinesSink toFile(String stream, Path file) {
        return new JsonLinesSink(stream, file.toAbsolutePath().toString());
    }

    static JsonLinesSink toStdout(String stream) {
        return new JsonLinesSink(stream, null);
    }

    @Override
    @SuppressWarnings("deprecation") // Flink 1.20 still requires this variant; WriterInitContext delegates to it
    public SinkWriter<Event> createWriter(InitContext context) throws IOException {
        if (file == null) {
            return new Writer(null, System.out, stream + ": ");
        }
        return new Writer(Files.newBufferedWriter(Path.of(file), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), null, "");
    }

    private static final class Writer implements SinkWriter<Event> {
        private final BufferedWriter out;
        private final PrintStream console;
        private final String prefix;

        Writer(BufferedWriter out, PrintStream console, String prefix) {
            this.out = out;
            this.console = console;
            this.prefix = prefix;
        }

        @Override
        public void write(Event event, Context context) throws IOException {
            String line = prefix + EventJson.line(event);
            if (out != null) {
                out.write(line);
                out.newLine();
            } else {
                console.println(line);
            }
        }

        @Override
        public void flush(boolean endOfInput) throws IOException {
            if (out != null) {
                out.flush();
            } else {
                console.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (out != null) {
                out.close();
            }
        }
    }
}
