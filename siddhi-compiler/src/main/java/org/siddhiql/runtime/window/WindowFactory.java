package org.siddhiql.runtime.window;

import io.siddhi.query.api.expression.Expression;
import java.io.Serializable;
import java.util.List;

/** Validates a window's parameters and builds its spec. */
@FunctionalInterface
public interface WindowFactory extends Serializable {
    /**
     * @throws IllegalArgumentException with a user-facing reason (wrong parameter count, type or value)
     */
    WindowSpec create(List<Expression> parameters, WindowCompileContext context);
}
