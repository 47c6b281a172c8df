package org.siddhiql.runtime.fault;

import java.io.Serializable;
import java.util.Objects;

/**
 * The value of a fault event's {@code _error} attribute: what failed, kept as text. Siddhi hands the exception itself
 * to fault-stream queries; an exception is neither a stable value to checkpoint nor one to compare, so the engine
 * keeps its class and message instead, and writes it as {@code {"error":"<message>"}} (FORMAT.md).
 */
public final class ProcessingError implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String type;
    private final String message;

    public ProcessingError(String type, String message) {
        this.type = Objects.requireNonNull(type);
        this.message = message == null ? type : message;
    }

    public static ProcessingError of(Throwable failure) {
        return new ProcessingError(failure.getClass().getName(), failure.getMessage());
    }

    /** The class name of the exception that was thrown. */
    public String type() {
        return type;
    }

    /** The exception's message, or its class name when it had none. */
    public String message() {
        return message;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProcessingError && ((ProcessingError) o).type.equals(type)
                && ((ProcessingError) o).message.equals(message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, message);
    }

    @Override
    public String toString() {
        return type + ": " + message;
    }
}
