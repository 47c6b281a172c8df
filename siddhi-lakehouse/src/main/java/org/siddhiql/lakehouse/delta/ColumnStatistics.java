package org.siddhiql.lakehouse.delta;

import io.delta.kernel.expressions.Column;
import io.delta.kernel.expressions.Literal;
import io.delta.kernel.statistics.DataFileStatistics;
import io.delta.kernel.types.StructType;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;

/**
 * Delta's per-file statistics of a data file, gathered while it is written: the record count, and per data column
 * its null count and its minimum and maximum, which readers use to skip files. A column that holds NaN gets no bounds
 * (NaN orders above every number in Delta, and is not worth the special case); booleans get none, as Delta keeps none.
 */
final class ColumnStatistics {
    private final StreamSchema stream;
    private final int[] indexes;
    private final Comparable<Object>[] min;
    private final Comparable<Object>[] max;
    private final long[] nulls;
    private final boolean[] unbounded;
    private long records;

    @SuppressWarnings("unchecked")
    ColumnStatistics(StreamSchema stream, int[] indexes) {
        this.stream = stream;
        this.indexes = indexes.clone();
        this.min = new Comparable[indexes.length];
        this.max = new Comparable[indexes.length];
        this.nulls = new long[indexes.length];
        this.unbounded = new boolean[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            unbounded[i] = stream.attributeType(indexes[i]) == AttributeType.BOOL;
        }
    }

    @SuppressWarnings("unchecked")
    void add(Object[] values) {
        records++;
        for (int i = 0; i < indexes.length; i++) {
            Object value = values[indexes[i]];
            if (value == null) {
                nulls[i]++;
            } else if (!unbounded[i]) {
                if (value instanceof Double && ((Double) value).isNaN()
                        || value instanceof Float && ((Float) value).isNaN()) {
                    unbounded[i] = true;
                    continue;
                }
                Comparable<Object> comparable = (Comparable<Object>) value;
                if (min[i] == null || comparable.compareTo(min[i]) < 0) {
                    min[i] = comparable;
                }
                if (max[i] == null || comparable.compareTo(max[i]) > 0) {
                    max[i] = comparable;
                }
            }
        }
    }

    long records() {
        return records;
    }

    /** Delta's {@code stats} JSON of what was added. */
    String toJson(StructType tableSchema) {
        Map<Column, Literal> minValues = new HashMap<>();
        Map<Column, Literal> maxValues = new HashMap<>();
        Map<Column, Long> nullCounts = new HashMap<>();
        for (int i = 0; i < indexes.length; i++) {
            Column column = new Column(stream.attributeName(indexes[i]));
            nullCounts.put(column, nulls[i]);
            if (!unbounded[i] && min[i] != null) {
                AttributeType type = stream.attributeType(indexes[i]);
                minValues.put(column, literal(type, min[i]));
                maxValues.put(column, literal(type, max[i]));
            }
        }
        return new DataFileStatistics(records, minValues, maxValues, nullCounts, Optional.empty())
                .serializeAsJson(tableSchema);
    }

    static Literal literal(AttributeType type, Object value) {
        switch (type) {
            case STRING: return Literal.ofString((String) value);
            case INT: return Literal.ofInt((Integer) value);
            case LONG: return Literal.ofLong((Long) value);
            case FLOAT: return Literal.ofFloat((Float) value);
            case DOUBLE: return Literal.ofDouble((Double) value);
            case BOOL: return Literal.ofBoolean((Boolean) value);
            default: throw new IllegalArgumentException("no Delta literal for " + type);
        }
    }
}
