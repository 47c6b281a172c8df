package org.siddhiql.compiler.expression;

/**
 * What an expression reads from: the events of the streams a query refers to. A single-stream query reads one event
 * (stream index 0); joins and patterns read several.
 */
public interface Row {
    Object get(int streamIndex, int attributeIndex);

    /** The timestamp of one of the row's events. */
    long timestamp(int streamIndex);

    /** The timestamp of the event being processed. */
    long timestamp();

    /**
     * One attribute of one event of a slot that may hold several events (a pattern's counted step, {@code e1[2].v}):
     * {@code position} counts from the first event when {@code >= 0} and from the end when negative (-1 is the
     * last); {@link ResolvedAttribute#ALL_EVENTS} asks for the list of the attribute over all events. Rows holding
     * one event per slot answer position 0 and -1 with that event.
     */
    default Object get(int streamIndex, int position, int attributeIndex) {
        if (position == ResolvedAttribute.ALL_EVENTS) {
            java.util.List<Object> values = new java.util.ArrayList<>(1);
            values.add(get(streamIndex, attributeIndex));
            return values;
        }
        return position == 0 || position == -1 ? get(streamIndex, attributeIndex) : null;
    }
}
