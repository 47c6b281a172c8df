package org.siddhiql.lakehouse.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.connector.ScanPredicate;
import org.siddhiql.compiler.connector.ScanPredicate.Comparison;
import org.siddhiql.compiler.connector.ScanPredicate.Operator;

class IcebergScanFilterTest {
    @Test
    void translatesEachPredicateIntoTheIcebergExpression() {
        assertEquals("ref(name=\"price\") > 10.0", translated(new Comparison("price", Operator.GREATER_THAN, 10.0)));
        assertEquals("ref(name=\"qty\") <= 5", translated(new Comparison("qty", Operator.LESS_THAN_OR_EQUAL, 5)));
        assertEquals("ref(name=\"volume\") >= 7", translated(new Comparison("volume", Operator.GREATER_THAN_OR_EQUAL,
                7L)));
        assertEquals("ref(name=\"ratio\") < 0.5", translated(new Comparison("ratio", Operator.LESS_THAN, 0.5f)));
        assertEquals("ref(name=\"symbol\") != \"IBM\"", translated(new Comparison("symbol", Operator.NOT_EQUAL,
                "IBM")));
        assertEquals("ref(name=\"urgent\") == true", translated(new Comparison("urgent", Operator.EQUAL, true)));
        assertEquals("is_null(ref(name=\"symbol\"))", translated(new ScanPredicate.IsNull("symbol")));
        assertEquals("not_null(ref(name=\"symbol\"))", translated(new ScanPredicate.NotNull("symbol")));
    }

    @Test
    void keepsTheShapeOfConjunctionsAndDisjunctions() {
        ScanPredicate ibm = new Comparison("symbol", Operator.EQUAL, "IBM");
        ScanPredicate dear = new Comparison("price", Operator.GREATER_THAN, 100.0);
        ScanPredicate big = new Comparison("volume", Operator.GREATER_THAN, 10L);
        assertEquals("(ref(name=\"symbol\") == \"IBM\" or (ref(name=\"price\") > 100.0 and ref(name=\"volume\") > 10))",
                translated(new ScanPredicate.Or(List.of(ibm, new ScanPredicate.And(List.of(dear, big))))));
        assertEquals("((ref(name=\"symbol\") == \"IBM\" and ref(name=\"price\") > 100.0) and ref(name=\"volume\") > 10)",
                translated(new ScanPredicate.And(List.of(ibm, dear, big))));
    }

    private static String translated(ScanPredicate predicate) {
        return IcebergScanFilter.of(predicate).toString();
    }
}
