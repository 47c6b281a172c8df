package org.siddhiql.runtime.aggregate;

import java.io.Serializable;
import java.util.List;
import org.siddhiql.compiler.schema.AttributeType;

/** Chooses the aggregator for the argument types at compile time. */
@FunctionalInterface
public interface AggregatorFactory extends Serializable {
    /**
     * @param argumentTypes the types of the arguments (empty for count())
     * @return the aggregator
     * @throws IllegalArgumentException with a user-facing reason when the arguments do not fit
     */
    Aggregator create(List<AttributeType> argumentTypes);

    /**
     * As {@link #create(List)}, for a clause whose aggregators do or do not track removals (see
     * {@link org.siddhiql.compiler.expression.Scope#aggregatorsTrackRemovals()}); only aggregators whose Siddhi
     * counterparts keep different state in the two cases (min, max, unionSet) override it.
     */
    default Aggregator create(List<AttributeType> argumentTypes, boolean trackRemovals) {
        return create(argumentTypes);
    }
}
