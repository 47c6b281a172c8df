package org.siddhiql.runtime.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.siddhiql.runtime.state.InMemoryStateProvider;

/** The registry, parameter validation and the spec properties. */
class WindowsTest {

    @Test
    void builtInsAreFoundByTheirSiddhiNames() {
        Windows windows = Windows.builtIns();
        for (String name : List.of("length", "lengthBatch", "batch", "time", "timeBatch", "timeLength",
                "externalTime", "externalTimeBatch", "sort", "expression", "expressionBatch", "delay", "session",
                "frequent", "lossyFrequent", "cron")) {
            assertNotNull(windows.find(name), name);
        }
        assertNull(windows.find("hopping"));
        assertNull(windows.find("Length"));
    }

    @Test
    void extensionsCanBeRegistered() {
        WindowFactory custom = (params, context) -> LengthWindow.FACTORY.create(params, context);
        Windows windows = Windows.builtIns().register("my:window", custom);
        assertSame(custom, windows.find("my:window"));
        assertTrue(windows.names().contains("my:window"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "length(2, 3) => window 'length' expects 1 parameter (window.length int), got 2",
        "length(2L) => window 'length' parameter 1 (window.length) must be int, got long",
        "length(price) => window 'length' parameter 1 (window.length) must be a constant, not an attribute",
        "lengthBatch(2, 1) => window 'lengthBatch' parameter 2 (stream.current.event) must be bool, got int",
        "batch(-1) => window 'batch' parameter 1 (window.length) must not be negative, got -1",
        "time(1.5) => window 'time' parameter 1 (window.time) must be int or long, got double",
        "timeBatch(1 sec, 'a') => window 'timeBatch' parameter 2 (start.time or stream.current.event) must be int,"
                + " long or bool, got string",
        "timeBatch(0) => window 'timeBatch' parameter 1 (window.time) must be positive, got 0",
        "timeLength(1 sec) => window 'timeLength' expects 2 parameters (window.time int|long|time, window.length int),"
                + " got 1",
        "externalTime(ts + 1, 1000) => window 'externalTime' parameter 1 (timestamp) must be a long attribute of the"
                + " input, not an expression",
        "externalTime(price, 1000) => window 'externalTime' parameter 1 (timestamp) must be long, got int",
        "externalTimeBatch(ts, 1 sec, price) => window 'externalTimeBatch' parameter 3 (start.time) must be an int or"
                + " long constant or a long attribute, got int",
        "sort(2) => window 'sort' expects at least 2 parameters (window.length int, attribute, ['asc'|'desc'],"
                + " attribute, ['asc'|'desc'], ...), got 1",
        "sort(2, price, 'up') => window 'sort' parameter 3 must be 'asc' or 'desc', got 'up'",
        "sort(2, price, sym) => window 'sort' parameter 3 (order) must be a constant, not an attribute",
        "session(5000) => window 'session' parameter 1 (session.gap) must be a long or time constant (e.g. 5000L or"
                + " 5 sec); Siddhi 5.1.21 fails on an int",
        "session(5 sec, 'k') => window 'session' parameter 2 (session.key) must be a string attribute of the input,"
                + " not a constant",
        "session(5 sec, sym, 6 sec) => window 'session' parameter 3 (allowed.latency) must not be greater than the"
                + " session gap",
        "frequent(2, price) => window 'frequent' parameter 2 (attribute) must be string, got int",
        "lossyFrequent(0.1) => window 'lossyFrequent' needs its error.bound too: lossyFrequent(support.threshold"
                + " double, error.bound double[, attribute]); Siddhi 5.1.21 fails on the one-parameter form",
        "expressionBatch(true) => window 'expressionBatch' parameter 1 (expression) must be the condition as a string,"
                + " got bool",
    })
    void parametersAreCheckedAsSiddhiChecksThem(String window, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WindowTester(window));
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "length(2) => false => SLIDE",
        "lengthBatch(2, true) => false => BATCH",
        "batch() => false => BATCH",
        "time(1 sec) => true => SLIDE",
        "delay(1 sec) => true => SLIDE",
        "timeBatch(1 sec) => false => BATCH",
        "timeBatch(1 sec, 0, true) => false => RESET",
        "timeLength(1 sec, 2) => false => SLIDE",
        "externalTime(ts, 1 sec) => false => SLIDE",
        "externalTimeBatch(ts, 1 sec, 0, 100, true) => false => BATCH",
        "sort(2, price, 'desc', sym) => false => SLIDE",
        "expression('count() < 2') => false => SLIDE",
        "expressionBatch('count() < 2', price > 2, true) => false => BATCH",
        "session(1 sec, sym, 100L) => false => GROUP",
        "frequent(2) => false => SLIDE",
        "lossyFrequent(0.1, 0.01, sym) => false => SLIDE",
    })
    void specsSayWhetherTheySplitByKeyAndTheirProcessingMode(String window, boolean splittable, String mode)
            throws Exception {
        WindowSpec spec = WindowTester.spec(window, WindowTester.S, true);
        assertEquals(splittable, spec.splittableByKey());
        assertEquals(WindowSpec.ProcessingMode.valueOf(mode), spec.processingMode());
        // specs ship with the job
        new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(spec);
    }

    @Test
    void describeShowsTheWindowAsWritten() {
        assertEquals("sort(2, price, 'desc', sym)",
                WindowTester.spec("sort(2, price, 'desc', sym)", WindowTester.S, false).describe());
        assertEquals("timeBatch(1000L, 0, true)",
                WindowTester.spec("timeBatch(1 sec, 0, true)", WindowTester.S, false).describe());
    }

    @Test
    void stateIsPerKey() {
        WindowTester w = new WindowTester("length(1)");
        InMemoryStateProvider state = w.state;
        state.setCurrentKey("k1");
        w.send(1000, "a", 1, 1000L);
        state.setCurrentKey("k2");
        w.send(1100, "b", 2, 1100L);
        state.setCurrentKey("k1");
        w.send(1200, "c", 3, 1200L);
        state.setCurrentKey("k2");
        w.send(1300, "d", 4, 1300L);
        state.setCurrentKey("k3");
        w.send(1400, "e", 5, 1400L);
        assertEquals(List.of(
                "CURRENT 1000 [a, 1, 1000L]",
                "CURRENT 1100 [b, 2, 1100L]",
                "EXPIRED 1200 [a, 1, 1000L] | CURRENT 1200 [c, 3, 1200L]",
                "EXPIRED 1300 [b, 2, 1100L] | CURRENT 1300 [d, 4, 1300L]",
                "CURRENT 1400 [e, 5, 1400L]"), w.take());
    }
}
