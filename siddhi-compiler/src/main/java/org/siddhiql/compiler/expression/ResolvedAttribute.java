package org.siddhiql.compiler.expression;

import org.siddhiql.compiler.schema.AttributeType;

/** Where a variable reads from: a stream of the row and an attribute of that stream. */
public final class ResolvedAttribute {
    private final int streamIndex;
    private final int attributeIndex;
    private final AttributeType type;

    public ResolvedAttribute(int streamIndex, int attributeIndex, AttributeType type) {
        this.streamIndex = streamIndex;
        this.attributeIndex = attributeIndex;
        this.type = type;
    }

    public int streamIndex() {
        return streamIndex;
    }

    public int attributeIndex() {
        return attributeIndex;
    }

    public AttributeType type() {
        return type;
    }
}
