package org.siddhiql.lakehouse.delta;

import io.delta.kernel.DataWriteContext;
import io.delta.kernel.Operation;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.Transaction;
import io.delta.kernel.data.Row;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.exceptions.ConcurrentTransactionException;
import io.delta.kernel.exceptions.TableAlreadyExistsException;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.hook.PostCommitHook;
import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.transaction.DataLayoutSpec;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterable;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.DataFileStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds data files to a Delta table, all files of one commit in one transaction. A transaction carries the sink's
 * application id and a transaction version ({@code txn} action); a version the table already has for the id is not
 * committed again, which makes a commit repeated after a restart a no-op.
 */
public final class DeltaTableCommitter {
    private static final Logger LOG = LoggerFactory.getLogger(DeltaTableCommitter.class);
    static final String ENGINE_INFO = "SiddhiQL Delta sink";

    private final Engine engine;
    private final DeltaSinkSettings settings;
    private final StructType schema;

    public DeltaTableCommitter(Engine engine, DeltaSinkSettings settings) {
        this.engine = engine;
        this.settings = settings;
        this.schema = settings.tableSchema();
    }

    /**
     * Creates the table, with the stream's attributes as columns and the sink's partition columns, unless it exists;
     * an existing table must have exactly those.
     *
     * @throws IllegalArgumentException saying how the existing table differs
     */
    public void createOrCheckTable() {
        Optional<Snapshot> existing = latest();
        if (existing.isEmpty()) {
            try {
                TableManager.buildCreateTableTransaction(settings.path(), schema, ENGINE_INFO)
                        .withDataLayoutSpec(settings.partitionColumns().isEmpty() ? DataLayoutSpec.noDataLayout()
                                : DataLayoutSpec.partitioned(settings.partitionColumns().stream()
                                        .map(Column::new).toList()))
                        .build(engine)
                        .commit(engine, CloseableIterable.emptyIterable());
                return;
            } catch (TableAlreadyExistsException e) {
                existing = latest(); // created meanwhile by another writer: it must fit as well
            }
        }
        checkLayout(existing.orElseThrow());
    }

    /**
     * Checks that an existing table has the stream's columns and the sink's partition columns.
     *
     * @throws IllegalArgumentException saying how it differs
     */
    void checkLayout(Snapshot table) {
        List<String> expected = describe(schema);
        List<String> actual = describe(table.getSchema());
        if (!expected.equals(actual)) {
            throw new IllegalArgumentException("the Delta table at '" + settings.path() + "' has columns " + actual
                    + ", but stream '" + settings.stream().name() + "' writes " + expected);
        }
        if (!table.getPartitionColumnNames().equals(settings.partitionColumns())) {
            throw new IllegalArgumentException("the Delta table at '" + settings.path() + "' is partitioned by "
                    + table.getPartitionColumnNames() + ", but the sink partitions by "
                    + settings.partitionColumns() + " (partition.by)");
        }
    }

    /** The table's latest version, or empty when there is no table at the path. */
    Optional<Snapshot> latest() {
        try {
            return Optional.of(TableManager.loadSnapshot(settings.path()).build(engine));
        } catch (TableNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The last transaction version the table has for the sink's application id. */
    public OptionalLong lastTransactionVersion() {
        Optional<Long> version = latest().flatMap(table -> table.getLatestTransactionVersion(engine,
                settings.appId()));
        return version.map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    /**
     * Adds {@code files} to the table in one transaction with {@code transactionVersion}, unless the table already
     * has that transaction version (or a later one) for the sink's application id.
     *
     * @return the table version committed, or empty when the transaction was committed before
     */
    public OptionalLong commit(long transactionVersion, List<DeltaDataFile> files) throws IOException {
        Snapshot table = TableManager.loadSnapshot(settings.path()).build(engine);
        Optional<Long> last = table.getLatestTransactionVersion(engine, settings.appId());
        if (last.isPresent() && last.get() >= transactionVersion) {
            return OptionalLong.empty();
        }
        Transaction transaction;
        try {
            transaction = table.buildUpdateTableTransaction(ENGINE_INFO, Operation.STREAMING_UPDATE)
                    .withTransactionId(settings.appId(), transactionVersion)
                    .build(engine);
        } catch (ConcurrentTransactionException e) {
            return OptionalLong.empty(); // committed by now, by a committer that overlapped with this one
        }
        return OptionalLong.of(commit(transaction, files));
    }

    /** Adds {@code files} in one transaction without a transaction id: for runs without checkpoints to recover. */
    public long commitOnce(List<DeltaDataFile> files) throws IOException {
        Snapshot table = TableManager.loadSnapshot(settings.path()).build(engine);
        return commit(table.buildUpdateTableTransaction(ENGINE_INFO, Operation.WRITE).build(engine), files);
    }

    private long commit(Transaction transaction, List<DeltaDataFile> files) throws IOException {
        Row state = transaction.getTransactionState(engine);
        List<Row> actions = new ArrayList<>();
        for (Map.Entry<List<String>, List<DataFileStatus>> partition : byPartition(files).entrySet()) {
            DataWriteContext context = Transaction.getWriteContext(engine, state, literals(partition.getKey()));
            try (CloseableIterator<Row> adds = Transaction.generateAppendActions(engine, state,
                    iterator(partition.getValue().iterator()), context)) {
                adds.forEachRemaining(actions::add);
            }
        }
        var result = transaction.commit(engine, CloseableIterable.inMemoryIterable(iterator(actions.iterator())));
        for (PostCommitHook hook : result.getPostCommitHooks()) {
            try {
                hook.threadSafeInvoke(engine); // a log checkpoint, a checksum: the commit stands without them
            } catch (IOException | RuntimeException e) {
                LOG.warn("Delta table '{}': post-commit {} of version {} failed", settings.path(), hook.getType(),
                        result.getVersion(), e);
            }
        }
        return result.getVersion();
    }

    private Map<List<String>, List<DataFileStatus>> byPartition(List<DeltaDataFile> files) {
        Map<List<String>, List<DataFileStatus>> partitions = new LinkedHashMap<>();
        for (DeltaDataFile file : files) {
            Optional<DataFileStatistics> statistics = file.statistics() == null ? Optional.empty()
                    : DataFileStatistics.deserializeFromJson(file.statistics(), schema);
            partitions.computeIfAbsent(file.partitionValues(), key -> new ArrayList<>())
                    .add(new DataFileStatus(file.path(), file.size(), file.modificationTime(), statistics));
        }
        return partitions;
    }

    private Map<String, Literal> literals(List<String> values) {
        Map<String, Literal> literals = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            String column = settings.partitionColumns().get(i);
            literals.put(column, DeltaPartitions.literal(schema.get(column).getDataType(), values.get(i)));
        }
        return literals;
    }

    /** {@code name type} of each column, the shape a table and a stream must share. */
    private static List<String> describe(StructType schema) {
        List<String> columns = new ArrayList<>();
        for (StructField field : schema.fields()) {
            columns.add(field.getName() + " " + field.getDataType());
        }
        return columns;
    }

    private static <T> CloseableIterator<T> iterator(Iterator<T> items) {
        return new CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return items.hasNext();
            }

            @Override
            public T next() {
                return items.next();
            }

            @Override
            public void close() {
            }
        };
    }
}
