package org.siddhiql.compiler.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.expression.ConstantEvaluator;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.runtime.event.Event;

/** {@code #log(...)} takes Siddhi's argument forms and lets every event through. */
class LogStreamFunctionTest {
    private static final Evaluator MESSAGE = new ConstantEvaluator("seen", AttributeType.STRING);
    private static final Evaluator WARN = new ConstantEvaluator("warn", AttributeType.STRING);
    private static final Evaluator NO_EVENT = new ConstantEvaluator(false, AttributeType.BOOL);

    @Test
    void everyArgumentFormPassesTheEventThrough() {
        Event event = new Event(5, new Object[] {"a", 1});
        for (List<Evaluator> args : List.of(List.<Evaluator>of(), List.of(MESSAGE), List.of(NO_EVENT),
                List.of(MESSAGE, NO_EVENT), List.of(WARN, MESSAGE), List.of(WARN, MESSAGE, NO_EVENT))) {
            assertEquals(Boolean.TRUE, LogStreamFunction.of("q", args).evaluate(event), args.toString());
        }
    }

    @Test
    void refusesWhatSiddhiRefuses() {
        Evaluator number = new ConstantEvaluator(1.5, AttributeType.DOUBLE);
        assertEquals("#log(x) expects a string message or a bool is.event.logged, got double",
                assertThrows(IllegalArgumentException.class, () -> LogStreamFunction.of("q", List.of(number)))
                        .getMessage());
        Evaluator loud = new ConstantEvaluator("loud", AttributeType.STRING);
        assertEquals("#log priority 'LOUD' is not one of [INFO, DEBUG, WARN, FATAL, ERROR, OFF, TRACE]",
                assertThrows(IllegalArgumentException.class, () -> LogStreamFunction.of("q", List.of(loud, MESSAGE)))
                        .getMessage());
    }
}
