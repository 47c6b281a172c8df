package org.siddhiql.runtime.fault;

/**
 * A failure of the engine rather than of the app's processing of an event: the state backend or the output failed.
 * It fails the job as it would any Flink job; it never goes to a fault stream nor is it logged and skipped.
 */
public final class EngineFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
