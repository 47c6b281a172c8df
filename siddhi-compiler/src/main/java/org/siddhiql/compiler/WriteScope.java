package org.siddhiql.compiler;

import io.siddhi.query.api.expression.Variable;
import org.siddhiql.compiler.expression.ResolvedAttribute;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.table.WriteRow;

/**
 * The names in a table write's {@code on} condition and {@code set} values: {@code T.x} is the table row's
 * attribute; a plain name is the query's output attribute (as in Siddhi, never the table's).
 */
final class WriteScope extends ClauseScope {
    private final StreamSchema output;
    private final StreamSchema table;
    /** Whether the table is out of sight: a primary key's value must be known before any row is read. */
    private final boolean outputOnly;

    WriteScope(StreamSchema output, StreamSchema table, String clause) {
        this(output, table, clause, false);
    }

    private WriteScope(StreamSchema output, StreamSchema table, String clause, boolean outputOnly) {
        super(clause, null, false);
        this.output = output;
        this.table = table;
        this.outputOnly = outputOnly;
    }

    /** The same names without the table's. */
    WriteScope outputOnly() {
        return new WriteScope(output, table, clause(), true);
    }

    /** siddhi-core 5.1 fails on {@code in T} over several events; see {@link Scope#allowsTableMembership()}. */
    @Override
    public boolean allowsTableMembership() {
        return false;
    }

    @Override
    public ResolvedAttribute resolve(Variable variable) {
        String name = variable.getAttributeName();
        String streamId = variable.getStreamId();
        if (table.name().equals(streamId)) {
            int index = table.indexOf(name);
            if (outputOnly) {
                throw new CompileException(SourcePosition.of(variable), "a key value reads the table");
            }
            if (index < 0) {
                throw new CompileException(SourcePosition.of(variable), "attribute '" + name + "' is not defined in "
                        + "table " + table);
            }
            return new ResolvedAttribute(WriteRow.TABLE_SLOT, index, table.attributeType(index));
        }
        if (streamId != null) {
            throw new CompileException(SourcePosition.of(variable), "'" + streamId + "' is not visible in a table "
                    + "write's '" + clause() + "' clause: it reads table '" + table.name() + "' and, unqualified, "
                    + "the query's output attributes");
        }
        int index = output.indexOf(name);
        if (index < 0) {
            throw new CompileException(SourcePosition.of(variable), "attribute '" + name + "' is not an output "
                    + "attribute of the query (" + String.join(", ", output.attributeNames()) + ")"
                    + (table.indexOf(name) < 0 ? "" : "; the table's is read as " + table.name() + "." + name));
        }
        return new ResolvedAttribute(WriteRow.EVENT_SLOT, index, output.attributeType(index));
    }
}
