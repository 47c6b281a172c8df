package org.siddhiql.connectors.map;

import java.util.List;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.MappingException;
import org.siddhiql.runtime.event.Event;

/**
 * Siddhi's {@code passThrough} source mapping, for objects published within the JVM: a record is an
 * {@code Object[]} of the attribute values in the stream's order, or an {@link Event} whose data they are. Values are
 * checked against their attributes' types ({@link Values#convert}). The event's timestamp is the time it is read, as
 * for every source of an app in processing time; an {@link Event}'s own timestamp is not kept.
 */
final class PassThroughSourceMapper implements SourceMapper {
    private static final long serialVersionUID = 1L;

    private final String[] names;
    private final AttributeType[] types;

    PassThroughSourceMapper(StreamSchema schema) {
        this.names = schema.attributeNames().toArray(new String[0]);
        this.types = schema.typeArray();
    }

    @Override
    public List<Object[]> map(Object record) throws MappingException {
        Object[] values;
        if (record instanceof Object[]) {
            values = (Object[]) record;
        } else if (record instanceof Event) {
            values = ((Event) record).data();
        } else {
            throw new MappingException("expected an Object[] or an Event, found " + Records.describe(record));
        }
        if (values.length != names.length) {
            throw new MappingException("the record has " + values.length + " values but the stream has "
                    + names.length + " attributes");
        }
        Object[] data = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            data[i] = Values.convert(values[i], types[i], names[i]);
        }
        return List.<Object[]>of(data);
    }
}
