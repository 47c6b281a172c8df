package org.siddhiql.beam.runtime;

import java.util.List;
import java.util.Set;
import org.siddhiql.compiler.plan.PartitionPlan;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.fault.StreamFaults;
import org.siddhiql.runtime.query.IdlePurge;
import org.siddhiql.runtime.query.QueryGraphKernel;
import org.siddhiql.runtime.query.StreamContext;
import org.siddhiql.runtime.state.RecordingStateProvider;
import org.siddhiql.runtime.state.StateProvider;

/**
 * One part of an app inside {@link AppGraphFn}, matching one operator of the Flink translation: the queries outside
 * partitions, one partition (its kernels run once per partition key, each key a sub-key of the state), or the
 * queries reading partitions' outputs. Each has its own timers, fired per sub-key as the app's clock passes them.
 */
final class GraphStage {
    private final String name;
    private final QueryGraphKernel kernel;
    private final PartitionPlan partition;
    private final IdlePurge purge;
    private final KernelTimers timers;
    private final BeamStateProvider state;

    private GraphStage(String name, QueryGraphKernel kernel, PartitionPlan partition, IdlePurge purge,
            BeamStateProvider state) {
        this.name = name;
        this.kernel = kernel;
        this.partition = partition;
        this.purge = purge;
        this.state = state;
        this.timers = new KernelTimers(state, name);
    }

    /** Queries on the app's global sub-key. */
    static GraphStage global(String name, List<QueryPlan> queries, Set<String> exported, StreamFaults faults,
            BeamStateProvider state) {
        return new GraphStage(name, new QueryGraphKernel(queries, exported, faults, state), null, null, state);
    }

    /** A partition's queries, on one sub-key per partition key. */
    static GraphStage partition(String name, PartitionPlan partition, Set<String> exported, StreamFaults faults,
            BeamStateProvider state) {
        StateProvider kernelState = state;
        IdlePurge purge = null;
        if (partition.purge() != null) {
            RecordingStateProvider recording = new RecordingStateProvider(state);
            kernelState = recording;
            purge = new IdlePurge(partition.purge(), recording);
        }
        return new GraphStage(name, new QueryGraphKernel(partition.queries(), exported, faults, kernelState),
                partition, purge, state);
    }

    String name() {
        return name;
    }

    /**
     * Starts the kernel's triggers unless they have started; a no-op for graphs without triggers.
     *
     * @param liveClock whether the app runs on the wall clock, which starts periodic triggers at once
     */
    void startTriggers(StreamContext context, boolean liveClock) {
        if (kernel.hasTriggers()) {
            state.subKey(globalKey());
            kernel.startTriggers(context, liveClock);
        }
    }

    /** An event from outside the stage: to the global kernel, or to the partition keys it belongs to. */
    void onEvent(String stream, Event event, StreamContext context) {
        if (partition == null) {
            state.subKey(globalKey());
            kernel.onEvent(stream, event, context);
            return;
        }
        if (!partition.partitionedStreams().contains(stream)) {
            return;
        }
        for (String key : partition.keysOf(stream, event)) {
            state.subKey(subKeyOf(key));
            kernel.onEvent(stream, event, context);
            if (purge != null) {
                purge.touched(context);
            }
        }
    }

    /** Runs, sub-key by sub-key in time order, every timer due by {@code now}, as Flink's timer service would. */
    void fireDueTimers(long now, StreamContext context) {
        for (String subKey = timers.pollDue(now); subKey != null; subKey = timers.pollDue(now)) {
            state.subKey(subKey);
            kernel.fireDueTimers(context);
            if (purge != null) {
                purge.fireDue(context);
            }
        }
    }

    /** The earliest time a sub-key of this stage asked to be woken at, or null. */
    Long earliestTimer() {
        return timers.earliest();
    }

    /** Called by the stage's kernels (through the context) to be woken at {@code time} on the current sub-key. */
    void schedule(long time) {
        timers.schedule(time, state.subKey());
    }

    private String globalKey() {
        return name;
    }

    /** A partition key within this stage: distinct from every other stage's keys, the empty key included. */
    private String subKeyOf(String key) {
        return name + ":" + key;
    }
}
