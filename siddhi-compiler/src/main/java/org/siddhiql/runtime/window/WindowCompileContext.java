package org.siddhiql.runtime.window;

import io.siddhi.query.api.expression.Expression;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.expression.Scope;
import org.siddhiql.compiler.schema.StreamSchema;

/** What a window factory may use to validate its parameters. */
public interface WindowCompileContext {
    /** The schema of the events entering the window. */
    StreamSchema input();

    /** Compiles a parameter against the input stream (attribute references and constants). */
    Evaluator compile(Expression parameter);

    /**
     * Compiles the condition of an expression window in a scope the window defines: the window resolves attribute
     * references to the rows it evaluates ({@code first.price}, {@code last.price}, the event itself) and allows
     * aggregators ({@code count()}, {@code sum(price)}), whose states it keeps and hands back through
     * {@link org.siddhiql.compiler.expression.AggregationRow}. Contexts that cannot do this refuse expression windows.
     *
     * @throws IllegalArgumentException when the expression does not compile
     */
    default Evaluator compile(Expression expression, Scope scope) {
        throw new IllegalArgumentException("expression windows need the expression compiler, which this context lacks");
    }

    /**
     * What the query's select clause copies from the window's input, output attribute by output attribute: the input
     * attribute's position for a plain attribute reference, -1 for anything computed; null for {@code select *} (or
     * when unknown). Siddhi's frequent and lossyFrequent windows, given no key attribute, key on exactly these values
     * (computed ones read as "null"), because that is what its events carry at the window.
     */
    default int[] selectedInputAttributes() {
        return null;
    }

    /** True when the query outputs expired events, so batch windows must also emit the batch they expire. */
    boolean outputExpectsExpiredEvents();

    /**
     * True when a join finds in the window: batch windows then keep what they emit for the join to search, as
     * Siddhi's keep their expired-event queue.
     */
    default boolean findable() {
        return false;
    }
}
