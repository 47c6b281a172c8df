package org.siddhiql.cli;

/** A problem with what the user gave us (app, events, options): reported as one line, without a stack trace. */
final class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message);
    }
}
