package org.siddhiql.runtime.aggregation;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.expression.Row;
import org.siddhiql.runtime.event.Event;

/**
 * A read of an aggregation by a join: its {@code within} bounds and {@code per} duration, evaluated on each arriving
 * event of the other side, select the rows {@link AggregationStore#find} returns.
 */
public final class AggregationRead implements Serializable {
    private static final long serialVersionUID = 1L;

    private final AggregationSpec aggregation;
    private final Evaluator withinStart;
    /** The end bound, or null when the within clause is one time pattern. */
    private final Evaluator withinEnd;
    private final Evaluator per;

    public AggregationRead(AggregationSpec aggregation, Evaluator withinStart, Evaluator withinEnd, Evaluator per) {
        this.aggregation = aggregation;
        this.withinStart = withinStart;
        this.withinEnd = withinEnd;
        this.per = per;
    }

    public AggregationSpec aggregation() {
        return aggregation;
    }

    /** The rows for the event {@code trigger}, each stamped with the trigger's time as Siddhi's join does. */
    public List<Event> find(AggregationStore store, Row trigger, long timestamp) {
        long[] range = range(trigger);
        List<Event> rows = new ArrayList<>();
        for (Object[] row : store.find(range[0], range[1], duration(trigger))) {
            rows.add(new Event(timestamp, row));
        }
        return rows;
    }

    /**
     * The {@code [start, end)} range of the within clause for the event {@code trigger}.
     *
     * @throws IllegalArgumentException when the bounds are no times or the start is not before the end
     */
    public long[] range(Row trigger) {
        return withinEnd == null ? WithinRange.of(String.valueOf(withinStart.evaluate(trigger)))
                : WithinRange.of(withinStart.evaluate(trigger), withinEnd.evaluate(trigger));
    }

    /**
     * The per duration for the event {@code trigger}.
     *
     * @throws IllegalArgumentException when the per value names no duration
     */
    public BucketDuration duration(Row trigger) {
        Object perValue = per.evaluate(trigger);
        BucketDuration duration = perValue == null ? null : BucketDuration.ofPer(perValue.toString());
        if (duration == null) {
            throw new IllegalArgumentException("the per value of a read of aggregation '" + aggregation.name()
                    + "' must be one of seconds, minutes, hours, days, months, years, but is " + perValue);
        }
        return duration;
    }
}
