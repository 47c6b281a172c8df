package org.siddhiql.runtime.table;

import org.siddhiql.compiler.expression.Row;
import org.siddhiql.runtime.event.Event;

/**
 * What a table write's condition and set expressions read: the query's output event (slot 0) and a row (slot 1).
 * Without a row, the row's attributes read null.
 */
public final class WriteRow implements Row {
    public static final int EVENT_SLOT = 0;
    public static final int TABLE_SLOT = 1;

    private final Event event;
    private final Event row;

    WriteRow(Event event, Event row) {
        this.event = event;
        this.row = row;
    }

    @Override
    public Object get(int streamIndex, int attributeIndex) {
        if (streamIndex == TABLE_SLOT) {
            return row == null ? null : row.get(attributeIndex);
        }
        return event.get(attributeIndex);
    }

    @Override
    public long timestamp(int streamIndex) {
        return streamIndex == TABLE_SLOT && row != null ? row.timestamp() : event.timestamp();
    }

    @Override
    public long timestamp() {
        return event.timestamp();
    }
}
