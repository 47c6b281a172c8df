package org.siddhiql.runtime.aggregate;

import java.io.Serializable;
import org.siddhiql.compiler.schema.AttributeType;

/**
 * An attribute aggregator (sum, count, avg, ...) for one argument type. Its state is an Object[] of plain values
 * (numbers, strings, booleans, sets, maps, arrays of them), so any backend stores it with
 * {@link org.siddhiql.runtime.state.Codecs#ANY}; the aggregator itself holds no state.
 */
public interface Aggregator extends Serializable {
    /** The type of the aggregate's value. */
    AttributeType type();

    Object[] newState();

    /** Adds a value (null for count()) and returns the aggregate after it. */
    Object add(Object[] state, Object value);

    /** Removes a value that was added earlier and returns the aggregate after it. */
    Object remove(Object[] state, Object value);

    /** True when the state holds nothing worth keeping, so the group's state may be dropped (Siddhi's canDestroy). */
    boolean canDestroy(Object[] state);
}
