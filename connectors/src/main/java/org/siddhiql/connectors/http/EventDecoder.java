package org.siddhiql.connectors.http;

import java.io.Serializable;
import java.util.List;
import org.siddhiql.connectors.MappingException;

/** A request body to the attribute values of the events it holds, in schema order: the source's mapper. */
@FunctionalInterface
public interface EventDecoder extends Serializable {
    List<Object[]> decode(byte[] body) throws MappingException;
}
