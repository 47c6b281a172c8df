package org.siddhiql.lakehouse.delta;

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
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Commits rows to a Delta table with Kernel's own transaction API, independently of the project's Delta sink: a
 * table of trades {@code (symbol string, price double, volume long)} partitioned by {@code venue string}, one Parquet
 * file per commit.
 */
final class KernelCommits {
    static final StructType SCHEMA = new StructType()
            .add("symbol", StringType.STRING, true)
            .add("price", DoubleType.DOUBLE, true)
            .add("volume", LongType.LONG, true)
            .add("venue", StringType.STRING, true);

    private KernelCommits() {
    }

    /** Commits {@code rows} (symbol, price, volume) of venue {@code venue}; creates the table at the first commit. */
    static long append(Engine engine, String path, String venue, Object[]... rows) throws Exception {
        return append(engine, path, null, 0, venue, rows);
    }

    /**
     * As {@link #append(Engine, String, String, Object[]...)}, as writer {@code appId} (a Delta sink's app id) in its
     * transaction {@code transactionId} (a sink's checkpoint id), when {@code appId} is not null.
     */
    static long append(Engine engine, String path, String appId, long transactionId, String venue, Object[]... rows)
            throws Exception {
        Table table = Table.forPath(engine, path);
        boolean exists;
        try {
            table.getLatestSnapshot(engine);
            exists = true;
        } catch (io.delta.kernel.exceptions.TableNotFoundException e) {
            exists = false;
        }
        TransactionBuilder builder = table.createTransactionBuilder(engine, "siddhiql-tests",
                exists ? Operation.WRITE : Operation.CREATE_TABLE);
        if (appId != null) {
            builder = builder.withTransactionId(engine, appId, transactionId);
        }
        if (!exists) {
            builder = builder.withSchema(engine, SCHEMA).withPartitionColumns(engine, List.of("venue"));
        }
        Transaction transaction = builder.build(engine);
        Row state = transaction.getTransactionState(engine);
        Map<String, Literal> partition = Map.of("venue", Literal.ofString(venue));
        ColumnVector[] columns = new ColumnVector[SCHEMA.length()];
        for (int c = 0; c < columns.length; c++) {
            Object[] values = new Object[rows.length];
            for (int r = 0; r < rows.length; r++) {
                values[r] = c < 3 ? rows[r][c] : venue;
            }
            columns[c] = DefaultGenericVector.fromArray(SCHEMA.at(c).getDataType(), values);
        }
        FilteredColumnarBatch batch = new FilteredColumnarBatch(
                new DefaultColumnarBatch(rows.length, SCHEMA, columns), Optional.empty());
        CloseableIterator<FilteredColumnarBatch> physical = Transaction.transformLogicalData(engine, state,
                Utils.singletonCloseableIterator(batch), partition);
        DataWriteContext context = Transaction.getWriteContext(engine, state, partition);
        CloseableIterator<DataFileStatus> files = engine.getParquetHandler()
                .writeParquetFiles(context.getTargetDirectory(), physical, context.getStatisticsColumns());
        CloseableIterator<Row> actions = Transaction.generateAppendActions(engine, state, files, context);
        return transaction.commit(engine, CloseableIterable.inMemoryIterable(actions)).getVersion();
    }

    static Object[] trade(String symbol, double price, long volume) {
        return new Object[] {symbol, price, volume};
    }
}
