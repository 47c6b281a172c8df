package org.siddhiql.lakehouse.iceberg;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.flink.source.reader.RowDataConverter;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.flink.typeutils.TaggedEventTypeInfo;
import org.siddhiql.runtime.event.Event;

/**
 * Turns the rows of a scan projected on a stream's attributes (same order and types) into the stream's events,
 * stamped with the time they are read: a table source runs in processing time like every connector.
 */
final class RowDataToEvent implements RowDataConverter<TaggedEvent> {
    private static final long serialVersionUID = 1L;

    private final AttributeType[] types;
    private final int streamIndex;
    private final TaggedEventTypeInfo type;

    RowDataToEvent(AttributeType[] types, int streamIndex, TaggedEventTypeInfo type) {
        this.types = types.clone();
        this.streamIndex = streamIndex;
        this.type = type;
    }

    @Override
    public TaggedEvent apply(RowData row) {
        Object[] data = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            data[i] = row.isNullAt(i) ? null : value(row, i, types[i]);
        }
        return new TaggedEvent(streamIndex, new Event(System.currentTimeMillis(), data));
    }

    private static Object value(RowData row, int i, AttributeType type) {
        switch (type) {
            case STRING: return row.getString(i).toString();
            case INT: return row.getInt(i);
            case LONG: return row.getLong(i);
            case FLOAT: return row.getFloat(i);
            case DOUBLE: return row.getDouble(i);
            case BOOL: return row.getBoolean(i);
            default: throw new IllegalStateException("no column type reads as " + type);
        }
    }

    @Override
    public TypeInformation<TaggedEvent> getProducedType() {
        return type;
    }
}
