package org.siddhiql.beam.runtime;

import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * An app's query graph over its input events, all streams in one collection: onto the app's one key, then
 * {@link AppGraphFn}. The output has one collection per output stream, tagged by the stream's name, whose events
 * carry their emission order. {@code SiddhiTransform} wraps this in Beam rows; tools that need Siddhi's exact order
 * of equal-time events (the CLI's event files) use it directly.
 */
public final class SiddhiGraph extends PTransform<PCollection<SequencedEvent>, PCollectionTuple> {
    private static final long serialVersionUID = 1L;
    /** The DoFn's main output when the app has no output stream: Beam needs one. */
    private static final TupleTag<SequencedEvent> NO_OUTPUT = new TupleTag<>("siddhi-no-output");
    /** The one key every event of the app is processed under; see {@link AppGraphFn}. */
    private static final String APP_KEY = "app";

    private final GraphLayout layout;
    private final AppClock clock;

    public SiddhiGraph(GraphLayout layout, AppClock clock) {
        this.layout = layout;
        this.clock = clock;
    }

    @Override
    public PCollectionTuple expand(PCollection<SequencedEvent> events) {
        List<TupleTag<?>> outputs = new ArrayList<>();
        layout.outputs().forEach(stream -> outputs.add(layout.outputTag(stream)));
        @SuppressWarnings("unchecked")
        TupleTag<SequencedEvent> main = outputs.isEmpty() ? NO_OUTPUT : (TupleTag<SequencedEvent>) outputs.remove(0);
        PCollectionTuple result = events
                .apply("On the app key", WithKeys.of(APP_KEY))
                .setCoder(KvCoder.of(StringUtf8Coder.of(), events.getCoder()))
                .apply("Run queries", ParDo.of(new AppGraphFn(layout, clock))
                        .withOutputTags(main, TupleTagList.of(outputs)));
        SequencedEventCoder coder = SequencedEventCoder.of(layout.outputSchemas());
        PCollectionTuple streams = PCollectionTuple.empty(events.getPipeline());
        for (String stream : layout.outputs()) {
            TupleTag<SequencedEvent> tag = layout.outputTag(stream);
            streams = streams.and(tag, result.get(tag).setCoder(coder));
        }
        if (main == NO_OUTPUT) {
            result.get(NO_OUTPUT).setCoder(coder);
        }
        return streams;
    }
}
