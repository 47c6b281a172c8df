package org.siddhiql.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.functions.source.RichSourceFunction;
import org.apache.flink.util.TemporaryClassLoaderContext;
import org.siddhiql.flink.operator.TaggedEvent;
import org.siddhiql.lakehouse.LakehouseTable;
import org.siddhiql.lakehouse.LakehouseTables;
import org.siddhiql.lakehouse.TableAddress;

/**
 * The rows of every table of a replay as events, in event-time order: a bounded source that ends after the last
 * row, like the events file of {@code run --events}.
 *
 * <p>A table's rows come in its scan order, not in commit or time order, so the source sorts: it reads the rows of
 * all tables into one list on the task running it (parallelism 1) and sorts it by event time with a stable sort, so
 * that events of the same time keep the {@code --from} order, then each table's row order. The memory limit is
 * therefore all replayed rows on one task's heap; an external merge sort would lift it.
 */
@SuppressWarnings("deprecation") // SourceFunction: a bounded run over a list, as StdinSource and ReplaySource are
final class TableReplaySource extends RichSourceFunction<TaggedEvent> {
    private static final long serialVersionUID = 1L;

    private final List<TableInput> inputs;
    private final HashMap<String, String> options;
    private transient volatile boolean running;

    TableReplaySource(List<TableInput> inputs, Map<String, String> options) {
        this.inputs = List.copyOf(inputs);
        this.options = new HashMap<>(options);
    }

    @Override
    public void run(SourceContext<TaggedEvent> context) {
        running = true;
        List<TaggedEvent> events = new ArrayList<>();
        // Hadoop's shared S3A pool threads (Delta on s3://) take the context class loader of the thread that starts
        // them: the library's, not this job's, which is closed when the job ends (see DeltaTable)
        try (TemporaryClassLoaderContext ignored =
                TemporaryClassLoaderContext.of(LakehouseTable.class.getClassLoader())) {
            for (TableInput input : inputs) {
                TableAddress address = TableAddress.parse(input.address());
                try (LakehouseTable table = LakehouseTables.open(address, options);
                        Stream<Object[]> rows = table.rows(table.resolve(address.asOf()))) {
                    rows.forEach(row -> events.add(input.event(row)));
                }
            }
        }
        events.sort(Comparator.comparingLong(event -> event.event().timestamp())); // stable: ties keep input order
        for (TaggedEvent event : events) {
            if (!running) {
                return;
            }
            synchronized (context.getCheckpointLock()) {
                context.collect(event);
            }
        }
    }

    @Override
    public void cancel() {
        running = false;
    }
}
