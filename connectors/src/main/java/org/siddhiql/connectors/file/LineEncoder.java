package org.siddhiql.connectors.file;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.flink.api.common.serialization.Encoder;
import org.siddhiql.connectors.map.SinkMapper;
import org.siddhiql.runtime.event.Event;

/** An event as one line of a part file, by the sink's mapper, ended by {@code \n}. */
final class LineEncoder implements Encoder<Event> {
    private static final long serialVersionUID = 1L;

    private final SinkMapper mapper;

    LineEncoder(SinkMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void encode(Event event, OutputStream stream) throws IOException {
        stream.write(mapper.toBytes(event));
        stream.write('\n');
    }
}
