package org.siddhiql.compiler.expression;

import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.runtime.aggregate.Aggregator;

/**
 * One aggregator occurrence of a select clause. Evaluated over an {@link AggregationRow}: a CURRENT event adds the
 * argument to the group's state, an EXPIRED one removes it; either way the aggregate after the change is the value.
 * RESET rows give null (the selector drops the states itself). With no argument the aggregator sees null, with
 * several an Object[] of their values.
 */
final class AggregateEvaluator implements Evaluator {
    private static final long serialVersionUID = 1L;

    private final Aggregator aggregator;
    private final int slot;
    private final Evaluator[] arguments;
    private final String name;

    AggregateEvaluator(Aggregator aggregator, int slot, Evaluator[] arguments, String name) {
        this.aggregator = aggregator;
        this.slot = slot;
        this.arguments = arguments;
        this.name = name;
    }

    @Override
    public Object evaluate(Row row) {
        AggregationRow aggregationRow = (AggregationRow) row;
        switch (aggregationRow.eventType()) {
            case CURRENT:
                return aggregator.add(aggregationRow.aggregatorState(slot), argument(row));
            case EXPIRED:
                return aggregator.remove(aggregationRow.aggregatorState(slot), argument(row));
            default:
                return null;
        }
    }

    private Object argument(Row row) {
        switch (arguments.length) {
            case 0:
                return null;
            case 1:
                return arguments[0].evaluate(row);
            default:
                Object[] values = new Object[arguments.length];
                for (int i = 0; i < values.length; i++) {
                    values[i] = arguments[i].evaluate(row);
                }
                return values;
        }
    }

    @Override
    public AttributeType type() {
        return aggregator.type();
    }

    @Override
    public String toString() {
        return name + "#" + slot;
    }
}
