package org.siddhiql.flink.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.compiler.plan.AppPlan;
import org.siddhiql.compiler.plan.QueryPlan;
import org.siddhiql.flink.typeutils.EventTypeInfo;
import org.siddhiql.runtime.event.Event;

/**
 * What only the wall clock drives — triggers and the cron window in a live (processing-time) app — under Flink's
 * harness with a controlled processing-time clock, so each firing is exact. Cron expressions use only the seconds
 * field, so the instants do not depend on the machine's time zone.
 */
class WallClockOperatorTest {
    private static final String PERIODIC = "define trigger Tick at every 1 sec;\n"
            + "from Tick select triggered_time as t insert into Ticks;";
    private static final String START = "define trigger Boot at 'start';\n"
            + "from Boot select triggered_time as t, 'booted' as msg insert into Booted;";
    private static final String CRON = "define trigger Every5 at '*/5 * * * * ?';\n"
            + "from Every5 select triggered_time as t insert into Fired;";
    private static final String CRON_WINDOW = "define stream S (k string, v int);\n"
            + "from S#window.cron('*/2 * * * * ?') select k, sum(v) as total insert all events into Sums;";
    private static final String TRIGGER_AND_WINDOW = "define trigger Tick at every 1 sec;\n"
            + "define stream S (v int);\n"
            + "from Tick join S#window.time(1500 milliseconds) select Tick.triggered_time as t, count() as n "
            + "insert into Counts;";

    @Test
    void aPeriodicTriggerFiresEveryPeriodAfterTheJobStarts() throws Exception {
        try (Harness h = new Harness(PERIODIC, 10_000)) {
            h.clock(10_999);
            assertEquals(List.of(), h.outputs("Ticks"));
            h.clock(11_000);
            assertEquals(List.of("11000 [11000]"), h.outputs("Ticks"));
            h.clock(13_500); // late: each missed firing still fires, with its own time
            assertEquals(List.of("12000 [12000]", "13000 [13000]"), h.outputs("Ticks"));
        }
    }

    @Test
    void aPeriodicTriggerKeepsItsPhaseAcrossARestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (Harness h = new Harness(PERIODIC, 10_000)) {
            h.clock(11_200);
            assertEquals(List.of("11000 [11000]"), h.outputs("Ticks"));
            snapshot = h.harness.snapshot(1L, 11_200L);
        }
        try (Harness restored = new Harness(PERIODIC, 11_300, snapshot)) {
            restored.clock(12_000);
            assertEquals(List.of("12000 [12000]"), restored.outputs("Ticks"));
        }
    }

    @Test
    void aStartTriggerFiresOnceWhenTheJobStartsAndNotAgainAfterARestore() throws Exception {
        OperatorSubtaskState snapshot;
        try (Harness h = new Harness(START, 42_000)) {
            h.clock(42_000);
            assertEquals(List.of("42000 [42000, booted]"), h.outputs("Booted"));
            h.clock(50_000);
            assertEquals(List.of(), h.outputs("Booted"));
            snapshot = h.harness.snapshot(1L, 50_000L);
        }
        try (Harness restored = new Harness(START, 60_000, snapshot)) {
            restored.clock(70_000);
            assertEquals(List.of(), restored.outputs("Booted"));
        }
    }

    @Test
    void aCronTriggerFiresAtTheInstantsItsExpressionMatches() throws Exception {
        try (Harness h = new Harness(CRON, 12_300)) {
            h.clock(14_999);
            assertEquals(List.of(), h.outputs("Fired"));
            h.clock(15_000);
            h.clock(21_000);
            assertEquals(List.of("15000 [15000]", "20000 [20000]"), h.outputs("Fired"));
        }
    }

    @Test
    void theCronWindowEmitsItsBatchAtEachInstant() throws Exception {
        try (Harness h = new Harness(CRON_WINDOW, 1_000)) {
            h.send(1_100, "a", 1);
            h.send(1_700, "b", 2);
            h.clock(2_000);
            assertEquals(List.of("1700 [b, 3]"), h.outputs("Sums"));
            h.send(2_500, "c", 10);
            h.clock(4_000); // the previous batch expires, then c enters: one chunk, the last event is selected
            assertEquals(List.of("2500 [c, 10]"), h.outputs("Sums"));
            h.clock(6_000); // nothing arrived since 4000: nothing is emitted
            assertEquals(List.of(), h.outputs("Sums"));
        }
    }

    @Test
    void aTriggerFiringSeesTheWindowAfterTheTimersDueByItsTime() throws Exception {
        try (Harness h = new Harness(TRIGGER_AND_WINDOW, 0)) {
            h.send(100, 1);
            h.send(500, 2);
            h.clock(1_000); // both held
            h.clock(2_100); // 100 left at 1600 and 500 at 2000, so the firing at 2000 finds none: no output
            assertEquals(List.of("1000 [1000, 2]"), h.outputs("Counts"));
        }
    }

    /** The app's queries in one operator on processing time, as the sequential part of a live run. */
    private static final class Harness implements AutoCloseable {
        final KeyedOneInputStreamOperatorTestHarness<String, TaggedEvent, TaggedEvent> harness;
        private final Map<String, OutputTag<Event>> tags = new LinkedHashMap<>();
        private final List<String> streams;

        Harness(String app, long jobStart) throws Exception {
            this(app, jobStart, null);
        }

        Harness(String app, long jobStart, OperatorSubtaskState restoreFrom) throws Exception {
            AppPlan plan = new AppCompiler().compile(app);
            streams = new ArrayList<>(plan.streams().keySet());
            for (QueryPlan query : plan.queries()) {
                tags.put(query.outputStream(), new OutputTag<>(query.outputStream(), EventTypeInfo.of(query.output())));
            }
            harness = new KeyedOneInputStreamOperatorTestHarness<>(new QueryGraphOperator(plan.queries(), streams,
                    tags, TimeMode.PROCESSING_TIME), QueryKeySelector.global(), Types.STRING);
            harness.setProcessingTime(jobStart);
            if (restoreFrom != null) {
                harness.initializeState(restoreFrom);
            }
            harness.open();
        }

        void clock(long time) throws Exception {
            harness.setProcessingTime(time);
        }

        /** An event of the app's first stream arriving at {@code time}, stamped with it as a live source does. */
        void send(long time, Object... data) throws Exception {
            clock(time);
            harness.processElement(new StreamRecord<>(new TaggedEvent(streams.indexOf("S"), new Event(time, data))));
        }

        List<String> outputs(String stream) {
            List<String> events = new ArrayList<>();
            ConcurrentLinkedQueue<StreamRecord<Event>> records = harness.getSideOutput(tags.get(stream));
            if (records != null) {
                records.forEach(record -> events.add(record.getValue().toString()));
                records.clear();
            }
            return events;
        }

        @Override
        public void close() throws Exception {
            harness.close();
        }
    }
}
