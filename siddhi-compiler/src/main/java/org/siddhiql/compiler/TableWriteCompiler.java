package org.siddhiql.compiler;

import io.siddhi.query.api.execution.query.output.stream.DeleteStream;
import io.siddhi.query.api.execution.query.output.stream.InsertIntoStream;
import io.siddhi.query.api.execution.query.output.stream.OutputStream;
import io.siddhi.query.api.execution.query.output.stream.UpdateOrInsertStream;
import io.siddhi.query.api.execution.query.output.stream.UpdateSet;
import io.siddhi.query.api.execution.query.output.stream.UpdateStream;
import io.siddhi.query.api.expression.Expression;
import io.siddhi.query.api.expression.Variable;
import java.util.Set;
import java.util.TreeMap;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.expression.ExpressionCompiler;
import org.siddhiql.compiler.expression.KeyEqualities;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.table.TableSpec;
import org.siddhiql.runtime.table.TableWrite;

/**
 * Plans how a query writes its table: {@code insert into}, {@code delete ... on}, {@code update ... [set] on} and
 * {@code update or insert into ... [set] on}, checked as Siddhi checks them.
 */
final class TableWriteCompiler {
    private final ExpressionCompiler expressions;

    TableWriteCompiler(ExpressionCompiler expressions) {
        this.expressions = expressions;
    }

    static boolean isTableWrite(OutputStream output) {
        return output instanceof DeleteStream || output instanceof UpdateStream
                || output instanceof UpdateOrInsertStream;
    }

    /** @param output the query's output attributes, which the write's expressions read unqualified */
    TableWrite compile(OutputStream stream, TableSpec table, StreamSchema output) {
        WriteScope on = new WriteScope(output, table.schema(), "on");
        if (stream instanceof InsertIntoStream) {
            requireSameShape(stream, table, output);
            return TableWrite.insert(table);
        }
        if (stream instanceof DeleteStream) {
            Expression condition = ((DeleteStream) stream).getOnDeleteExpression();
            return TableWrite.delete(table, condition(condition, on, stream), keyLookup(condition, table, on, true));
        }
        if (stream instanceof UpdateStream) {
            UpdateStream update = (UpdateStream) stream;
            TreeMap<Integer, Evaluator> set = set(update.getUpdateSet(), stream, table, output);
            Expression condition = update.getOnUpdateExpression();
            return TableWrite.update(table, condition(condition, on, stream), positions(set),
                    set.values().toArray(new Evaluator[0]), keyLookup(condition, table, on, true));
        }
        UpdateOrInsertStream upsert = (UpdateOrInsertStream) stream;
        requireSameShape(stream, table, output);
        TreeMap<Integer, Evaluator> set = set(upsert.getUpdateSet(), stream, table, output);
        Expression condition = upsert.getOnUpdateExpression();
        return TableWrite.updateOrInsert(table, condition(condition, on, stream), positions(set),
                set.values().toArray(new Evaluator[0]), keyLookup(condition, table, on, false));
    }

    private static void requireSameShape(OutputStream stream, TableSpec table, StreamSchema output) {
        if (!table.schema().sameShape(output)) {
            throw new CompileException(SourcePosition.of(stream), "table '" + table.name() + "' is defined as "
                    + table.schema() + " but the query inserts " + output.renamed(table.name()));
        }
    }

    private Evaluator condition(Expression condition, WriteScope scope, OutputStream stream) {
        if (condition == null) {
            throw new CompileException(SourcePosition.of(stream), "an 'on' condition is required");
        }
        return expressions.compileCondition(condition, scope);
    }

    /**
     * The assignments by table attribute position: Siddhi keeps them in a hash map keyed by position, so they apply
     * in position order and a later assignment of one attribute replaces an earlier one. Without a set clause,
     * every output attribute is assigned to the table attribute of its name.
     */
    private TreeMap<Integer, Evaluator> set(UpdateSet updateSet, OutputStream stream, TableSpec table,
            StreamSchema output) {
        StreamSchema schema = table.schema();
        WriteScope scope = new WriteScope(output, schema, "set");
        TreeMap<Integer, Evaluator> assignments = new TreeMap<>();
        if (updateSet == null) {
            for (int i = 0; i < output.size(); i++) {
                String name = output.attributeName(i);
                int position = schema.indexOf(name);
                if (position < 0) {
                    throw new CompileException(SourcePosition.of(stream), "output attribute '" + name + "' is not "
                            + "an attribute of table " + schema + " (an update without 'set' assigns every output "
                            + "attribute)");
                }
                Variable value = new Variable(name);
                assignments.put(position, typed(expressions.compile(value, scope), position, schema, stream));
            }
            return assignments;
        }
        for (UpdateSet.SetAttribute assignment : updateSet.getSetAttributeList()) {
            Variable target = assignment.getTableVariable();
            if (target.getStreamId() != null && !target.getStreamId().equals(table.name())) {
                throw new CompileException(SourcePosition.of(target), "'" + target.getStreamId() + "."
                        + target.getAttributeName() + "' is not an attribute of table '" + table.name() + "'");
            }
            int position = schema.indexOf(target.getAttributeName());
            if (position < 0) {
                throw new CompileException(SourcePosition.of(target), "attribute '" + target.getAttributeName()
                        + "' is not defined in table " + schema);
            }
            Evaluator value = expressions.compile(assignment.getAssignmentExpression(), scope);
            assignments.put(position, typed(value, position, schema,
                    assignment.getAssignmentExpression()));
        }
        return assignments;
    }

    /** Siddhi stores the value as computed; a value of another type would change the attribute's type. */
    private static Evaluator typed(Evaluator value, int position, StreamSchema table,
            io.siddhi.query.api.SiddhiElement at) {
        AttributeType type = table.attributeType(position);
        if (value.type() != type) {
            throw new CompileException(SourcePosition.of(at), "cannot set " + type.siddhiName() + " attribute '"
                    + table.attributeName(position) + "' of table '" + table.name() + "' to a "
                    + value.type().siddhiName() + " value");
        }
        return value;
    }

    /**
     * When the condition is exactly the primary key's equality (see {@link KeyEqualities}), the values the key must
     * equal, read from the event, in key order; else null. Siddhi takes this shape for a key lookup (and, for update
     * or insert, an overwrite).
     *
     * @param sameTypes whether each value must have its key attribute's type, so that it finds what Siddhi's map
     *     lookup finds; an overwrite reads the key from the event instead
     */
    private Evaluator[] keyLookup(Expression condition, TableSpec table, WriteScope scope, boolean sameTypes) {
        WriteScope eventOnly = scope.outputOnly();
        return KeyEqualities.compile(KeyEqualities.of(condition, table, Set.of(table.name())), table,
                value -> expressions.compile(value, eventOnly), sameTypes);
    }

    private static int[] positions(TreeMap<Integer, Evaluator> set) {
        return set.keySet().stream().mapToInt(Integer::intValue).toArray();
    }
}
