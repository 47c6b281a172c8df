package org.siddhiql.compiler.function;

import java.io.Serializable;
import java.util.List;
import org.siddhiql.compiler.expression.Evaluator;

/** Builds the evaluator of a scalar function call from its compiled arguments. */
@FunctionalInterface
public interface ScalarFunctionFactory extends Serializable {
    /**
     * @param arguments the compiled arguments, in call order
     * @return the evaluator of the call
     * @throws IllegalArgumentException with a user-facing reason when the arguments do not fit (count, types)
     */
    Evaluator create(List<Evaluator> arguments);
}
