package org.siddhiql.compiler;

import io.siddhi.query.api.SiddhiElement;

/** A 1-based line and column in the app text. */
public final class SourcePosition {
    public static final SourcePosition UNKNOWN = new SourcePosition(1, 1);

    private final int line;
    private final int column;

    public SourcePosition(int line, int column) {
        this.line = line;
        this.column = column;
    }

    /** Where the parser says an element starts; Siddhi's columns are 0-based, ours 1-based. */
    public static SourcePosition of(SiddhiElement element) {
        int[] start = element == null ? null : element.getQueryContextStartIndex();
        return start == null ? UNKNOWN : new SourcePosition(start[0], start[1] + 1);
    }

    /** The first known position among the elements, for errors about an element the parser did not locate. */
    public static SourcePosition firstOf(SiddhiElement... elements) {
        for (SiddhiElement element : elements) {
            if (element != null && element.getQueryContextStartIndex() != null) {
                return of(element);
            }
        }
        return UNKNOWN;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
