package org.siddhiql.runtime.ratelimit;

/**
 * Raised where Siddhi 5.1.21's own limiter throws while processing a chunk (an out-of-range index or a null value in
 * its expired-event comparison). Siddhi then drops the whole chunk: nothing of it is output, the rest of it is not
 * processed, and state changed before the failure stays changed. Kernels catch this and do the same.
 */
final class SiddhiFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SiddhiFailure(String message) {
        super(message, null, false, false);
    }
}
