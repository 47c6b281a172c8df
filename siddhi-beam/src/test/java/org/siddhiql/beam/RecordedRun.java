package org.siddhiql.beam;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the functions of one run of {@link TradesPipeline} record, under the run's name: static, as the MiniCluster
 * runs them in the test's JVM, across the run's restarts and jobs.
 */
final class RecordedRun {
    private static final Map<String, RecordedRun> RUNS = new ConcurrentHashMap<>();

    final String name;
    final boolean failOnce;
    final AtomicBoolean failed = new AtomicBoolean();
    final AtomicLong failedAtOutput = new AtomicLong(-1);
    final AtomicLong committedAtFailure = new AtomicLong(-1);
    final AtomicLong eventsSeen = new AtomicLong();
    /** Outputs of the graph, counted before the sink: a restarted graph emits again what followed its checkpoint. */
    final AtomicLong emitted = new AtomicLong();
    private final Outputs outputs = new Outputs();

    private RecordedRun(String name, boolean failOnce) {
        this.name = name;
        this.failOnce = failOnce;
    }

    static RecordedRun start(String name, boolean failOnce) {
        RecordedRun run = new RecordedRun(name, failOnce);
        RUNS.put(name, run);
        return run;
    }

    static RecordedRun named(String name) {
        return RUNS.get(name);
    }

    Outputs outputs() {
        return outputs;
    }

    /** The sink's contents: each output line under its emission number, and any number written twice differently. */
    static final class Outputs {
        final SortedMap<Long, String> lines = new ConcurrentSkipListMap<>();
        final List<String> conflicts = new ArrayList<>();
        final AtomicLong deliveries = new AtomicLong();

        void write(long seq, String line) {
            deliveries.incrementAndGet();
            String before = lines.putIfAbsent(seq, line);
            if (before != null && !before.equals(line)) {
                synchronized (conflicts) {
                    conflicts.add(seq + ": " + before + " then " + line);
                }
            }
        }

        long count() {
            return lines.size();
        }

        /** Each stream's lines in emission order. */
        Map<String, List<String>> byStream() {
            Map<String, List<String>> streams = new TreeMap<>();
            lines.values().forEach(line ->
                    streams.computeIfAbsent(line.substring(0, line.indexOf(' ')), s -> new ArrayList<>()).add(line));
            return streams;
        }
    }
}
