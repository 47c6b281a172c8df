package org.siddhiql.lakehouse;

import java.util.List;

/**
 * What {@link LakehouseTable#expire} did.
 *
 * @param expired the version ids no longer readable
 * @param keptForJobs version ids older than the cut-off kept because a job committed them last
 */
public record Expiry(List<Long> expired, List<Long> keptForJobs) {
    public Expiry {
        expired = List.copyOf(expired);
        keptForJobs = List.copyOf(keptForJobs);
    }
}
