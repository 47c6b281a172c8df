package org.siddhiql.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.siddhi.core.event.Event;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.siddhiql.cli.SiddhiCli;
import picocli.CommandLine;

/**
 * On-demand queries on incremental aggregations, against siddhi-core: each app of the conformance corpus listed here
 * runs over its events in siddhi-core (playback), which then answers the on-demand queries
 * ({@code SiddhiAppRuntime.query}); our side is {@code bin/siddhi run --savepoint} and {@code bin/siddhi query} on
 * that savepoint. The rows must be the same, in the same order.
 */
class OnDemandAggregationITCase {
    private static final Path CASES = Path.of("src/test/resources/conformance/cases");

    static Stream<Arguments> apps() {
        return Stream.of(
                // arrival time, two group-by attributes: rows in siddhi-core's hash order, finished and running
                Arguments.of("aggregation_arrival_rows_in_siddhi_order", List.of(
                        "from HitAgg within 0L, 600000L per 'seconds' select AGG_TIMESTAMP, host, path, total, n",
                        "from HitAgg within 0L, 600000L per 'minutes' select *",
                        "from HitAgg on total > 150L within 0L, 600000L per 'minutes' "
                                + "select host, sum(total) as bytes, count() as rows group by host")),
                // arrival time rolled over up to the hour
                Arguments.of("aggregation_arrival_time_rollover", List.of(
                        "from CallAgg within 0L, 7200000L per 'minutes' select *",
                        "from CallAgg within 0L, 7200000L per 'hours' select caller, talk, calls",
                        "from CallAgg on calls > 1L within '1970-01-01 00:**:**' per 'seconds' "
                                + "select AGG_TIMESTAMP, caller, talk order by talk desc")),
                // aggregate by ts across a day boundary
                Arguments.of("aggregation_day_boundary_by_ts", List.of(
                        "from DailySales within 0L, 259200000L per 'days' select *",
                        "from DailySales within '1970-01-01 23:59:**' per 'seconds' select AGG_TIMESTAMP, store, total",
                        "from DailySales on store == 'north' within 0L, 259200000L per 'hours' "
                                + "select AGG_TIMESTAMP, total, n, biggest order by AGG_TIMESTAMP desc limit 2")),
                // aggregate by ts with events out of order
                Arguments.of("aggregation_out_of_order_by_ts", List.of(
                        "from SensorAgg within 0L, 600000L per 'seconds' select *",
                        "from SensorAgg within 0L, 600000L per 'minutes' select sensor, total, lo, n")),
                // no group by; avg, min, max
                Arguments.of("aggregation_no_groupby", List.of(
                        "from TempAgg within 0L, 600000L per 'minutes' select *",
                        "from TempAgg within 60000L, 120000L per 'seconds' select AGG_TIMESTAMP, avgV, n "
                                + "having n > 1L")),
                // days and months, within a one-month pattern
                Arguments.of("aggregation_month_boundary_interval", List.of(
                        "from RegionAgg within 0L, 31536000000L per 'months' select *",
                        "from RegionAgg within '1970-02-** **:**:**' per 'days' "
                                + "select AGG_TIMESTAMP, region, total, avgAmount")));
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("apps")
    void answersAsSiddhiCoreDoes(String caseName, List<String> queries) throws Exception {
        Path app = CASES.resolve(caseName).resolve("app.siddhi");
        Path events = CASES.resolve(caseName).resolve("events.jsonl");
        Map<String, List<String>> expected = new LinkedHashMap<>();
        OracleEngine.run(Files.readString(app, StandardCharsets.UTF_8), OracleEngine.readEvents(events),
                runtime -> queries.forEach(query -> expected.put(query, lines(runtime.query(query)))));

        String savepoint = cli("run", app.toString(), "--events", events.toString(), "--out",
                dir.resolve("out").toString(), "--parallelism", "2", "--savepoint", dir.toString()).strip();
        Map<String, List<String>> actual = new LinkedHashMap<>();
        for (String query : queries) {
            actual.put(query, cli("query", app.toString(), "--state", savepoint, query).lines().toList());
        }
        assertEquals(expected, actual);
    }

    /** siddhi-core's rows as {@code bin/siddhi query} prints them; it answers null when there are none. */
    private static List<String> lines(Event[] rows) {
        List<String> lines = new ArrayList<>();
        if (rows != null) {
            for (Event row : rows) {
                lines.add(OracleEngine.toJsonLine(row));
            }
        }
        return lines;
    }

    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new SiddhiCli());
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        assertEquals(0, exit, () -> String.join(" ", args) + ": " + err);
        return out.toString();
    }
}
