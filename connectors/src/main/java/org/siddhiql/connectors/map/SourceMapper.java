package org.siddhiql.connectors.map;

import java.io.Serializable;
import java.util.List;
import org.siddhiql.connectors.MappingException;

/**
 * A {@code @source}'s {@code @map}: the events a record holds. Connectors of bytes hand it {@code byte[]}, the file
 * source a line as a {@link String}, the inMemory source whatever was published. Mappers are created by
 * {@link Mappers#source} and hold no state between records.
 */
public interface SourceMapper extends Serializable {
    /**
     * The events the record holds, each as its attribute values in the stream's order.
     *
     * @throws MappingException when the record is not of the mapper's form or its values not of their attributes'
     *     types; the message says what is wrong, for logs and fault streams
     */
    List<Object[]> map(Object record) throws MappingException;
}
