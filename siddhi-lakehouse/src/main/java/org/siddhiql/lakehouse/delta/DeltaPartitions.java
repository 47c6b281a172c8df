package org.siddhiql.lakehouse.delta;

import io.delta.kernel.expressions.Literal;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.StringType;
import java.util.List;

/**
 * Partition values as the writers carry them to the committer: Delta's string form ({@code String.valueOf} of the
 * value, null for null), parsed back into the typed literals Kernel's transaction takes; and the Hive-style directory
 * {@code a=1/b=x} a partition's files go to, by convention, as the log alone says which partition a file is in.
 */
final class DeltaPartitions {
    /** Hive's name for the directory of a null partition value. */
    static final String NULL_DIRECTORY = "__HIVE_DEFAULT_PARTITION__";

    private DeltaPartitions() {
    }

    static Literal literal(DataType type, String value) {
        if (value == null) {
            return Literal.ofNull(type);
        } else if (type instanceof StringType) {
            return Literal.ofString(value);
        } else if (type instanceof IntegerType) {
            return Literal.ofInt(Integer.parseInt(value));
        } else if (type instanceof LongType) {
            return Literal.ofLong(Long.parseLong(value));
        } else if (type instanceof FloatType) {
            return Literal.ofFloat(Float.parseFloat(value));
        } else if (type instanceof DoubleType) {
            return Literal.ofDouble(Double.parseDouble(value));
        } else if (type instanceof BooleanType) {
            return Literal.ofBoolean(Boolean.parseBoolean(value));
        }
        throw new IllegalArgumentException("partition columns of type " + type + " are not written");
    }

    /** {@code a=1/b=x}, relative to the table's root; empty for an unpartitioned table. */
    static String directory(List<String> columns, List<String> values) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            path.append(escape(columns.get(i))).append('=')
                    .append(values.get(i) == null ? NULL_DIRECTORY : escape(values.get(i))).append('/');
        }
        return path.toString();
    }

    /** Hive's escaping of path names: the characters a path or a {@code key=value} would misread, as %XX. */
    static String escape(String name) {
        StringBuilder escaped = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            if (c < 0x20 || c == 0x7F || "\"#%'*/:=?\\{[]^".indexOf(c) >= 0) {
                escaped.append(String.format("%%%02X", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
