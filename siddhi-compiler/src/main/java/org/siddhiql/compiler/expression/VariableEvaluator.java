package org.siddhiql.compiler.expression;

import org.siddhiql.compiler.schema.AttributeType;

/** Reads one attribute of one of the row's events. */
final class VariableEvaluator implements Evaluator {
    private static final long serialVersionUID = 1L;

    private final int streamIndex;
    private final int attributeIndex;
    private final AttributeType type;
    private final String name;

    VariableEvaluator(ResolvedAttribute attribute, String name) {
        this.streamIndex = attribute.streamIndex();
        this.attributeIndex = attribute.attributeIndex();
        this.type = attribute.type();
        this.name = name;
    }

    @Override
    public Object evaluate(Row row) {
        return row.get(streamIndex, attributeIndex);
    }

    @Override
    public AttributeType type() {
        return type;
    }

    @Override
    public String toString() {
        return name;
    }
}
