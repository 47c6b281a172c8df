package org.siddhiql.compiler.expression;

import org.siddhiql.compiler.schema.AttributeType;

/** Reads one attribute of one of the row's events. */
final class VariableEvaluator implements Evaluator {
    private static final long serialVersionUID = 1L;

    private final int streamIndex;
    private final int attributeIndex;
    private final AttributeType type;
    private final int position;
    private final String name;

    VariableEvaluator(ResolvedAttribute attribute, String name) {
        this.streamIndex = attribute.streamIndex();
        this.attributeIndex = attribute.attributeIndex();
        this.type = attribute.type();
        this.position = attribute.position();
        this.name = name;
    }

    @Override
    public Object evaluate(Row row) {
        return position == ResolvedAttribute.DEFAULT_EVENT ? row.get(streamIndex, attributeIndex)
                : row.get(streamIndex, position, attributeIndex);
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
