package org.siddhiql.connectors.file;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.flink.api.common.serialization.Encoder;
import org.siddhiql.connectors.csv.CsvEventWriter;
import org.siddhiql.runtime.event.Event;

/** An event as one CSV line of a part file, ended by {@code \n}. */
final class CsvEventEncoder implements Encoder<Event> {
    private static final long serialVersionUID = 1L;

    private final CsvEventWriter writer;

    CsvEventEncoder(CsvEventWriter writer) {
        this.writer = writer;
    }

    @Override
    public void encode(Event event, OutputStream stream) throws IOException {
        stream.write(writer.write(event.data()).getBytes(UTF_8));
        stream.write('\n');
    }
}
