package org.siddhiql.examples.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the example as its users do, through {@code main} and its flags, over the sample {@code trades.csv} (the
 * module's; the same trades as {@code trades.jsonl}, which {@code bin/siddhi run} on the Flink engine turns into the
 * same rows).
 */
class TradeAlertsTest {
    /**
     * 09:00 closes when the 09:01:05 trade moves the clock past it: IBM's five trades, ACME's two. 09:01 closes at
     * 09:02:03: ACME's two, IBM's one. The 09:02 minute is still open when the input ends, so it never comes out.
     */
    private static final List<String> VOLUMES = List.of(
            "ACME,2,300,23.5",
            "ACME,2,800,21.5",
            "IBM,1,100,160.0",
            "IBM,5,770,166.0");

    /**
     * 159.00 at 09:00:10 is 5% above both 150.00 (9 s before) and 151.00 (1 s before); 158.00 at 09:00:30 would be
     * above 150.00 too, but 29 s after it, outside {@code within 10 sec}.
     */
    private static final List<String> SPIKES = List.of(
            "ACME,20.0,21.5",
            "ACME,22.0,23.5",
            "IBM,150.0,159.0",
            "IBM,151.0,159.0",
            "IBM,158.0,166.0");

    @Test
    void writesEachOutputStreamOnTheDirectRunner(@TempDir Path out) throws IOException {
        TradeAlerts.main(new String[] {"--input=trades.csv", "--output=" + out});

        assertEquals(VOLUMES, sortedLines(out.resolve("Volumes.csv")));
        assertEquals(SPIKES, sortedLines(out.resolve("Spikes.csv")));
    }

    @Test
    void writesTheSameOnTheFlinkRunner(@TempDir Path out) throws IOException {
        TradeAlerts.main(new String[] {"--input=trades.csv", "--output=" + out, "--runner=FlinkRunner",
                "--flinkMaster=[local]", "--streaming=true", "--parallelism=2"});

        assertEquals(VOLUMES, sortedLines(out.resolve("Volumes.csv")));
        assertEquals(SPIKES, sortedLines(out.resolve("Spikes.csv")));
    }

    /**
     * A file's lines, sorted: a PCollection has no order, so TextIO writes its one shard in whatever order the runner
     * hands the rows over (the app's emission order is not kept across the steps after it).
     */
    private static List<String> sortedLines(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.sorted().collect(Collectors.toList());
        }
    }
}
