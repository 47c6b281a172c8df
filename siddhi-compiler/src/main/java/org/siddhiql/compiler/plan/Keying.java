package org.siddhiql.compiler.plan;

/** How a query's state is distributed over parallel instances. */
public enum Keying {
    /** No state: events are processed wherever they arrive. */
    NONE,
    /** State per group-by key: groups are spread over parallel instances and rescale with the key groups. */
    GROUP_BY,
    /**
     * The state is one whole (a length window, a batch, a global aggregate): the query runs on one key, so on one
     * parallel instance, whatever the parallelism.
     */
    GLOBAL
}
