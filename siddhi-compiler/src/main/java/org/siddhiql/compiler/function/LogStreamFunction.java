package org.siddhiql.compiler.function;

import java.util.List;
import java.util.Locale;
import org.siddhiql.compiler.expression.ConstantEvaluator;
import org.siddhiql.compiler.expression.Evaluator;
import org.siddhiql.compiler.expression.Row;
import org.siddhiql.compiler.schema.AttributeType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Siddhi's {@code #log(...)} stream function: logs each event passing through and passes it on unchanged. It runs
 * in a query's chain of filters (always true), so it sits exactly where the app puts it, before or after the window.
 * The argument forms are Siddhi's: {@code ()}, {@code (message)}, {@code (isEventLogged)},
 * {@code (message, isEventLogged)}, {@code (priority, message)} and {@code (priority, message, isEventLogged)};
 * priority is one of INFO, DEBUG, WARN, FATAL (logged as error), ERROR, OFF, TRACE.
 */
public final class LogStreamFunction implements Evaluator {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(LogStreamFunction.class);
    private static final List<String> PRIORITIES = List.of("INFO", "DEBUG", "WARN", "FATAL", "ERROR", "OFF", "TRACE");

    private final String prefix;
    private final Evaluator priority; // null: INFO
    private final Evaluator message; // null: the event only
    private final Evaluator eventLogged; // null: true

    private LogStreamFunction(String prefix, Evaluator priority, Evaluator message, Evaluator eventLogged) {
        this.prefix = prefix;
        this.priority = priority;
        this.message = message;
        this.eventLogged = eventLogged;
    }

    /**
     * @param prefix what each line starts with (the query's name)
     * @throws IllegalArgumentException when the arguments fit none of Siddhi's forms
     */
    public static LogStreamFunction of(String prefix, List<Evaluator> args) {
        switch (args.size()) {
            case 0:
                return new LogStreamFunction(prefix, null, null, null);
            case 1:
                if (args.get(0).type() == AttributeType.STRING) {
                    return new LogStreamFunction(prefix, null, args.get(0), null);
                }
                if (args.get(0).type() == AttributeType.BOOL) {
                    return new LogStreamFunction(prefix, null, null, args.get(0));
                }
                throw new IllegalArgumentException("#log(x) expects a string message or a bool is.event.logged, got "
                        + args.get(0).type().siddhiName());
            case 2:
                expect(args.get(0), AttributeType.STRING, "its first argument (message or priority)");
                if (args.get(1).type() == AttributeType.BOOL) {
                    return new LogStreamFunction(prefix, null, args.get(0), args.get(1));
                }
                expect(args.get(1), AttributeType.STRING, "its second argument (is.event.logged or message)");
                return new LogStreamFunction(prefix, priority(args.get(0)), args.get(1), null);
            case 3:
                expect(args.get(0), AttributeType.STRING, "priority");
                expect(args.get(1), AttributeType.STRING, "message");
                expect(args.get(2), AttributeType.BOOL, "is.event.logged");
                return new LogStreamFunction(prefix, priority(args.get(0)), args.get(1), args.get(2));
            default:
                throw new IllegalArgumentException("#log takes at most 3 arguments (priority, message, "
                        + "is.event.logged), got " + args.size());
        }
    }

    private static void expect(Evaluator arg, AttributeType type, String what) {
        if (arg.type() != type) {
            throw new IllegalArgumentException("#log expects " + what + " as " + type.siddhiName() + ", got "
                    + arg.type().siddhiName());
        }
    }

    /** A constant priority is checked now; a computed one when it is evaluated. */
    private static Evaluator priority(Evaluator priority) {
        if (priority instanceof ConstantEvaluator) {
            String name = String.valueOf(((ConstantEvaluator) priority).value()).toUpperCase(Locale.ROOT);
            if (!PRIORITIES.contains(name)) {
                throw new IllegalArgumentException("#log priority '" + name + "' is not one of " + PRIORITIES);
            }
        }
        return priority;
    }

    @Override
    public Object evaluate(Row row) {
        boolean withEvent = eventLogged == null || Boolean.TRUE.equals(eventLogged.evaluate(row));
        String text = message == null ? null : String.valueOf(message.evaluate(row));
        String line = prefix + ": " + (text == null ? row : withEvent ? text + ", " + row : text);
        log(priority == null ? "INFO" : String.valueOf(priority.evaluate(row)).toUpperCase(Locale.ROOT), line);
        return Boolean.TRUE;
    }

    private static void log(String priority, String line) {
        switch (priority) {
            case "INFO": LOG.info(line); break;
            case "DEBUG": LOG.debug(line); break;
            case "WARN": LOG.warn(line); break;
            case "FATAL": case "ERROR": LOG.error(line); break;
            case "TRACE": LOG.trace(line); break;
            case "OFF": break;
            default: throw new IllegalArgumentException("#log priority '" + priority + "' is not one of " + PRIORITIES);
        }
    }

    @Override
    public AttributeType type() {
        return AttributeType.BOOL;
    }
}
