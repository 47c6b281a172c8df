package org.siddhiql.beam.runtime;

import java.util.Objects;
import org.siddhiql.runtime.event.Event;

/**
 * An event on one of an app's streams with its place in a sequence. Beam keeps no order between elements, while
 * Siddhi's results depend on it: inputs carry their arrival order ({@code seq}) so the graph can process events of
 * equal timestamps as they arrived, and outputs carry their emission order so a writer can restore it.
 *
 * @param stream the index of the event's stream in the list the coder was made for
 */
public record SequencedEvent(int stream, long seq, Event event) {
    public SequencedEvent {
        Objects.requireNonNull(event, "event");
    }
}
