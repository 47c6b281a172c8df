package org.siddhiql.beam.runtime;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.CustomCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.state.EventCodec;

/**
 * Encodes {@link SequencedEvent}s of a fixed list of streams with each stream's {@link EventCodec}: the schemas are
 * known when the pipeline is built, so no type tags travel with the values (the same binary form as in state).
 */
public final class SequencedEventCoder extends CustomCoder<SequencedEvent> {
    private static final long serialVersionUID = 1L;

    private final EventCodec[] codecs;

    private SequencedEventCoder(EventCodec[] codecs) {
        this.codecs = codecs;
    }

    /** A coder for events of the given streams, indexed as {@link SequencedEvent#stream()} refers to them. */
    public static SequencedEventCoder of(List<StreamSchema> streams) {
        EventCodec[] codecs = new EventCodec[streams.size()];
        for (int i = 0; i < codecs.length; i++) {
            codecs[i] = new EventCodec(streams.get(i).typeArray());
        }
        return new SequencedEventCoder(codecs);
    }

    @Override
    public void encode(SequencedEvent value, OutputStream out) throws IOException {
        VarIntCoder.of().encode(value.stream(), out);
        VarLongCoder.of().encode(value.seq(), out);
        // No buffering wrapper: DataOutputStream writes straight through, so nothing is left behind on return.
        codecs[value.stream()].encode(value.event(), new DataOutputStream(out));
    }

    @Override
    public SequencedEvent decode(InputStream in) throws IOException {
        int stream = VarIntCoder.of().decode(in);
        long seq = VarLongCoder.of().decode(in);
        return new SequencedEvent(stream, seq, codecs[stream].decode(new DataInputStream(in)));
    }
}
