package org.siddhiql.compiler.expression;

import io.siddhi.query.api.expression.Expression;
import io.siddhi.query.api.expression.Variable;
import io.siddhi.query.api.expression.condition.And;
import io.siddhi.query.api.expression.condition.Compare;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.siddhiql.compiler.CompileException;
import org.siddhiql.runtime.table.TableSpec;

/**
 * Recognises a condition that is exactly a table's primary key equality: {@code T.k == expr}, or one such
 * comparison per attribute of a composite key joined by {@code and}. Siddhi answers that shape by a key lookup,
 * and we then find the row through the table's key map instead of a scan.
 */
public final class KeyEqualities {
    private KeyEqualities() {
    }

    /**
     * The expressions the key attributes must equal, in key order, or null when the condition has another shape.
     * The caller still checks that each reads no table attribute.
     *
     * @param tableNames the names the condition knows the table by (its id, and an alias in a join)
     */
    public static List<Expression> of(Expression condition, TableSpec table, Set<String> tableNames) {
        int[] key = table.primaryKey();
        List<Compare> comparisons = new ArrayList<>();
        if (key.length == 0 || !equalities(condition, comparisons) || comparisons.size() != key.length) {
            return null;
        }
        Expression[] values = new Expression[key.length];
        for (Compare compare : comparisons) {
            Variable attribute = tableAttribute(compare.getLeftExpression(), tableNames);
            Expression value = compare.getRightExpression();
            if (attribute == null) {
                attribute = tableAttribute(compare.getRightExpression(), tableNames);
                value = compare.getLeftExpression();
            }
            if (attribute == null) {
                return null;
            }
            int slot = indexOf(key, table.schema().indexOf(attribute.getAttributeName()));
            if (slot < 0 || values[slot] != null) {
                return null;
            }
            values[slot] = value;
        }
        return List.of(values);
    }

    /**
     * The key values of {@link #of} compiled by {@code compile}, which must refuse (throw) a value that reads the
     * table; null when one does, or, with {@code sameTypes}, when a value's type is not its key attribute's (a map
     * lookup of another type finds nothing in Siddhi).
     */
    public static Evaluator[] compile(List<Expression> values, TableSpec table, Function<Expression, Evaluator> compile,
            boolean sameTypes) {
        if (values == null) {
            return null;
        }
        Evaluator[] key = new Evaluator[values.size()];
        for (int i = 0; i < key.length; i++) {
            try {
                key[i] = compile.apply(values.get(i));
            } catch (CompileException e) {
                return null; // the value reads the table
            }
            if (sameTypes && key[i].type() != table.schema().attributeType(table.primaryKey()[i])) {
                return null;
            }
        }
        return key;
    }

    private static boolean equalities(Expression condition, List<Compare> comparisons) {
        if (condition instanceof And) {
            return equalities(((And) condition).getLeftExpression(), comparisons)
                    && equalities(((And) condition).getRightExpression(), comparisons);
        }
        if (condition instanceof Compare && ((Compare) condition).getOperator() == Compare.Operator.EQUAL) {
            comparisons.add((Compare) condition);
            return true;
        }
        return false;
    }

    private static Variable tableAttribute(Expression side, Set<String> tableNames) {
        return side instanceof Variable && tableNames.contains(((Variable) side).getStreamId())
                ? (Variable) side : null;
    }

    private static int indexOf(int[] key, int position) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] == position) {
                return i;
            }
        }
        return -1;
    }
}
