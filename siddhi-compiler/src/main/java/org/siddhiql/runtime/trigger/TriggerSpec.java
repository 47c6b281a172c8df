package org.siddhiql.runtime.trigger;

import java.io.Serializable;
import org.siddhiql.runtime.state.StateProvider;
import org.siddhiql.runtime.window.CronSchedule;

/**
 * A trigger ({@code define trigger T at 'start' | at every <time> | at '<cron>'}): a stream of events with one
 * attribute, {@code triggered_time long}, the time of each firing. {@code start} fires once when the app's clock
 * starts; {@code every} fires each period after its start; a cron trigger at each instant its expression matches.
 */
public final class TriggerSpec implements Serializable {
    private static final long serialVersionUID = 1L;

    /** How a trigger's firings are scheduled. */
    public enum Kind {
        START,
        PERIODIC,
        CRON
    }

    private final String name;
    private final Kind kind;
    private final long period;
    private final CronSchedule cron;
    /** Where Siddhi starts this trigger among the app's triggers; ties between firings go by it. */
    private int startOrder;

    private TriggerSpec(String name, Kind kind, long period, CronSchedule cron) {
        this.name = name;
        this.kind = kind;
        this.period = period;
        this.cron = cron;
    }

    /** This trigger as the {@code order}-th that Siddhi starts. */
    public TriggerSpec startingAs(int order) {
        TriggerSpec copy = new TriggerSpec(name, kind, period, cron);
        copy.startOrder = order;
        return copy;
    }

    public int startOrder() {
        return startOrder;
    }

    public static TriggerSpec atStart(String name) {
        return new TriggerSpec(name, Kind.START, 0, null);
    }

    public static TriggerSpec every(String name, long period) {
        if (period <= 0) {
            throw new IllegalArgumentException("trigger '" + name + "' period must be positive, got " + period);
        }
        return new TriggerSpec(name, Kind.PERIODIC, period, null);
    }

    public static TriggerSpec cron(String name, CronSchedule cron) {
        return new TriggerSpec(name, Kind.CRON, 0, cron);
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The first firing of a trigger started at {@code start}: then, a period later, or the next cron instant. */
    long firstFiring(long start) {
        switch (kind) {
            case START:
                return start;
            case PERIODIC:
                return start + period;
            default:
                return cron.nextAfter(start);
        }
    }

    /** The firing after the one at {@code time}, or {@link Long#MAX_VALUE} for none. */
    long firingAfter(long time) {
        switch (kind) {
            case START:
                return Long.MAX_VALUE;
            case PERIODIC:
                return time + period;
            default:
                return cron.nextAfter(time);
        }
    }

    public TriggerKernel instantiate(StateProvider state) {
        return new TriggerKernel(this, state);
    }

    @Override
    public String toString() {
        switch (kind) {
            case START:
                return name + " at 'start'";
            case PERIODIC:
                return name + " at every " + period + " ms";
            default:
                return name + " at '" + cron.expression() + "'";
        }
    }
}
