package org.siddhiql.flink.operator;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * A restored savepoint holds state under a name the new app also declares, in a shape the new app cannot read: the
 * app was edited in a way that changes what a query keeps. The message names the query (or table, window,
 * aggregation) and what to do; it is meant for the user as it is.
 */
public final class IncompatibleStateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    IncompatibleStateException(String stateName, Throwable cause) {
        super(owner(stateName) + " cannot restore its state '" + stateName + "' from the savepoint: the edited app "
                + "keeps it in another shape (the attributes of a stream it holds events of, its window, aggregates "
                + "or pattern changed). Rename the query to start it empty (with --allow-non-restored-state if it "
                + "ran in an operator of its own), or start the app without the savepoint", cause);
    }

    private IncompatibleStateException(String message) {
        super(message);
    }

    /** The savepoint holds state of stateful queries the edited app no longer has. */
    static IncompatibleStateException ofRemovedQueries(Collection<String> queries) {
        return new IncompatibleStateException("the savepoint holds state of "
                + (queries.size() == 1 ? "query " : "queries ")
                + queries.stream().map(q -> "'" + q + "'").collect(Collectors.joining(", "))
                + ", which this app no longer has (removed, or renamed: unnamed queries are named by their position)."
                + " Rerun with --allow-non-restored-state to drop that state, or undo the edit");
    }

    /** Who declared the state: state names start with their query's name, or are a shared {@code kind:owner}. */
    private static String owner(String stateName) {
        if (stateName.startsWith("shared:")) {
            String[] kindAndOwner = stateName.substring("shared:".length()).split(":", 2);
            return kindAndOwner.length == 2 ? kindAndOwner[0] + " '" + kindAndOwner[1].split("\\.")[0] + "'"
                    : "shared state";
        }
        int dot = stateName.indexOf('.');
        return "query '" + (dot < 0 ? stateName : stateName.substring(0, dot)) + "'";
    }
}
