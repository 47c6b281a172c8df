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
import org.siddhiql.flink.translate.FlinkTranslator;
import org.siddhiql.flink.typeutils.EventTypeInfo;
import org.siddhiql.runtime.event.Event;
import org.siddhiql.runtime.table.SharedTableState;
import org.siddhiql.runtime.table.TableRows;
import org.siddhiql.runtime.table.TableSpec;

/**
 * Reads a table's rows out of a savepoint or retained checkpoint with Flink's State Processor API. The rows are
 * keyed state of the sequential operator; this reader declares them exactly as the running job does
 * ({@link TableSpec#instantiate} on {@link FlinkStateProvider}), so the state names and serializers are the job's by
 * construction.
 */
public final class TableStateReader extends KeyedStateReaderFunction<String, Event> {
    private static final long serialVersionUID = 1L;

    private final TableSpec table;
    private transient TableRows rows;

    private TableStateReader(TableSpec table) {
        this.table = table;
    }

    /** The table's rows in insertion order, read from the snapshot at {@code path} in a local job. */
    public static List<Event> read(String path, TableSpec table) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1); // one key holds the rows; one reader keeps their order
        SavepointReader savepoint = SavepointReader.read(env, path, new HashMapStateBackend());
        List<Event> result = new ArrayList<>();
        try (CloseableIterator<Event> rows = savepoint.readKeyedState(
                OperatorIdentifier.forUid(FlinkTranslator.SEQUENTIAL_UID), new TableStateReader(table),
                Types.STRING, EventTypeInfo.of(table.schema())).executeAndCollect("read table " + table.name())) {
            rows.forEachRemaining(result::add);
        }
        return result;
    }

    @Override
    public void open(Configuration parameters) {
        rows = table.instantiate(new SharedTableState(new FlinkStateProvider(new ContextStateStore(
                getRuntimeContext()))));
    }

    @Override
    public void readKey(String key, Context context, Collector<Event> out) {
        rows.contents().forEach(out::collect);
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
