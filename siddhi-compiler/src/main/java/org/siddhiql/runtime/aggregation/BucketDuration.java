package org.siddhiql.runtime.aggregation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The granularities of an incremental aggregation, finest first, with Siddhi's bucket arithmetic: a bucket starts at
 * the timestamp truncated to its duration in UTC (Siddhi's default aggregation time zone) and the next one starts a
 * duration later (a calendar month or year for those).
 */
public enum BucketDuration {
    SECONDS, MINUTES, HOURS, DAYS, MONTHS, YEARS;

    /** The start of the bucket holding {@code timestamp}. */
    public long startOf(long timestamp) {
        switch (this) {
            case SECONDS:
                return timestamp - Math.floorMod(timestamp, 1000L);
            case MINUTES:
                return timestamp - Math.floorMod(timestamp, 60_000L);
            default:
                return truncated(timestamp).toInstant().toEpochMilli();
        }
    }

    /** The start of the bucket after the one holding {@code timestamp}: when Siddhi emits the bucket. */
    public long nextStart(long timestamp) {
        switch (this) {
            case SECONDS:
                return startOf(timestamp) + 1000L;
            case MINUTES:
                return startOf(timestamp) + 60_000L;
            case HOURS:
                return truncated(timestamp).plusHours(1).toInstant().toEpochMilli();
            case DAYS:
                return truncated(timestamp).plusDays(1).toInstant().toEpochMilli();
            case MONTHS:
                return truncated(timestamp).plusMonths(1).toInstant().toEpochMilli();
            default:
                return truncated(timestamp).plusYears(1).toInstant().toEpochMilli();
        }
    }

    private ZonedDateTime truncated(long timestamp) {
        ZonedDateTime time = ZonedDateTime.ofInstant(Instant.ofEpochMilli(timestamp), ZoneOffset.UTC);
        switch (this) {
            case HOURS:
                return time.truncatedTo(ChronoUnit.HOURS);
            case DAYS:
                return time.truncatedTo(ChronoUnit.DAYS);
            case MONTHS:
                return time.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            default:
                return time.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
        }
    }

    /**
     * The duration a {@code per} value names, with the spellings Siddhi accepts ("sec", "seconds", "min", "hours",
     * ...); null when it names none.
     */
    public static BucketDuration ofPer(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "sec":
            case "second":
            case "seconds":
                return SECONDS;
            case "min":
            case "minute":
            case "minutes":
                return MINUTES;
            case "h":
            case "hour":
            case "hours":
                return HOURS;
            case "day":
            case "days":
                return DAYS;
            case "month":
            case "months":
                return MONTHS;
            case "year":
            case "years":
                return YEARS;
            default:
                return null;
        }
    }
}
