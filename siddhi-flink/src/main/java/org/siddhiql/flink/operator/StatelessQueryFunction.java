package org.siddhiql.flink.operator;

import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.fault.EngineFailure;
import org.siddhiql.runtime.fault.StreamFaults;
import org.siddhiql.runtime.query.QueryContext;
import org.siddhiql.runtime.query.QueryKernel;

/**
 * A query with neither window, aggregation nor rate limit: filter and project each event where it arrives, at any
 * parallelism. The planner only routes stateless queries here, so the kernel never asks for state or timers.
 */
public final class StatelessQueryFunction extends ProcessFunction<Event, Event> {
    private static final long serialVersionUID = 1L;

    private final QueryPlan plan;
    private transient QueryKernel kernel;
    private transient Counter droppedEvents;
    private transient Counter eventsIn;
    private transient Counter eventsOut;
    private transient Counter errors;

    public StatelessQueryFunction(QueryPlan plan) {
        if (plan.isStateful()) {
            throw new IllegalArgumentException("query '" + plan.name() + "' keeps state");
        }
        this.plan = plan;
    }

    @Override
    public void open(OpenContext openContext) {
        kernel = plan.instantiate(NoState.INSTANCE);
        droppedEvents = getRuntimeContext().getMetricGroup().counter(QueryGraphOperator.DROPPED_EVENTS_METRIC);
        // the counters a query has in a QueryGraphOperator; a stateless query has no window and no latency histogram
        MetricGroup query = getRuntimeContext().getMetricGroup().addGroup(QueryMetricGroup.GROUP, plan.name());
        eventsIn = query.counter(QueryMetricGroup.EVENTS_IN);
        eventsOut = query.counter(QueryMetricGroup.EVENTS_OUT);
        errors = query.counter(QueryMetricGroup.ERRORS);
    }

    /**
     * A failure is logged and counted, and the event dropped, as Siddhi does on a stream without a fault stream (the
     * planner keeps readers of streams with one in the sequential part).
     */
    @Override
    public void processElement(Event event, Context ctx, Collector<Event> out) {
        eventsIn.inc();
        try {
            process(event, ctx, out);
        } catch (EngineFailure e) {
            throw e;
        } catch (RuntimeException failure) {
            StreamFaults.logDropped(plan.input().name(), List.of(event), failure);
            errors.inc();
            droppedEvents.inc();
        }
    }

    private void process(Event event, Context ctx, Collector<Event> out) {
        kernel.onEvent(event, new QueryContext() {
            @Override
            public long currentTime() {
                return ctx.timerService().currentWatermark();
            }

            @Override
            public long appStartTime() {
                throw new IllegalStateException("stateless query '" + plan.name() + "' has no output rate");
            }

            @Override
            public void scheduleAt(long time) {
                throw new IllegalStateException("stateless query '" + plan.name() + "' asked for a timer");
            }

            @Override
            public void emit(List<Event> chunk) {
                eventsOut.inc(chunk.size());
                try {
                    chunk.forEach(out::collect);
                } catch (RuntimeException e) {
                    throw new EngineFailure("emitting the output of query '" + plan.name() + "' failed", e);
                }
            }
        });
    }
}
