package org.siddhiql.runtime.join;

import java.io.Serializable;
import java.util.List;
import org.siddhiql.compiler.expression.Evaluator;

/** A compiled join of two windowed streams: the sides (slot 0 left, 1 right) and the {@code on} condition. */
public final class JoinSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    private final JoinSide left;
    private final JoinSide right;
    private final Evaluator condition;
    private final boolean expiredOn;

    /**
     * @param condition the {@code on} condition over a two-slot row, or null for a cross join
     * @param expiredOn whether the query outputs expired events (a side without window then emits them too)
     */
    public JoinSpec(JoinSide left, JoinSide right, Evaluator condition, boolean expiredOn) {
        this.left = left;
        this.right = right;
        this.condition = condition;
        this.expiredOn = expiredOn;
    }

    public JoinSide left() {
        return left;
    }

    public JoinSide right() {
        return right;
    }

    /** The condition, or null when every pair matches. */
    public Evaluator condition() {
        return condition;
    }

    public boolean expiredOn() {
        return expiredOn;
    }

    /** The streams read, each once (a self join reads one), left first; a table side reads none. */
    public List<String> inputStreams() {
        if (left.isStored()) {
            return List.of(right.stream());
        }
        if (right.isStored()) {
            return List.of(left.stream());
        }
        return left.stream().equals(right.stream()) ? List.of(left.stream())
                : List.of(left.stream(), right.stream());
    }
}
