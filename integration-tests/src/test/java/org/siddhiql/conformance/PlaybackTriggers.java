package org.siddhiql.conformance;

import io.siddhi.core.SiddhiAppRuntime;
import io.siddhi.core.event.Event;
import io.siddhi.query.api.SiddhiApp;
import io.siddhi.query.api.definition.TriggerDefinition;
import io.siddhi.query.compiler.SiddhiCompiler;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * Periodic and cron triggers on the playback clock, for the oracle. siddhi-core 5.1.21 fires them from the wall clock
 * (a scheduled executor, a Quartz scheduler) even in playback, so over recorded events they fire at random or never.
 * The contract (FORMAT.md) is event time: a trigger's schedule starts with the first event, {@code every t} fires at
 * first + k*t, a cron trigger at each instant after the first event its expression matches (Quartz, default time zone).
 * So the oracle redefines such triggers as plain streams of the same shape and sends their firings itself, each ahead
 * of the first event at or after its time, as the playback clock would deliver a timer. {@code start} triggers are left
 * to siddhi-core: they fire at the playback clock's start, 0, already.
 */
final class PlaybackTriggers {
    private static final Pattern TIMED_TRIGGER = Pattern.compile(
            "define\\s+trigger\\s+(\\w+)\\s+at\\s+(?:every\\s+[^;]+|'[^']*'|\"[^\"]*\")\\s*;", Pattern.CASE_INSENSITIVE);

    private final String app;
    private final List<Schedule> schedules = new ArrayList<>();

    private PlaybackTriggers(String appText) {
        SiddhiApp parsed = SiddhiCompiler.parse(appText);
        Map<String, TriggerDefinition> timed = new ConcurrentHashMap<>(); // Siddhi's order for ties
        for (TriggerDefinition trigger : parsed.getTriggerDefinitionMap().values()) {
            if (trigger.getAtEvery() != null || !trigger.getAt().trim().equalsIgnoreCase("start")) {
                timed.put(trigger.getId(), trigger);
            }
        }
        StringBuilder rewritten = new StringBuilder();
        Matcher matcher = TIMED_TRIGGER.matcher(appText);
        while (matcher.find()) {
            String replacement = timed.containsKey(matcher.group(1))
                    ? "define stream " + matcher.group(1) + " (triggered_time long);" : matcher.group();
            matcher.appendReplacement(rewritten, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(rewritten);
        this.app = rewritten.toString();
        timed.values().forEach(t -> schedules.add(new Schedule(t)));
    }

    static PlaybackTriggers of(String appText) {
        return new PlaybackTriggers(appText);
    }

    /** The app with its periodic and cron triggers redefined as streams. */
    String app() {
        return app;
    }

    /** Sends every firing due by {@code time} (the next event's), in time order, starting the schedules if new. */
    void fireUpTo(long time, SiddhiAppRuntime runtime) throws InterruptedException {
        while (true) {
            Schedule next = null;
            for (Schedule schedule : schedules) {
                schedule.startAt(time);
                if (schedule.next <= time && (next == null || schedule.next < next.next)) {
                    next = schedule;
                }
            }
            if (next == null) {
                return;
            }
            long firing = next.next;
            runtime.getInputHandler(next.trigger.getId()).send(new Event(firing, new Object[] {firing}));
            next.next = next.after(firing);
        }
    }

    private static final class Schedule {
        final TriggerDefinition trigger;
        final CronExpression cron;
        long next = Long.MIN_VALUE;

        Schedule(TriggerDefinition trigger) {
            this.trigger = trigger;
            try {
                this.cron = trigger.getAtEvery() != null ? null : new CronExpression(trigger.getAt());
            } catch (ParseException e) {
                throw new IllegalArgumentException("trigger " + trigger.getId() + ": " + e.getMessage(), e);
            }
        }

        void startAt(long first) {
            if (next == Long.MIN_VALUE) {
                next = after(first);
            }
        }

        long after(long time) {
            if (cron == null) {
                return time + trigger.getAtEvery();
            }
            Date next = cron.getNextValidTimeAfter(new Date(time));
            return next == null ? Long.MAX_VALUE : next.getTime();
        }
    }
}
