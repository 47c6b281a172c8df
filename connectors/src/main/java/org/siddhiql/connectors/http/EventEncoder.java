package org.siddhiql.connectors.http;

import java.io.Serializable;

/** An event's attribute values to a request body: the sink's mapper. */
@FunctionalInterface
public interface EventEncoder extends Serializable {
    byte[] encode(Object[] data);
}
