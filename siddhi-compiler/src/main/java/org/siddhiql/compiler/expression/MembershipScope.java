package org.siddhiql.compiler.expression;

import io.siddhi.query.api.expression.Variable;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.SourcePosition;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.aggregate.Aggregator;
import org.siddhiql.runtime.table.TableMembership;

/**
 * The names inside {@code cond in T}: {@code T.x} is the candidate row's attribute; every other name is the
 * enclosing clause's (as in Siddhi, a plain name is never the table's).
 */
final class MembershipScope implements Scope {
    private final Scope outer;
    private final StreamSchema table;

    MembershipScope(Scope outer, StreamSchema table) {
        this.outer = outer;
        this.table = table;
    }

    @Override
    public ResolvedAttribute resolve(Variable variable) {
        if (table.name().equals(variable.getStreamId())) {
            return tableAttribute(variable);
        }
        return outer.resolve(variable);
    }

    private ResolvedAttribute tableAttribute(Variable variable) {
        int index = table.indexOf(variable.getAttributeName());
        if (index < 0) {
            throw new CompileException(SourcePosition.of(variable), "attribute '" + variable.getAttributeName()
                    + "' is not defined in table " + table);
        }
        return new ResolvedAttribute(TableMembership.TABLE_SLOT, index, table.attributeType(index));
    }

    @Override
    public boolean allowsAggregators() {
        return false;
    }

    @Override
    public int addAggregator(Aggregator aggregator) {
        throw new IllegalStateException("no aggregators inside 'in'");
    }

    @Override
    public String clause() {
        return outer.clause();
    }

    @Override
    public boolean allowsTableMembership() {
        return outer.allowsTableMembership();
    }
}
