package org.siddhiql.beam.runtime;

import org.apache.beam.sdk.schemas.Schema;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.values.Row;

/** An output stream's events as Beam rows of the stream's schema ({@link RowEvents#schemaOf}). */
public final class EventsToRows extends DoFn<SequencedEvent, Row> {
    private static final long serialVersionUID = 1L;
    private final Schema schema;

    public EventsToRows(Schema schema) {
        this.schema = schema;
    }

    @ProcessElement
    public void process(@Element SequencedEvent event, OutputReceiver<Row> out) {
        out.output(RowEvents.toRow(event.event(), schema));
    }
}
