package org.siddhiql.conformance;

import java.nio.file.Path;

/**
 * Something that can run a Siddhi app over an events file and write one JSONL file per output stream,
 * following the {@code bin/siddhi run} contract (see docs in the conformance README).
 */
public interface ConformanceEngine {

    /** A short name for reports, e.g. {@code oracle} or {@code flink}. */
    String name();

    /**
     * Runs {@code app} over {@code events} and writes {@code outDir/<Stream>.jsonl} for every output stream.
     *
     * @throws Exception when the app or the events are rejected or the run fails
     */
    void run(Path app, Path events, Path outDir, int parallelism) throws Exception;
}
