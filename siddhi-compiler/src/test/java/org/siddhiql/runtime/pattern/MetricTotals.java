package org.siddhiql.runtime.pattern;

import org.siddhiql.runtime.query.QueryMetrics;

/** Sums what a query reports, as a backend's gauges and counter do. */
final class MetricTotals implements QueryMetrics {
    long partialMatches;
    long stateBytes;
    long matches;

    @Override
    public void partialMatchesChanged(long delta) {
        partialMatches += delta;
    }

    @Override
    public void stateBytesChanged(long delta) {
        stateBytes += delta;
    }

    @Override
    public void matched(long count) {
        matches += count;
    }
}
