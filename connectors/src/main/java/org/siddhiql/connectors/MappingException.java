package org.siddhiql.connectors;

/** A record that does not map to an event of its stream; the message says why, for logs and fault streams. */
public final class MappingException extends Exception {
    private static final long serialVersionUID = 1L;

    public MappingException(String message) {
        super(message);
    }
}
