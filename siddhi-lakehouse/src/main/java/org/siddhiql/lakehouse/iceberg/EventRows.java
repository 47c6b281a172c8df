package org.siddhiql.lakehouse.iceberg;

import java.util.List;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.event.Event;

/**
 * A stream's events as rows of an Iceberg table, column by column in the table's order: a column the stream lacks
 * (added to the table by someone else) is null. SiddhiQL's int, long, float, double and bool values are already
 * Flink's internal row values; strings become {@link StringData}.
 */
final class EventRows implements MapFunction<Event, RowData> {
    private static final long serialVersionUID = 1L;

    /** For each table column, the index of the stream attribute written to it, or -1 for none. */
    private final int[] attributeOfColumn;

    EventRows(StreamSchema stream, Schema table) {
        List<Types.NestedField> columns = table.columns();
        attributeOfColumn = new int[columns.size()];
        for (int i = 0; i < attributeOfColumn.length; i++) {
            attributeOfColumn[i] = stream.indexOf(columns.get(i).name());
        }
    }

    @Override
    public RowData map(Event event) {
        GenericRowData row = new GenericRowData(attributeOfColumn.length);
        for (int i = 0; i < attributeOfColumn.length; i++) {
            Object value = attributeOfColumn[i] < 0 ? null : event.get(attributeOfColumn[i]);
            row.setField(i, value instanceof String text ? StringData.fromString(text) : value);
        }
        return row;
    }
}
