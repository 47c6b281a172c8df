package org.siddhiql.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Table;
import io.delta.kernel.Transaction;
import io.delta.kernel.TransactionBuilder;
import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.internal.data.DefaultColumnarBatch;
import io.delta.kernel.defaults.internal.data.vector.DefaultGenericVector;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.lakehouse.delta.DeltaEngines;
import org.siddhiql.lakehouse.delta.DeltaSchemas;

/**
 * Lands the events of an events file in Delta tables, one per stream ({@code ROOT/<stream>}, lower case), with
 * Kernel's own transaction API (independently of the project's Delta sink), one Parquet file per stream and commit,
 * its rows in reverse order, as {@link EventTables} does for Iceberg.
 */
final class DeltaEventTables {
    private final Path root;
    private final AppPlan plan;
    private final Engine engine = DeltaEngines.create(Map.of());
    private final Map<String, Long> versions = new LinkedHashMap<>();

    DeltaEventTables(Path root, AppPlan plan) {
        this.root = root;
        this.plan = plan;
    }

    static String address(Path root, String stream) {
        return "delta:" + root.resolve(stream.toLowerCase(Locale.ROOT));
    }

    /** @return the version of each stream's table after the commit */
    Map<String, Long> commit(List<JsonNode> events) throws Exception {
        Map<String, List<JsonNode>> byStream = new LinkedHashMap<>();
        for (JsonNode event : events) {
            byStream.computeIfAbsent(event.get("stream").asText(), s -> new ArrayList<>()).add(0, event);
        }
        for (Map.Entry<String, List<JsonNode>> stream : byStream.entrySet()) {
            String path = root.resolve(stream.getKey().toLowerCase(Locale.ROOT)).toString();
            versions.put(stream.getKey(), append(path, plan.stream(stream.getKey()), stream.getValue()));
        }
        return new LinkedHashMap<>(versions);
    }

    private long append(String path, StreamSchema stream, List<JsonNode> events) throws Exception {
        Table table = Table.forPath(engine, path);
        boolean exists;
        try {
            table.getLatestSnapshot(engine);
            exists = true;
        } catch (TableNotFoundException e) {
            exists = false;
        }
        StructType schema = DeltaSchemas.toDelta(stream);
        TransactionBuilder builder = table.createTransactionBuilder(engine, "siddhiql-tests",
                exists ? Operation.WRITE : Operation.CREATE_TABLE);
        if (!exists) {
            builder = builder.withSchema(engine, schema);
        }
        Transaction transaction = builder.build(engine);
        Row state = transaction.getTransactionState(engine);
        ColumnVector[] columns = new ColumnVector[schema.length()];
        for (int c = 0; c < columns.length; c++) {
            Object[] values = new Object[events.size()];
            for (int r = 0; r < values.length; r++) {
                values[r] = EventTables.value(events.get(r).get("data").get(c), stream, c);
            }
            columns[c] = DefaultGenericVector.fromArray(schema.at(c).getDataType(), values);
        }
        FilteredColumnarBatch batch = new FilteredColumnarBatch(
                new DefaultColumnarBatch(events.size(), schema, columns), Optional.empty());
        CloseableIterator<FilteredColumnarBatch> physical = Transaction.transformLogicalData(engine, state,
                Utils.singletonCloseableIterator(batch), Map.of());
        DataWriteContext context = Transaction.getWriteContext(engine, state, Map.of());
        CloseableIterator<DataFileStatus> files = engine.getParquetHandler()
                .writeParquetFiles(context.getTargetDirectory(), physical, context.getStatisticsColumns());
        CloseableIterator<Row> actions = Transaction.generateAppendActions(engine, state, files, context);
        return transaction.commit(engine, CloseableIterable.inMemoryIterable(actions)).getVersion();
    }
}
