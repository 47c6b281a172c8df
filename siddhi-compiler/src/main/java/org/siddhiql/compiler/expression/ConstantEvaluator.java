package org.siddhiql.compiler.expression;

import java.util.Objects;
import org.siddhiql.compiler.schema.AttributeType;

/**
 * A literal of the query text. Functions that take "static" parameters (cast, convert, default, window parameters)
 * recognise literals by this class, as Siddhi recognises its constant executors: an expression such as {@code 1 + 1}
 * is not a literal.
 */
public final class ConstantEvaluator implements Evaluator {
    private static final long serialVersionUID = 1L;

    private final Object value;
    private final AttributeType type;

    public ConstantEvaluator(Object value, AttributeType type) {
        this.value = value;
        this.type = Objects.requireNonNull(type);
    }

    public Object value() {
        return value;
    }

    @Override
    public Object evaluate(Row row) {
        return value;
    }

    @Override
    public AttributeType type() {
        return type;
    }

    @Override
    public String toString() {
        return type == AttributeType.STRING ? "'" + value + "'" : String.valueOf(value);
    }
}
