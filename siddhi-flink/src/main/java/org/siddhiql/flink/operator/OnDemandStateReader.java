package org.siddhiql.flink.operator;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.AggregatingState;
import org.apache.flink.api.common.state.AggregatingStateDescriptor;
import org.apache.flink.api.common.state.KeyedStateStore;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReducingState;
import org.apache.flink.api.common.state.ReducingStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.api.OperatorIdentifier;
import org.apache.flink.state.api.SavepointReader;
import org.apache.flink.state.api.functions.KeyedStateReaderFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.Collector;
import org.siddhiql.compiler.plan.OnDemandSource;
import org.siddhiql.flink.translate.FlinkTranslator;
import org.siddhiql.flink.typeutils.EventTypeInfo;
import org.siddhiql.runtime.event.Event;

/**
 * Reads what an on-demand query reads (a table's rows, an aggregation's buckets) out of a savepoint or retained
 * checkpoint with Flink's State Processor API. Tables and aggregations are keyed state of the sequential operator;
 * this reader declares their state exactly as the running job does ({@link OnDemandSource#declare} on
 * {@link FlinkStateProvider}), so the state names and serializers are the job's by construction.
 */
public final class OnDemandStateReader extends KeyedStateReaderFunction<String, Event> {
    private static final long serialVersionUID = 1L;

    private final OnDemandSource source;
    private transient OnDemandSource.Rows rows;

    private OnDemandStateReader(OnDemandSource source) {
        this.source = source;
    }

    /** The source's rows in its order, read from the snapshot at {@code path} in a local job. */
    public static List<Event> read(String path, OnDemandSource source) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1); // one key holds the rows; one reader keeps their order
        SavepointReader savepoint = SavepointReader.read(env, path, new HashMapStateBackend());
        List<Event> result = new ArrayList<>();
        try (CloseableIterator<Event> rows = savepoint.readKeyedState(
                OperatorIdentifier.forUid(FlinkTranslator.SEQUENTIAL_UID), new OnDemandStateReader(source),
                Types.STRING, EventTypeInfo.of(source.schema())).executeAndCollect("read " + source.name())) {
            rows.forEachRemaining(result::add);
        }
        return result;
    }

    @Override
    public void open(Configuration parameters) {
        rows = source.declare(new FlinkStateProvider(new ContextStateStore(getRuntimeContext())));
    }

    @Override
    public void readKey(String key, Context context, Collector<Event> out) {
        rows.read().forEach(out::collect);
    }

    /** The reader's runtime context, which declares keyed state as an operator's state store does. */
    private static final class ContextStateStore implements KeyedStateStore {
        private final RuntimeContext context;

        ContextStateStore(RuntimeContext context) {
            this.context = context;
        }

        @Override
        public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
            return context.getState(descriptor);
        }

        @Override
        public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
            return context.getListState(descriptor);
        }

        @Override
        public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
            return context.getReducingState(descriptor);
        }

        @Override
        public <I, A, O> AggregatingState<I, O> getAggregatingState(AggregatingStateDescriptor<I, A, O> descriptor) {
            return context.getAggregatingState(descriptor);
        }

        @Override
        public <K, V> MapState<K, V> getMapState(MapStateDescriptor<K, V> descriptor) {
            return context.getMapState(descriptor);
        }
    }
}
