package org.siddhiql.runtime.aggregation;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;

/**
 * The {@code [start, end)} range of a {@code within} clause, as Siddhi reads it: two bounds, each epoch millis or a
 * {@code yyyy-MM-dd HH:mm:ss [+hh:mm]} time; or one time with its finest fields written as {@code *}, meaning the whole
 * second, minute, hour, day, month or year it names (UTC).
 */
public final class WithinRange {
    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";
    private static final Pattern GMT = Pattern.compile(DATE + " \\d{2}:\\d{2}:\\d{2}");
    private static final Pattern OFFSET = Pattern.compile(DATE + " \\d{2}:\\d{2}:\\d{2} [+-]\\d{2}:\\d{2}");
    /** Per duration, finest first: the single-time pattern naming one bucket of it. */
    private static final Pattern[] WILDCARDS = {
        GMT,
        Pattern.compile(DATE + " \\d{2}:\\d{2}:\\*\\*"),
        Pattern.compile(DATE + " \\d{2}:\\*\\*:\\*\\*"),
        Pattern.compile(DATE + " \\*\\*:\\*\\*:\\*\\*"),
        Pattern.compile("\\d{4}-\\d{2}-\\*\\* \\*\\*:\\*\\*:\\*\\*"),
        Pattern.compile("\\d{4}-\\*\\*-\\*\\* \\*\\*:\\*\\*:\\*\\*"),
    };

    private WithinRange() {
    }

    /** The range of a two-bound clause; each bound a Long or a String. */
    public static long[] of(Object start, Object end) {
        long from = bound(start);
        long to = bound(end);
        if (from >= to) {
            throw new IllegalArgumentException("the start time must be less than the end time in the within clause, "
                    + "but the start is " + from + " and the end " + to);
        }
        return new long[] {from, to};
    }

    /** The range of a one-time clause such as {@code "2017-06-** **:**:**"}. */
    public static long[] of(String pattern) {
        String text = pattern.trim();
        for (int i = 0; i < WILDCARDS.length; i++) {
            if (WILDCARDS[i].matcher(text).matches()) {
                String concrete = text.replace("**-**", "01-01").replace("-** ", "-01 ").replace("*", "0");
                long start = epochMillis(concrete);
                return new long[] {start, BucketDuration.values()[i].nextStart(start)};
            }
        }
        throw new IllegalArgumentException("incorrect format for the within clause: '" + pattern + "' (expected "
                + "<yyyy>-<MM>-<dd> <HH>:<mm>:<ss> with the finest fields written as **)");
    }

    /** Whether a one-time clause is well formed; checked at compile time for constants. */
    public static boolean isPattern(String pattern) {
        String text = pattern.trim();
        for (Pattern wildcard : WILDCARDS) {
            if (wildcard.matcher(text).matches()) {
                return true;
            }
        }
        return false;
    }

    private static long bound(Object value) {
        if (value instanceof Long) {
            return (Long) value;
        }
        if (value == null) {
            throw new IllegalArgumentException("a within bound is null");
        }
        return epochMillis(value.toString().trim());
    }

    private static long epochMillis(String time) {
        if (GMT.matcher(time).matches()) {
            return Instant.parse(time.replace(' ', 'T') + "Z").toEpochMilli();
        }
        if (OFFSET.matcher(time).matches()) {
            String[] parts = time.split(" ");
            return ZonedDateTime.parse(parts[0] + "T" + parts[1] + parts[2]).toInstant().toEpochMilli();
        }
        throw new IllegalArgumentException("timestamp '" + time + "' does not match <yyyy>-<MM>-<dd> <HH>:<mm>:<ss> "
                + "[<+hh:mm>]");
    }
}
