package org.siddhiql.compiler.expression;

import java.io.Serializable;
import org.siddhiql.compiler.schema.AttributeType;

/**
 * A compiled expression. Evaluators are built once at compile time, shipped with the job, and evaluated per event;
 * they hold no per-event or per-key state (aggregators keep theirs in managed state through the selector).
 */
public interface Evaluator extends Serializable {
    /** The value, boxed in the Java class of {@link #type()}, or null. */
    Object evaluate(Row row);

    AttributeType type();
}
