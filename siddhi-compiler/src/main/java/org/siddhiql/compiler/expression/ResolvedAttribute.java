package org.siddhiql.compiler.expression;

import org.siddhiql.compiler.schema.AttributeType;

/** Where a variable reads from: a stream of the row and an attribute of that stream. */
public final class ResolvedAttribute {
    private final int streamIndex;
    private final int attributeIndex;
    /** {@link #position()} of a plain reference: the row's own choice of event in the slot. */
    public static final int DEFAULT_EVENT = Integer.MAX_VALUE;
    /** {@link #position()} asking for the list of the attribute's values over all events of the slot. */
    public static final int ALL_EVENTS = Integer.MIN_VALUE;

    private final AttributeType type;
    private final int position;

    public ResolvedAttribute(int streamIndex, int attributeIndex, AttributeType type) {
        this(streamIndex, attributeIndex, type, DEFAULT_EVENT);
    }

    /** @param position which event of a multi-event slot, see {@link Row#get(int, int, int)} */
    public ResolvedAttribute(int streamIndex, int attributeIndex, AttributeType type, int position) {
        this.streamIndex = streamIndex;
        this.attributeIndex = attributeIndex;
        this.type = type;
        this.position = position;
    }

    public int position() {
        return position;
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
