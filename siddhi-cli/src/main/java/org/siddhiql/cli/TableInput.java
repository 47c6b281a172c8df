package org.siddhiql.cli;

import java.io.Serializable;
import java.util.Arrays;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.lakehouse.TableAddress;
import org.siddhiql.runtime.event.Event;

/**
 * One {@code --from} of a replay, checked against the app and pinned to the version it resolved to, so that the job
 * reads exactly what was checked even if the table gets new commits meanwhile.
 *
 * @param stream the index of the stream fed, as tagged events refer to it
 * @param address the table and its version id, as {@link TableAddress} writes it
 * @param columns for each attribute of the stream, the index of its column in the table's rows
 * @param eventTime the index of the event-time attribute in the stream
 */
record TableInput(int stream, String address, int[] columns, int eventTime) implements Serializable {
    /** The event a row of the table is. */
    TaggedEvent event(Object[] row) {
        Object[] data = new Object[columns.length];
        for (int i = 0; i < columns.length; i++) {
            data[i] = row[columns[i]];
        }
        Object time = data[eventTime];
        if (time == null) {
            throw new IllegalStateException(address + " has a row without an event time: " + Arrays.toString(row));
        }
        return new TaggedEvent(stream, new Event((Long) time, data));
    }
}
