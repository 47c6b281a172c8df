package org.siddhiql.runtime.window;

import java.io.Serializable;
import java.text.ParseException;
import java.util.Date;
import org.quartz.CronExpression;

/**
 * A Quartz cron expression ({@code sec min hour day-of-month month day-of-week [year]}), as Siddhi's cron triggers
 * and cron window read it. Siddhi hands these strings to Quartz, so this class evaluates them with Quartz's own
 * {@link CronExpression} (only that class is used; none of the scheduler), in the JVM's default time zone as Siddhi
 * does: the same string means the same instants in both.
 */
public final class CronSchedule implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String expression;
    private transient CronExpression parsed;

    private CronSchedule(String expression, CronExpression parsed) {
        this.expression = expression;
        this.parsed = parsed;
    }

    /** @throws IllegalArgumentException when Quartz rejects the expression, with its reason */
    public static CronSchedule parse(String expression) {
        try {
            return new CronSchedule(expression, new CronExpression(expression));
        } catch (ParseException e) {
            throw new IllegalArgumentException("invalid cron expression '" + expression + "': " + e.getMessage());
        }
    }

    /** The first instant strictly after {@code time} that the expression matches, or {@link Long#MAX_VALUE} if none. */
    public long nextAfter(long time) {
        if (parsed == null) {
            parsed = parse(expression).parsed;
        }
        Date next = parsed.getNextValidTimeAfter(new Date(time));
        return next == null ? Long.MAX_VALUE : next.getTime();
    }

    public String expression() {
        return expression;
    }
}
