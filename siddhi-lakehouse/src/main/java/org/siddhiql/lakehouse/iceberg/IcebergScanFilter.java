package org.siddhiql.lakehouse.iceberg;

import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.siddhiql.compiler.connector.ScanPredicate;

/** A {@link ScanPredicate} as an Iceberg scan filter, which prunes files and row groups by their statistics. */
public final class IcebergScanFilter {
    private IcebergScanFilter() {
    }

    public static Expression of(ScanPredicate predicate) {
        if (predicate instanceof ScanPredicate.And and) {
            return and.operands().stream().map(IcebergScanFilter::of).reduce(Expressions::and).orElseThrow();
        }
        if (predicate instanceof ScanPredicate.Or or) {
            return or.operands().stream().map(IcebergScanFilter::of).reduce(Expressions::or).orElseThrow();
        }
        if (predicate instanceof ScanPredicate.IsNull isNull) {
            return Expressions.isNull(isNull.column());
        }
        if (predicate instanceof ScanPredicate.NotNull notNull) {
            return Expressions.notNull(notNull.column());
        }
        ScanPredicate.Comparison comparison = (ScanPredicate.Comparison) predicate;
        String column = comparison.column();
        Object value = comparison.value();
        switch (comparison.operator()) {
            case EQUAL: return Expressions.equal(column, value);
            case NOT_EQUAL: return Expressions.notEqual(column, value);
            case LESS_THAN: return Expressions.lessThan(column, value);
            case LESS_THAN_OR_EQUAL: return Expressions.lessThanOrEqual(column, value);
            case GREATER_THAN: return Expressions.greaterThan(column, value);
            default: return Expressions.greaterThanOrEqual(column, value);
        }
    }
}
