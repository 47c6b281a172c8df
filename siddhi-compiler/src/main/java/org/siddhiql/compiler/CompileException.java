package org.siddhiql.compiler;

/**
 * A SiddhiQL app that cannot be compiled, with the position (1-based line and column) of the element at fault. The
 * message never includes a stack trace: {@link #format(String)} is what a user sees.
 */
public class CompileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String reason;

    public CompileException(int line, int column, String reason) {
        super(line + ":" + column + ": " + reason);
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public CompileException(SourcePosition position, String reason) {
        this(position.line(), position.column(), reason);
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }

    /** {@code FILE:LINE:COLUMN: reason}, the form compilers and editors understand. */
    public String format(String sourceName) {
        return sourceName + ":" + line + ":" + column + ": " + reason;
    }
}
