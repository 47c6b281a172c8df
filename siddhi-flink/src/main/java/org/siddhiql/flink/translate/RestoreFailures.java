package org.siddhiql.flink.translate;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.util.SerializedThrowable;
import org.siddhiql.flink.operator.IncompatibleStateException;

/**
 * Turns the failure of a job restored from a savepoint of an edited app into one line for the user, when the edit
 * is what failed it: state the new app cannot read ({@link IncompatibleStateException}), or state of an operator the
 * new app no longer has (Flink refuses to drop it unless told to).
 */
public final class RestoreFailures {
    /** Flink's words when a savepoint holds state of an operator (a uid) the new job graph does not have. */
    private static final Pattern UNMAPPED_OPERATOR =
            Pattern.compile("Cannot map checkpoint/savepoint state for operator (\\w+) to the new program");

    private RestoreFailures() {
    }

    /** What went wrong and what to do, if {@code failure} comes from an incompatible app edit. */
    public static Optional<String> explain(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IncompatibleStateException || cause instanceof SerializedThrowable
                    && IncompatibleStateException.class.getName()
                            .equals(((SerializedThrowable) cause).getOriginalErrorClassName())) {
                return Optional.of(cause.getMessage());
            }
            Matcher unmapped = UNMAPPED_OPERATOR.matcher(String.valueOf(cause.getMessage()));
            if (unmapped.find()) {
                return Optional.of("the savepoint holds state of an operator this app no longer has (operator id "
                        + unmapped.group(1) + "): a query that ran in an operator of its own, or a partition, was "
                        + "removed or renamed (unnamed queries are named by their position). Rerun with "
                        + "--allow-non-restored-state to drop that state, or undo the edit");
            }
        }
        return Optional.empty();
    }
}
